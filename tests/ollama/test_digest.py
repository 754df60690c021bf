"""Streaming SHA-256 of model files: Ollama's blob digest, chunk progress, cancellation."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from modelfile_ls.ollama.digest import CHUNK, hash_chunks, sha256_file
from modelfile_ls.ollama.errors import Cancelled, OllamaError


def test_the_digest_is_ollamas_blob_name(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000
    path = tmp_path / "m.gguf"
    path.write_bytes(data)
    seen: list[int] = []
    assert sha256_file(path, lambda: False, seen.append) == (
        "sha256:" + hashlib.sha256(data).hexdigest()
    )
    assert sum(seen) == len(data)
    assert seen[0] == CHUNK >= 1 << 20


def test_an_empty_file_has_the_empty_digest(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.write_bytes(b"")
    assert sha256_file(path, lambda: False, lambda _: None) == (
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_cancelling_stops_before_the_next_chunk(tmp_path: Path) -> None:
    path = tmp_path / "big"
    with path.open("wb") as handle:
        handle.truncate(10 * CHUNK)
    steps = hash_chunks(path, lambda: read[0] >= 2)
    read = [0]
    with pytest.raises(Cancelled, match="hashing big was cancelled"):
        for _ in steps:
            read[0] += 1
    assert read[0] == 2


def test_an_unreadable_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(OllamaError, match=f"cannot read {tmp_path}: "):
        sha256_file(tmp_path, lambda: False, lambda _: None)
