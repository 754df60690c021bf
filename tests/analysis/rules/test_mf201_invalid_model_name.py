"""Tests for MF201."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_trailing_comment_in_from(tmp_path: Path) -> None:
    text = "FROM llama3.2 # base\n"
    (finding,) = findings(text, "MF201", tmp_path)
    assert located(text, finding) == "llama3.2 # base"
    assert finding.ollama_message == "invalid model name"
    assert apply_fix(text, finding.fixes[0]) == "FROM llama3.2\n"


def test_missing_gguf_written_as_path(tmp_path: Path) -> None:
    (finding,) = findings("FROM ./missing.gguf\n", "MF201", tmp_path)
    assert str(tmp_path / "missing.gguf") in finding.message


def test_placeholder_without_base_dir() -> None:
    assert len(findings("FROM {{BASE}}\n", "MF201")) == 1


def test_unsaved_buffer_does_not_judge_paths() -> None:
    assert findings("FROM ./model.gguf\n", "MF201") == []


def test_existing_file_and_valid_names(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    text = (
        "FROM ./model.gguf\nFROM hf.co/org/Repo-GGUF:Q4_K_M\nFROM user/m:v1\n"
        "FROM gpt-oss:20b-cloud\n"
    )
    assert findings(text, "MF201", tmp_path) == []
    assert findings(VALID, "MF201", tmp_path) == []
