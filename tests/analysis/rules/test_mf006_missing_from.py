"""Tests for MF006."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_fires_and_fix_adds_from() -> None:
    text = "SYSTEM hi\n"
    (finding,) = findings(text, "MF006")
    assert finding.ollama_message == "no FROM line"
    assert apply_fix(text, finding.fixes[0]) == "FROM llama3.2\nSYSTEM hi\n"


def test_fires_on_empty_file() -> None:
    assert len(findings("", "MF006")) == 1


def test_parameter_model_counts_as_from() -> None:
    assert findings("PARAMETER model llama3.2\n", "MF006") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF006") == []
