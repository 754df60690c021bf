"""Tests for MF204."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import VALID, findings


def test_valid_name_that_looks_like_a_missing_file(tmp_path: Path) -> None:
    text = "FROM models/llama.gguf\n"
    (finding,) = findings(text, "MF204", tmp_path)
    assert "models/llama.gguf" in finding.message


def test_silent_on_model_names(tmp_path: Path) -> None:
    assert findings(VALID, "MF204", tmp_path) == []
