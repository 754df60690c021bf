"""Tests for MF210."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_lfs_pointer(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:ab\n"
    )
    (finding,) = findings("FROM ./model.gguf\n", "MF210", tmp_path)
    assert "git lfs pull" in finding.message
    assert finding.ollama_message == "supplied file was not in GGUF format"


def test_empty_adapter(tmp_path: Path) -> None:
    (tmp_path / "lora.gguf").write_bytes(b"")
    assert len(findings("FROM llama3.2\nADAPTER ./lora.gguf\n", "MF210", tmp_path)) == 1


def test_real_gguf_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    (tmp_path / "model.safetensors").write_bytes(b"{}")
    assert findings("FROM ./model.gguf\nFROM ./model.safetensors\n", "MF210", tmp_path) == []


def test_a_fifo_is_never_read(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.gguf")
    (finding,) = findings("FROM ./pipe.gguf\n", "MF210", tmp_path)
    assert "empty" in finding.message
