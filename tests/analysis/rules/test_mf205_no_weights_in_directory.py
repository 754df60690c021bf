"""Tests for MF205."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_empty_from_names_own_directory(tmp_path: Path) -> None:
    (finding,) = findings("FROM \n", "MF205", tmp_path)
    assert finding.ollama_message == "no Modelfile or safetensors files found"


def test_directory_with_weights(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "model-00001.safetensors").write_bytes(b"x")
    assert findings("FROM ./w\n", "MF205", tmp_path) == []
    (tmp_path / "empty").mkdir()
    assert len(findings("FROM ./w\nADAPTER ./empty\n", "MF205", tmp_path)) == 1
