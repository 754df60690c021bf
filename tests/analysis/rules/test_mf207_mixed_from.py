"""Tests for MF207."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import VALID, findings, located


def test_local_file_ignored_when_a_name_is_given(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    text = "FROM llama3.2\nFROM ./model.gguf\n"
    (finding,) = findings(text, "MF207", tmp_path)
    assert located(text, finding) == "./model.gguf"
    assert "unnecessary" in finding.tags


def test_gguf_plus_projector_is_fine(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    (tmp_path / "mmproj.gguf").write_bytes(b"GGUF")
    assert findings("FROM ./model.gguf\nFROM ./mmproj.gguf\n", "MF207", tmp_path) == []
    assert findings(VALID, "MF207", tmp_path) == []
