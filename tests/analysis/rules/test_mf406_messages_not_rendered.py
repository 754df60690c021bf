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


def test_messages_mode_is_an_identifier_not_a_word_of_the_text() -> None:
    """Ollama decides on the template's identifiers: "messages" in its text or a comment
    leaves it in legacy mode, where a template without `.Prompt` drops user MESSAGEs."""
    for template in (
        "Earlier messages: {{ .System }} {{ .Response }}",
        "{{/* .Messages */}}{{ .System }} {{ .Response }}",
    ):
        text = f"FROM x\nTEMPLATE {template}\nMESSAGE user Hi\n"
        (finding,) = findings(text, "MF406")
        assert located(text, finding) == "user"


def test_field_names_are_case_sensitive() -> None:
    text = "FROM x\nTEMPLATE {{ .prompt }} {{ .Response }}\nMESSAGE user Hi\n"
    assert len(findings(text, "MF406")) == 1
    lowered = "FROM x\nTEMPLATE {{ .Prompt }} {{ .response }}\nMESSAGE assistant Yo\n"
    (finding,) = findings(lowered, "MF406")  # `.response` stops the append of `.Response`
    assert located(lowered, finding) == "assistant"
    assert findings("FROM x\nTEMPLATE {{ .Prompt }}\nMESSAGE assistant Yo\n", "MF406") == []


def test_silent_when_the_template_does_not_parse() -> None:
    assert findings("FROM x\nTEMPLATE {{ .System \nMESSAGE user Hi\n", "MF406") == []
