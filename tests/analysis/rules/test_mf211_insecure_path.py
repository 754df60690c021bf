"""Tests for MF211."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_symlink_outside_the_directory(tmp_path: Path) -> None:
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    (blobs / "weights").write_bytes(b"x")
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    (snapshot / "model.safetensors").symlink_to(blobs / "weights")
    (finding,) = findings("FROM ./snapshot\n", "MF211", tmp_path)
    assert finding.ollama_message == "insecure path: model.safetensors"


def test_real_files_and_inner_links(tmp_path: Path) -> None:
    model = tmp_path / "m"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"x")
    (model / "config.json").write_text("{}")
    (model / "alias.json").symlink_to(model / "config.json")
    assert findings("FROM ./m\n", "MF211", tmp_path) == []
