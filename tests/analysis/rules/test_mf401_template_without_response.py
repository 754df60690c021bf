"""Tests for MF401."""

from __future__ import annotations

from tests.analysis.helpers import findings


def test_template_without_response() -> None:
    assert len(findings("FROM x\nTEMPLATE [INST] {{ .Prompt }} [/INST]\n", "MF401")) == 1


def test_template_with_messages_or_response() -> None:
    assert findings("FROM x\nTEMPLATE {{ .Prompt }}{{ .Response }}\n", "MF401") == []
    assert findings("FROM x\nTEMPLATE {{ range .Messages }}{{ end }}\n", "MF401") == []
