"""Path resolution for FROM / ADAPTER / DRAFT, as the CLI's `expandPath` and file selection do.

Paths resolve against the Modelfile's directory (not the working directory); `~` and `~user`
expand to home directories; a FROM path that does not exist becomes a model name, while a
missing ADAPTER or DRAFT path fails with `stat <path>: no such file or directory`.

Paths are strings (absolute, normalized, as Go's `filepath` makes them): pathlib, with the
`urllib.parse` it imports, was 8% of the instructions of a `--check` (bench/RESULTS.md).
"""

import errno
import os
import pwd
import stat

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
GGUF_MAGIC = b"GGUF"
LFS_POINTER = b"version https://git-lfs"


# The stat errors that make a path missing rather than unreadable (pathlib's `exists`).
_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


class ResolvedPath(NamedTuple):
    """What a path value refers to on this machine."""

    path: str | None
    kind: str
    """`file`, `directory`, `missing`, or `error` (then `error` says why)."""
    error: str | None = None


def expand(value: str, base_dir: str) -> tuple[str | None, str | None]:
    """The absolute path Ollama would stat, or the error `~user` expansion gives."""
    if value.startswith("~"):
        head, _, tail = value[1:].partition("/")
        if head:
            try:
                home = pwd.getpwnam(head).pw_dir
            except KeyError:
                return None, f"failed to find user '{head}': user: unknown user {head}"
        else:
            home = current_home()
        return os.path.normpath(os.path.join(home, tail)), None
    joined = value if os.path.isabs(value) else os.path.join(base_dir, value)
    return os.path.abspath(joined), None


def current_home() -> str:
    """The home directory `~` names for Ollama's CLI: Go's `user.Current` reads the password
    database before `$HOME` (which a sandboxed editor may point elsewhere)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        return os.path.expanduser("~")


def resolve(value: str, base_dir: str) -> ResolvedPath:
    """Expand and stat a path value."""
    path, error = expand(value, base_dir)
    if path is None:
        return ResolvedPath(None, "error", error)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno not in _MISSING:
            return ResolvedPath(path, "error", f"stat {path}: {go_error_text(exc)}")
    except ValueError:  # a NUL in the path: no file can have that name
        pass
    else:
        return ResolvedPath(path, "directory" if stat.S_ISDIR(mode) else "file")
    return ResolvedPath(path, "missing", f"stat {path}: no such file or directory")


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


def go_error_text(error: OSError) -> str:
    """An OS error as Go's `syscall.Errno` spells it: C's text, lower-cased at the start."""
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


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


def file_head(path: str, size: int = 64) -> bytes:
    """The first bytes of a regular file (empty when unreadable or not a regular file)."""
    try:
        # Never open FIFOs or devices: reading one could block the checker or the editor.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        with open(path, "rb") as stream:
            return stream.read(size)
    except OSError:
        return b""


def same_file(first: str, second: str) -> bool:
    """Paths equal after symlink resolution, as the DRAFT = FROM check compares them."""
    try:
        return os.path.realpath(first) == os.path.realpath(second)
    except OSError:
        return first == second
