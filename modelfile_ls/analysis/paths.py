"""Path resolution for FROM / ADAPTER / DRAFT, as the CLI's `expandPath` and file selection do.

Paths resolve against the Modelfile's directory (not the working directory); `~` and `~user`
expand to home directories; a FROM path that does not exist becomes a model name, while a
missing ADAPTER or DRAFT path fails with `stat <path>: no such file or directory`.
"""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass
from pathlib import Path

_WEIGHT_PATTERNS = (
    ("model*.safetensors", "*/model*.safetensors"),
    ("consolidated*.safetensors",),
    ("pytorch_model*.bin",),
    ("consolidated*.pth",),
    ("*.gguf",),
    ("*.bin",),
)


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


def has_weights(directory: Path) -> bool:
    """Whether a model directory has files Ollama's file selection would pick as weights."""
    for patterns in _WEIGHT_PATTERNS:
        for pattern in patterns:
            if any(p.is_file() for p in directory.glob(pattern)):
                return True
    return False


def same_file(first: Path, second: Path) -> bool:
    """Paths equal after symlink resolution, as the DRAFT = FROM check compares them."""
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second
