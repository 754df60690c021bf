"""SHA-256 of local model files as Ollama names blobs (`sha256:<lowercase hex>`), streamed.

Model files are many gigabytes: they are read in 1 MiB chunks into one reused buffer, so memory
stays flat whatever the size, and the caller hears of every chunk (progress) and can stop
between any two (cancellation).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator
from pathlib import Path

from modelfile_ls.ollama.errors import Cancelled, OllamaError
from modelfile_ls.ollama.events import Cancel

CHUNK = 1 << 20
"""Bytes per read: large enough that hashing runs at the speed of `sha256sum`."""


def hash_chunks(path: Path, cancelled: Cancel) -> Generator[int, None, str]:
    """Hash a file, yielding the byte count of each chunk read; returns the digest.

    `cancelled` is polled before every chunk; True raises Cancelled."""
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    try:
        with path.open("rb", buffering=0) as handle:
            while True:
                if cancelled():
                    raise Cancelled(f"hashing {path.name} was cancelled")
                count = handle.readinto(buffer)
                if not count:
                    break
                digest.update(view[:count])
                yield count
    except OSError as exc:
        raise OllamaError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return f"sha256:{digest.hexdigest()}"


def sha256_file(path: Path, cancelled: Cancel, on_bytes: Callable[[int], None]) -> str:
    """The blob digest of a file, read with flat memory; `on_bytes` hears each chunk."""
    steps = hash_chunks(path, cancelled)
    while True:
        try:
            on_bytes(next(steps))
        except StopIteration as finished:
            digest: str = finished.value
            return digest
