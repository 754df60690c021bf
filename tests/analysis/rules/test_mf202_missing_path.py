"""Tests for MF202."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_missing_adapter(tmp_path: Path) -> None:
    text = "FROM llama3.2\nADAPTER ./nope\n"
    (finding,) = findings(text, "MF202", tmp_path)
    assert finding.ollama_message == f"stat {tmp_path / 'nope'}: no such file or directory"


def test_missing_draft(tmp_path: Path) -> None:
    assert len(findings("FROM llama3.2\nDRAFT small.gguf\n", "MF202", tmp_path)) == 1


def test_existing_adapter_and_unsaved_buffer(tmp_path: Path) -> None:
    (tmp_path / "lora.gguf").write_bytes(b"GGUF")
    assert findings("FROM llama3.2\nADAPTER ./lora.gguf\n", "MF202", tmp_path) == []
    assert findings("FROM llama3.2\nADAPTER ./nope\n", "MF202") == []
