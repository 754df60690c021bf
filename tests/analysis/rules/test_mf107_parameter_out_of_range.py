"""Tests for MF107."""

from __future__ import annotations

from tests.analysis.helpers import VALID, findings, located


def test_top_p_above_one() -> None:
    text = "FROM x\nPARAMETER top_p 1.5\n"
    (finding,) = findings(text, "MF107")
    assert located(text, finding) == "1.5"
    assert "between 0 and 1" in finding.message


def test_silent_on_boundaries_and_valid_file() -> None:
    assert findings(VALID + "PARAMETER top_p 1\nPARAMETER num_gpu -1\n", "MF107") == []
