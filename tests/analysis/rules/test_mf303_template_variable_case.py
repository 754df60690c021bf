"""Tests for MF303."""

from __future__ import annotations

from tests.analysis.helpers import apply_fix, findings, located


def test_lower_case_field() -> None:
    text = "FROM x\nTEMPLATE {{ .system }} {{ .Prompt }}\n"
    (finding,) = findings(text, "MF303")
    assert located(text, finding) == "system"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nTEMPLATE {{ .System }} {{ .Prompt }}\n"


def test_text_outside_actions_is_ignored() -> None:
    assert findings("FROM x\nTEMPLATE .system {{ .Prompt }}\n", "MF303") == []


def test_fields_are_go_tokens_not_text_inside_actions() -> None:
    """A string or a number in an action is not a field; a field after `$` or a variable is."""
    assert findings('FROM x\nTEMPLATE {{ print ".system" `.prompt` 1.5 }}\n', "MF303") == []
    text = "FROM x\nTEMPLATE {{ $.system }}{{ range $m := .Messages }}{{ $m.role }}{{ end }}\n"
    assert [located(text, f) for f in findings(text, "MF303")] == ["system", "role"]
