"""Tests for MF009."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_fires_and_moves_comment_above() -> None:
    text = "FROM x\n  PARAMETER num_ctx 8192  # 8K\n"
    (finding,) = findings(text, "MF009")
    assert located(text, finding) == "# 8K"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\n  # 8K\n  PARAMETER num_ctx 8192\n"


def test_hash_without_space_is_not_a_comment() -> None:
    assert findings("FROM x\nPARAMETER stop <|#|>\n", "MF009") == []


def test_quoted_values_are_not_checked() -> None:
    assert findings('FROM x\nSYSTEM "Use # for headings"\n', "MF009") == []


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF009") == []
