"""The files `ollama create` takes from a FROM, ADAPTER or DRAFT directory (`filesForModel`),
and the ones among them whose real path leaves it (`fileDigestMap`'s insecure paths).

Apart from `paths.py`, which every check needs to resolve its FROM: only a reference to a
directory reads this module, which imports the content sniffer and the glob.
"""

from __future__ import annotations

import os
import stat

from modelfile_ls.analysis.paths import go_error_text
from modelfile_ls.analysis.sniff import SNIFF_LENGTH, detect_content_type
from modelfile_ls.static_types import NamedTuple

# The CLI's weight selection for a directory (`filesForModel`), in order: the first rule with a
# matching file wins; a rule with a content type is skipped as a whole when one of its files
# sniffs as something else (Go ignores that glob's error). Top-level `model*.safetensors` also
# bring the ones a level deeper.
_WEIGHT_RULES: tuple[tuple[str, str | None], ...] = (
    ("model*.safetensors", None),
    ("consolidated*.safetensors", None),
    ("pytorch_model*.bin", "application/zip"),
    ("consolidated*.pth", "application/zip"),
    ("*.gguf", "application/octet-stream"),
    ("*.bin", "application/octet-stream"),
)
# Always added after the weights; each must sniff as text or the whole create fails (Go's
# `**` is a plain `*`, so `**/*.json` is one level down).
_TEXT_FILES = ("*.json", "*/*.json", "chat_template.jinja")
ERR_MODEL_NOT_FOUND = "no Modelfile or safetensors files found"


class Refusal(NamedTuple):
    """Why a glob of the selection failed: the file (None: it did not), Go's error, and the
    type the file sniffed as when it was read."""

    path: str | None
    error: str = ""
    detected: str | None = None


NO_REFUSAL = Refusal(None)


class ModelFiles(NamedTuple):
    """The files the CLI's `filesForModel` picks from a model directory, or why it fails."""

    weights: list[str]
    others: list[str]
    """Configuration, chat template and tokenizer files added after the weights."""
    error: str | None = None
    """`no Modelfile or safetensors files found`, or the refusal's error."""
    refusal: Refusal = NO_REFUSAL
    """The file whose content type, or reading, failed the selection (`error` is its)."""

    @property
    def files(self) -> list[str]:
        """Every selected file, weights first, as the CLI hashes them."""
        return self.weights + self.others


def _glob(directory: str, pattern: str, content_type: str | None) -> tuple[list[str], Refusal]:
    """Go's `glob` helper in `filesForModel`: the sorted matches, or the first one that cannot
    be read or does not sniff as `content_type`, with Go's error (which names the detected
    type). Like `filepath.Glob`, a match is any entry of that name: a directory or a dangling
    link matches too, and fails when it is read."""
    matches = go_glob(directory, pattern)
    for match in matches:
        head = _sniffed_head(match)
        if isinstance(head, str):
            return [], Refusal(match, head)
        # The CLI compares the type before any `;` (`text/plain; charset=utf-16le`).
        detected = detect_content_type(head).partition(";")[0]
        if content_type is not None and detected != content_type:
            error = f"invalid content type: expected {detected} for {match}"
            return [], Refusal(match, error, detected)
    return matches, NO_REFUSAL


def go_glob(directory: str, pattern: str) -> list[str]:
    """`filepath.Glob(filepath.Join(directory, pattern))` for the selection's patterns (`*` the
    only meta character, in the last two components; `directory` taken literally): each
    directory's names sorted, a name without `*` kept when `Lstat` finds it (a dangling link
    too), a wildcard matching any entry, and the parent of a last component a directory once
    links are followed (`os.Stat`)."""
    head, _, name = pattern.rpartition("/")
    if not head:
        if "*" not in name:
            path = os.path.join(directory, name)
            return [path] if os.path.lexists(path) else []
        return _matching(directory, name)
    return [match for folder in go_glob(directory, head) for match in _matching(folder, name)]


def _matching(folder: str, name: str) -> list[str]:
    """Go's `glob(dir, pattern)`: the entries of a directory matching `name`, sorted; nothing
    when `folder` is not a directory or cannot be read (Go ignores those errors)."""
    # Imported here: fnmatch brings `re`, and only a reference to a folder globs
    # (bench/lazy_imports.py, "check path: re").
    from fnmatch import fnmatchcase

    try:
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    except OSError:
        return []
    return [os.path.join(folder, entry) for entry in names if fnmatchcase(entry, name)]


def _sniffed_head(path: str) -> bytes | str:
    """The bytes Go's `detectContentType` reads (`os.Open`, 512 bytes), or its error."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"open {path}: {go_error_text(exc)}"
    if stat.S_ISDIR(mode):
        return f"read {path}: is a directory"
    if not stat.S_ISREG(mode):
        return b""  # Go would block on a FIFO until a writer comes: the checker reads nothing
    try:
        with open(path, "rb") as stream:
            return stream.read(SNIFF_LENGTH)
    except OSError as exc:
        return f"open {path}: {go_error_text(exc)}"


def model_files(directory: str) -> ModelFiles:
    """The files `ollama create` would take from a FROM, ADAPTER or DRAFT directory."""
    weights: list[str] = []
    for pattern, content_type in _WEIGHT_RULES:
        weights = _glob(directory, pattern, content_type)[0]
        if weights:
            if pattern == "model*.safetensors":
                nested, refusal = _glob(directory, "*/" + pattern, None)
                if refusal.path is not None:
                    return ModelFiles([], [], refusal.error, refusal)
                weights += nested
            break
    if not weights:
        return ModelFiles([], [], ERR_MODEL_NOT_FOUND)
    others: list[str] = []
    for pattern in _TEXT_FILES:
        found, refusal = _glob(directory, pattern, "text/plain")
        if refusal.path is not None:
            return ModelFiles(weights, others, refusal.error, refusal)
        others += found
    # A top-level tokenizer.model must be binary, a nested one text (an unresolved LFS
    # pointer is text): the CLI ignores either glob's content-type error.
    tokenizer = _glob(directory, "tokenizer.model", "application/octet-stream")[0]
    others += tokenizer or _glob(directory, "*/tokenizer.model", "text/plain")[0]
    return ModelFiles(weights, others)


class Escaping(NamedTuple):
    """A selected file whose real path lies outside its model directory."""

    name: str
    """The file as the directory lists it (`model.safetensors`)."""
    target: str
    """Its real path relative to the directory, as Ollama's message names it (`../blobs/x`)."""

    @property
    def ollama_message(self) -> str:
        """`fileDigestMap`'s error, with its advice for a Hugging Face cache."""
        if ".cache" in self.target:
            return (
                f"insecure path: {self.target}\n\n"
                "Use --local-dir <dir> when downloading model to disable caching"
            )
        return f"insecure path: {self.target}"


def escaping_files(directory: str, selected: ModelFiles) -> list[Escaping]:
    """The files selected from `directory` that are not local once their links are followed,
    in the CLI's order.

    As `fileDigestMap` does: each file's real path (`EvalSymlinks`) relative to the directory
    as written (expanded, links in it not followed), refused unless that is local (`IsLocal`):
    a directory reached through a link has all its files refused."""
    escaping = []
    for candidate in selected.files:
        target = os.path.relpath(os.path.realpath(candidate), directory)
        if target == ".." or target.startswith("../") or os.path.isabs(target):
            escaping.append(Escaping(os.path.relpath(candidate, directory), target))
    return escaping
