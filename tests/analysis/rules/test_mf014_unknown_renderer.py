"""Tests for MF014."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_unknown_parser_with_suggestion() -> None:
    text = "FROM x\nPARSER qwen-3\n"
    (finding,) = findings(text, "MF014")
    assert located(text, finding) == "qwen-3"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARSER qwen3\n"


def test_silent_on_known_names() -> None:
    assert findings(VALID + "RENDERER qwen3-coder\nPARSER qwen3-coder\n", "MF014") == []
