"""Read one metadata value from a GGUF header: the architecture a model or adapter is for.

GGUF (llama.cpp's `gguf.md`): magic `GGUF`, a uint32 version (2 or 3), uint64 tensor and
key-value counts, then the key-values, each a uint64-length UTF-8 key, a uint32 value type and
the value, all little-endian. `general.architecture` comes first in every file llama.cpp
writes, so only the start of the file is read.
"""

from __future__ import annotations

_HEAD_BYTES = 1 << 16
_MAX_KEYS = 64
_STRING = 8
_ARRAY = 9
_SCALAR_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}


class _Truncated(Exception):
    """The value lies beyond the bytes read (or the header is malformed)."""


def gguf_architecture(path: str) -> str | None:
    """`general.architecture` of a GGUF file, or None (not GGUF, unreadable, not found)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    try:
        return _architecture(head)
    except (_Truncated, UnicodeDecodeError):
        return None


def _architecture(head: bytes) -> str | None:
    if head[:4] != b"GGUF" or _uint(head, 4, 4) not in (2, 3):
        return None
    count = _uint(head, 16, 8)
    at = 24
    for _ in range(min(count, _MAX_KEYS)):
        key, at = _string(head, at)
        kind = _uint(head, at, 4)
        at += 4
        if key == "general.architecture" and kind == _STRING:
            return _string(head, at)[0]
        at = _skip(head, at, kind)
    return None


def _uint(head: bytes, at: int, size: int) -> int:
    # `int.from_bytes`, not `struct`: importing `struct` (a shared library) was ~0.2 ms of
    # every `--check`, GGUF file or not.
    end = at + size
    if end > len(head):
        raise _Truncated
    return int.from_bytes(head[at:end], "little")


def _string(head: bytes, at: int) -> tuple[str, int]:
    length = _uint(head, at, 8)
    end = at + 8 + length
    if end > len(head):
        raise _Truncated
    return head[at + 8 : end].decode("utf-8"), end


def _skip(head: bytes, at: int, kind: int) -> int:
    if kind in _SCALAR_SIZES:
        return at + _SCALAR_SIZES[kind]
    if kind == _STRING:
        return _string(head, at)[1]
    if kind == _ARRAY:
        item, count = _uint(head, at, 4), _uint(head, at + 4, 8)
        at += 12
        if item in _SCALAR_SIZES:
            return at + _SCALAR_SIZES[item] * count
        for _ in range(count):
            at = _skip(head, at, item)
            if at > len(head):
                raise _Truncated
        return at
    raise _Truncated
