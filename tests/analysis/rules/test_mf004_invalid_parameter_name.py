"""Tests for MF004."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_hyphenated_name_gets_underscore_fix() -> None:
    text = "FROM x\nPARAMETER top-k 40\n"
    (finding,) = findings(text, "MF004")
    assert located(text, finding) == "top-k"
    assert finding.ollama_message == "unexpected EOF: top"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER top_k 40\n"


def test_missing_space_before_value() -> None:
    text = "FROM x\nPARAMETER temperature0.5\n"
    (finding,) = findings(text, "MF004")
    assert "missing space" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER temperature 0.5\n"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF004") == []
