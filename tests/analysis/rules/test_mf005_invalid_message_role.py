"""Tests for MF005."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_capitalised_role_is_fixed() -> None:
    text = "FROM x\nMESSAGE User hi\n"
    (finding,) = findings(text, "MF005")
    assert located(text, finding) == "User"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nMESSAGE user hi\n"
    assert finding.ollama_message == (
        '(line 2): message role must be one of "system", "user", or "assistant"'
    )


def test_colon_after_role() -> None:
    text = "FROM x\nMESSAGE user: hi\n"
    (finding,) = findings(text, "MF005")
    assert finding.ollama_message == "unexpected EOF: user"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nMESSAGE user hi\n"


def test_tool_role_is_rejected() -> None:
    (finding,) = findings("FROM x\nMESSAGE tool result\n", "MF005")
    assert "not a message role" in finding.message


def test_silent_on_valid_roles() -> None:
    text = VALID + "MESSAGE system a\nMESSAGE user b\nMESSAGE assistant c\n"
    assert findings(text, "MF005") == []
