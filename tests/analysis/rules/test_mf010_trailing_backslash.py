"""Tests for MF010."""

from __future__ import annotations

from tests.analysis.helpers import VALID, findings, located


def test_fires_on_trailing_backslash() -> None:
    text = "FROM x\nSYSTEM You are a helpful \\\nPARAMETER temperature 1\n"
    (finding,) = findings(text, "MF010")
    assert located(text, finding) == "\\"


def test_silent_on_backslash_inside_value() -> None:
    assert findings("FROM x\nSYSTEM a \\ b\n", "MF010") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF010") == []
