"""The one way modelfile-ls writes a file: readers see the old content or the new, never half.

A temporary file in the target's directory (so the rename stays on one file system) is
written, flushed and fsynced, renamed over the target, and the directory is fsynced where the
platform allows it, so that after a crash the new name points at the complete content.
"""

from __future__ import annotations

import os

from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

_ATTEMPTS = 100
"""Temporary names tried before giving up (a clash needs another writer in the same instant)."""


def write_atomically(path: str | os.PathLike[str], data: str | bytes | Iterable[str]) -> None:
    """Replace `path` with `data` (text, or text in pieces, is written as UTF-8, line endings
    untouched)."""
    pieces = (data,) if isinstance(data, str | bytes) else data
    directory, name = os.path.split(os.fspath(path))
    directory = directory or os.curdir
    descriptor, temporary = _create_temporary(directory, name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        # try/except, not contextlib.suppress: contextlib is off the `--check` path
        # (bench/lazy_imports.py, "check path: contextlib").
        try:  # noqa: SIM105
            os.remove(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_directory(directory)


def _create_temporary(directory: str, name: str) -> tuple[int, str]:
    # Our own exclusive create rather than tempfile.mkstemp: tempfile adds 5% to the `--check`
    # imports (bench/lazy_imports.py), and mkstemp's 0600 mode would replace the target's
    # usual permissions; os.open applies the umask to 0666 like any other new file.
    for _ in range(_ATTEMPTS):
        candidate = os.path.join(directory, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {os.path.join(directory, name)}")


def _sync_directory(directory: str) -> None:
    # POSIX makes a rename durable only once the directory itself is synced; Windows cannot
    # open a directory as a file (no O_DIRECTORY), and some file systems refuse the fsync.
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
