"""Path resolution for FROM / ADAPTER / DRAFT, as the CLI's `expandPath` and file selection do.

Paths resolve against the Modelfile's directory (not the working directory); `~` and `~user`
expand to home directories; a FROM path that does not exist becomes a model name, while a
missing ADAPTER or DRAFT path fails with `stat <path>: no such file or directory`.
"""

from __future__ import annotations

import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

# The CLI's weight selection for a directory, in order: the first rule with a matching file
# wins; rules with a content type keep only files that sniff as that type (others are skipped).
_WEIGHT_RULES: tuple[tuple[tuple[str, ...], str | None], ...] = (
    (("model*.safetensors", "*/model*.safetensors"), None),
    (("consolidated*.safetensors",), None),
    (("pytorch_model*.bin",), "application/zip"),
    (("consolidated*.pth",), "application/zip"),
    (("*.gguf",), "application/octet-stream"),
    (("*.bin",), "application/octet-stream"),
)
_SIDE_FILES = ("*.json", "*/*.json", "chat_template.jinja", "tokenizer.model")
_BINARY_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
GGUF_MAGIC = b"GGUF"
LFS_POINTER = b"version https://git-lfs"


@dataclass(frozen=True, slots=True)
class ResolvedPath:
    """What a path value refers to on this machine."""

    path: Path | None
    kind: str
    """`file`, `directory`, `missing`, or `error` (then `error` says why)."""
    error: str | None = None


def expand(value: str, base_dir: Path) -> tuple[Path | None, str | None]:
    """The absolute path Ollama would stat, or the error `~user` expansion gives."""
    if value.startswith("~"):
        head, _, tail = value[1:].partition("/")
        if head:
            try:
                home = pwd.getpwnam(head).pw_dir
            except KeyError:
                return None, f"failed to find user '{head}': user: unknown user {head}"
        else:
            home = os.path.expanduser("~")
        return Path(os.path.normpath(os.path.join(home, tail))), None
    joined = value if os.path.isabs(value) else os.path.join(base_dir, value)
    return Path(os.path.abspath(joined)), None


def resolve(value: str, base_dir: Path) -> ResolvedPath:
    """Expand and stat a path value."""
    path, error = expand(value, base_dir)
    if path is None:
        return ResolvedPath(None, "error", error)
    try:
        if path.is_dir():
            return ResolvedPath(path, "directory")
        if path.exists():
            return ResolvedPath(path, "file")
    except OSError as exc:
        return ResolvedPath(path, "error", f"stat {path}: {exc.strerror}")
    return ResolvedPath(path, "missing", f"stat {path}: no such file or directory")


def sniff(path: Path) -> str:
    """The content type Go's `http.DetectContentType` gives the first 512 bytes, reduced to the
    three kinds the CLI's file selection distinguishes (zip, binary, text)."""
    head = file_head(path, 512)
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    if any(byte in _BINARY_BYTES for byte in head):
        return "application/octet-stream"
    return "text/plain"


def select_weights(directory: Path) -> list[Path]:
    """The weight files Ollama's CLI would pick from a model directory (empty: none)."""
    for patterns, content_type in _WEIGHT_RULES:
        found = sorted(p for pattern in patterns for p in directory.glob(pattern) if p.is_file())
        if content_type is not None:
            found = [p for p in found if sniff(p) == content_type]
        if found:
            return found
    return []


def has_weights(directory: Path) -> bool:
    """Whether a model directory has files Ollama's file selection would pick as weights."""
    return bool(select_weights(directory))


def escaping_files(directory: Path) -> list[str]:
    """Selected files that are symlinks resolving outside the directory (`insecure path`)."""
    root = directory.resolve()
    candidates = select_weights(directory) + sorted(
        p for pattern in _SIDE_FILES for p in directory.glob(pattern) if p.is_file()
    )
    escaping = []
    for candidate in candidates:
        try:
            candidate.resolve().relative_to(root)
        except ValueError:
            escaping.append(candidate.relative_to(directory).as_posix())
    return escaping


def file_head(path: Path, size: int = 64) -> bytes:
    """The first bytes of a regular file (empty when unreadable or not a regular file)."""
    try:
        # Never open FIFOs or devices: reading one could block the checker or the editor.
        if not stat.S_ISREG(path.stat().st_mode):
            return b""
        with path.open("rb") as stream:
            return stream.read(size)
    except OSError:
        return b""


def same_file(first: Path, second: Path) -> bool:
    """Paths equal after symlink resolution, as the DRAFT = FROM check compares them."""
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second
