"""Tests for MF203."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_same_file_through_symlink(tmp_path: Path) -> None:
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    (tmp_path / "link.gguf").symlink_to(tmp_path / "m.gguf")
    (finding,) = findings("FROM ./m.gguf\nDRAFT ./link.gguf\n", "MF203", tmp_path)
    assert finding.ollama_message == (
        f"DRAFT must not reference the same local path as FROM: {tmp_path / 'link.gguf'}"
    )


def test_different_files(tmp_path: Path) -> None:
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    (tmp_path / "d.gguf").write_bytes(b"GGUF")
    assert findings("FROM ./m.gguf\nDRAFT ./d.gguf\n", "MF203", tmp_path) == []
