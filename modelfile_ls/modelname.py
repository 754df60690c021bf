"""Ollama's model-name grammar (`types/model/name.go`) for FROM values that are not paths.

`[scheme://][host/][namespace/]model[:tag]`, parsed right to left. Each part starts with an
ASCII letter, digit or `_`; namespaces allow no `.`, only hosts allow `:`. The server first
takes off a source suffix (`internal/modelref`): a final `:cloud` / `:local`, or a tag ending
in `-cloud`, and refuses a second one under it.
"""

from modelfile_ls.static_types import NamedTuple

_MISSING = "!MISSING!"
_LIMITS = {"host": 350, "namespace": 80, "model": 80, "tag": 80}
# Go's `strings.TrimSpace` set (`unicode.IsSpace`): Python's `str.strip` would also take the
# ASCII separators U+001C-U+001F, which Go keeps (and then refuses as part of the name).
_GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
)
_GO_SPACE += "\u2028\u2029\u202f\u205f\u3000"
_CLOUD_TAG = "-cloud"


class ModelName(NamedTuple):
    """A parsed model reference; `problem` says why Ollama would refuse it."""

    host: str
    namespace: str
    model: str
    tag: str
    source: str | None
    problem: str | None

    @property
    def is_valid(self) -> bool:
        """True when Ollama's server accepts the name."""
        return self.problem is None

    @property
    def is_remote(self) -> bool:
        """A cloud-backed model (`:cloud` suffix or a tag ending in `-cloud`)."""
        return self.source == "cloud" or self.tag.lower().endswith("-cloud")

    @property
    def short(self) -> str:
        """`model:tag` for library models, `namespace/model:tag` otherwise."""
        base = self.model if self.namespace == "library" else f"{self.namespace}/{self.model}"
        if self.host != "registry.ollama.ai":
            base = f"{self.host}/{base}"
        return f"{base}:{self.tag}"


def has_tag(reference: str) -> bool:
    """Whether `reference` names a tag: a `:` after the last `/` (one before it is a port)."""
    return reference.rfind(":") > reference.rfind("/")


def split_tag(reference: str) -> tuple[str, str]:
    """`qwen3:8b` -> (`qwen3`, `8b`); a reference without a tag -> (reference, "")."""
    if has_tag(reference):
        base, _, tag = reference.rpartition(":")
        return base, tag
    return reference, ""


def _cut_last(text: str, sep: str) -> tuple[str, str, bool]:
    index = text.rfind(sep)
    if index < 0:
        return text, "", False
    return text[:index] or _MISSING, text[index + len(sep) :] or _MISSING, True


def _part_problem(kind: str, value: str) -> str | None:
    if value == _MISSING:
        return f"the {kind} is empty"
    if not 1 <= len(value) <= _LIMITS[kind]:
        return f"the {kind} must be 1 to {_LIMITS[kind]} characters"
    first = value[0]
    if not (first.isascii() and (first.isalnum() or first == "_")):
        return f"the {kind} {value!r} must start with a letter, digit or underscore"
    for char in value[1:]:
        if char in "_-" or (char.isascii() and char.isalnum()):
            continue
        if char == "." and kind != "namespace":
            continue
        if char == ":" and kind == "host":
            continue
        return f"the {kind} {value!r} may not contain {char!r}"
    return None


def _source_suffix(raw: str) -> tuple[str, str | None, str]:
    """Ollama's `modelref.parseSourceSuffix`: the reference without its source suffix, the
    source it names (`cloud`, `local` or None), and the `-cloud` it cut from a tag."""
    index = raw.rfind(":")
    if index >= 0:
        suffix_raw = raw[index + 1 :].strip(_GO_SPACE)
        suffix = suffix_raw.lower()
        if suffix in ("cloud", "local"):
            return raw[:index], suffix, ""
        if "/" not in suffix_raw and suffix.endswith(_CLOUD_TAG):
            cut = len(suffix_raw) - len(_CLOUD_TAG)
            return raw[: index + 1] + suffix_raw[:cut], "cloud", suffix_raw[cut:]
    return raw, None, ""


def parse_model_name(raw: str) -> ModelName:
    """Parse and validate a model reference as Ollama's server does for `from`
    (`parseAndValidateModelRef`: `modelref.ParseRef`, then `model.ParseName(...).IsValid`)."""
    text, source, cloud_tag = _source_suffix(raw.strip(_GO_SPACE))
    if source is not None and _source_suffix(text)[1] is not None:
        return ModelName("", "", "", "", source, "use either :local or :cloud, not both")
    host, namespace, tag = "", "", ""
    rest = text
    if has_tag(rest):
        rest, tag, _ = _cut_last(rest, ":")
    rest, model, found = _cut_last(rest, "/")
    if not found:
        model = rest
    else:
        rest, namespace, found = _cut_last(rest, "/")
        if not found:
            namespace = rest
        else:
            scheme, sep, after = rest.partition("://")
            host = after if sep else scheme
    parts = {
        "host": host or "registry.ollama.ai",
        "namespace": namespace or "library",
        "model": model or _MISSING,
        "tag": tag or "latest",
    }
    problem = next(
        (
            p
            for kind in ("model", "tag", "namespace", "host")
            if (p := _part_problem(kind, parts[kind]))
        ),
        None,
    )
    # The name is checked without a tag's `-cloud`, and shown with it, as Ollama pulls it.
    shown_tag = parts["tag"] + cloud_tag
    return ModelName(parts["host"], parts["namespace"], parts["model"], shown_tag, source, problem)
