"""Tests for MF007."""

from __future__ import annotations

from tests.analysis.helpers import VALID, findings, located


def test_fires_when_next_line_is_swallowed() -> None:
    text = 'FROM x\nSYSTEM "abc" def\nLICENSE "x"\n'
    (finding,) = findings(text, "MF007")
    assert located(text, finding) == " def"
    assert "next 1 line" in finding.message


def test_silent_on_plain_multiline_value() -> None:
    assert findings('FROM x\nSYSTEM "a\nb"\n', "MF007") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF007") == []
