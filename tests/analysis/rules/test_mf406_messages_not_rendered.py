"""Tests for MF406."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.helpers import VALID, findings, located


def test_user_messages_under_a_template_without_prompt_or_messages() -> None:
    text = "FROM x\nTEMPLATE {{ .System }} {{ .Response }}\nMESSAGE user Hi\nMESSAGE assistant Yo\n"
    (finding,) = findings(text, "MF406")
    assert located(text, finding) == "user"
    assert ".Prompt" in finding.message and finding.fixes == ()


def test_system_messages_need_system() -> None:
    text = "FROM x\nTEMPLATE {{ .Prompt }}\nMESSAGE system Be terse\n"
    (finding,) = findings(text, "MF406")
    assert ".System" in finding.message


def test_silent_in_messages_mode_legacy_mode_with_the_variables_and_without_messages() -> None:
    ranged = "TEMPLATE {{ range .Messages }}{{ .Content }}{{ end }}\n"
    assert findings(f"FROM x\n{ranged}MESSAGE user Hi\n", "MF406") == []
    legacy = "TEMPLATE {{ .System }}{{ .Prompt }}\n"
    assert findings(f"FROM x\n{legacy}MESSAGE user Hi\nMESSAGE assistant A\n", "MF406") == []
    assert findings("FROM x\nTEMPLATE {{ .System }}\n", "MF406") == []
    assert findings("FROM x\nMESSAGE user Hi\n", "MF406") == []
    assert findings(VALID, "MF406") == []


def test_the_models_own_template_when_the_file_has_none() -> None:
    catalog = FakeCatalog({"m": ModelFacts(template="{{ .System }} {{ .Response }}")})
    (finding,) = findings("FROM m\nMESSAGE user Hi\n", "MF406", catalog=catalog)
    assert "FROM model's template" in finding.message
