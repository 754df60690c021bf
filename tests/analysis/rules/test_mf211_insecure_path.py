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
    # Ollama names the link's target, relative to the directory (fileDigestMap).
    assert finding.ollama_message == "insecure path: ../blobs/weights"
    assert finding.message.startswith("model.safetensors link outside")


def test_real_files_and_inner_links(tmp_path: Path) -> None:
    model = tmp_path / "m"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"x")
    (model / "config.json").write_text("{}")
    (model / "alias.json").symlink_to(model / "config.json")
    assert findings("FROM ./m\n", "MF211", tmp_path) == []


def test_a_hugging_face_cache_gets_ollamas_advice(tmp_path: Path) -> None:
    blobs = tmp_path / ".cache" / "blobs"
    blobs.mkdir(parents=True)
    (blobs / "b").write_bytes(b"GGUF\x03\x00\x00\x00")
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "model.gguf").symlink_to(blobs / "b")
    (finding,) = findings("FROM ./m\n", "MF211", tmp_path)
    assert finding.ollama_message == (
        "insecure path: ../.cache/blobs/b\n\n"
        "Use --local-dir <dir> when downloading model to disable caching"
    )


def test_a_directory_reached_through_a_link_is_refused(tmp_path: Path) -> None:
    """Ollama compares each file's real path with the directory as written, so every file of a
    linked directory lies outside it."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (finding,) = findings("FROM ./link\n", "MF211", tmp_path)
    assert finding.ollama_message == "insecure path: ../real/model.gguf"
