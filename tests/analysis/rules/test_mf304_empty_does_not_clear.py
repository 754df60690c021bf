"""Tests for MF304."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_empty_system() -> None:
    text = 'FROM x\nSYSTEM ""\n'
    (finding,) = findings(text, "MF304")
    assert apply_fix(text, finding.fixes[0]) == "FROM x\n"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF304") == []
