"""Tests for MF008."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_fires_on_nbsp_and_zero_width_space() -> None:
    text = "FROM x\nSYSTEM a\u00a0b\u200bc\n"
    result = findings(text, "MF008")
    assert [located(text, f) for f in result] == ["\u00a0", "\u200b"]
    assert apply_fix(text, result[0].fixes[0]) == "FROM x\nSYSTEM ab\u200bc\n"


def test_fires_on_invisible_rune_before_keyword() -> None:
    text = "\u00a0FROM x\n"
    (finding,) = findings(text, "MF008")
    assert finding.span.start == 0


def test_tabs_and_emoji_are_fine() -> None:
    assert findings("FROM x\nSYSTEM a\tb 😀 é\n", "MF008") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF008") == []
