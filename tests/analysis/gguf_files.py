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
