"""Tests for MF103."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_removed_parameter_is_an_error_with_delete_fix() -> None:
    text = "FROM x\nPARAMETER tfs_z 1\nSYSTEM hi\n"
    (finding,) = findings(text, "MF103")
    assert "v0.5.2" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nSYSTEM hi\n"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF103") == []
