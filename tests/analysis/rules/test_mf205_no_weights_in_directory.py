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


def test_lfs_pointer_gguf_is_not_a_weight(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "model.gguf").write_text("version https://git-lfs.github.com/spec/v1\n")
    assert len(findings("FROM ./w\n", "MF205", tmp_path)) == 1
    (tmp_path / "w" / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    assert findings("FROM ./w\n", "MF205", tmp_path) == []
