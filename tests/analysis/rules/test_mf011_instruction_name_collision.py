"""Tests for MF011."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_parameter_system_acts_as_system() -> None:
    text = "FROM x\nPARAMETER system You are terse.\n"
    (finding,) = findings(text, "MF011")
    assert located(text, finding) == "system"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nSYSTEM You are terse.\n"


def test_upper_case_name_is_not_a_collision() -> None:
    assert findings("FROM x\nPARAMETER FROM y\n", "MF011") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF011") == []
