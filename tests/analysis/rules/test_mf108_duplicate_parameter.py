"""Tests for MF108."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_earlier_scalar_is_reported() -> None:
    text = "FROM x\nPARAMETER temperature 0.1\nPARAMETER temperature 0.9\n"
    (finding,) = findings(text, "MF108")
    assert finding.span.start == text.index("temperature")
    assert "0.9" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER temperature 0.9\n"


def test_stop_accumulates() -> None:
    assert findings(VALID + "PARAMETER stop a\nPARAMETER stop b\n", "MF108") == []
