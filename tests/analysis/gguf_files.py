"""Minimal GGUF files for tests: the header and one `general.architecture` key-value."""

from __future__ import annotations

import struct
from pathlib import Path


def _string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def write_gguf(path: Path, architecture: str, *, before: int = 0) -> Path:
    """A GGUF v3 file whose metadata holds `before` other keys, then the architecture."""
    keys = b""
    for index in range(before):
        keys += _string(f"general.key{index}") + struct.pack("<I", 4) + struct.pack("<I", index)
    keys += _string("general.architecture") + struct.pack("<I", 8) + _string(architecture)
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, before + 1) + keys)
    return path


EMPTY_GGUF = b"GGUF" + struct.pack("<IQQ", 3, 0, 0)
"""A GGUF v3 header with no tensors and no metadata: enough for Ollama's magic check."""


def sparse_gguf(path: Path, size: int) -> Path:
    """An EMPTY_GGUF header padded with a hole to `size` bytes (no disk used, all read)."""
    with path.open("wb") as handle:
        handle.write(EMPTY_GGUF)
        handle.truncate(size)
    return path
