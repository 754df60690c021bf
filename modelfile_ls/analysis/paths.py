"""Path resolution for FROM / ADAPTER / DRAFT, as the CLI's `expandPath` does.

Paths resolve against the Modelfile's directory (not the working directory); `~` and `~user`
expand to home directories; a FROM path that does not exist becomes a model name, while a
missing ADAPTER or DRAFT path fails with `stat <path>: no such file or directory`.

Paths are strings (absolute, normalized, as Go's `filepath` makes them): pathlib, with the
`urllib.parse` it imports, was 8% of the instructions of a `--check` (bench/RESULTS.md). The
files `ollama create` takes from a directory are `model_files.py`'s: every FROM is resolved
here, and only a directory needs the selection (~0.2 ms to import).
"""

import errno
import os
import pwd
import stat

from modelfile_ls.static_types import NamedTuple

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


def go_error_text(error: OSError) -> str:
    """An OS error as Go's `syscall.Errno` spells it: C's text, lower-cased at the start."""
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


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
