"""Tests for MF102."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_wrong_case_is_fixed() -> None:
    text = "FROM x\nPARAMETER Temperature 0.5\n"
    (finding,) = findings(text, "MF102")
    assert finding.ollama_message == "unknown parameter 'Temperature'"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER temperature 0.5\n"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF102") == []
