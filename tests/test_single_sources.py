"""Facts that live in one place: the code that uses them derives them from that place."""

from __future__ import annotations

from pathlib import Path

from modelfile_ls import facts, severity
from modelfile_ls.analysis import finding
from modelfile_ls.facts import language_facts
from modelfile_ls.features.docs import parameter_detail, parameter_markup
from modelfile_ls.modelname import has_tag, split_tag
from modelfile_ls.registry import open_registry
from modelfile_ls.syntax import lexer, model
from tests.conftest import ROOT


def test_message_roles_come_from_the_instruction_facts() -> None:
    roles = language_facts().message_roles
    assert roles == facts.message_roles() == ("system", "user", "assistant")
    assert frozenset(roles) == lexer.MESSAGE_ROLES
    # Ollama's errInvalidRole, letter for letter (parser/parser.go).
    assert lexer.INVALID_ROLE == 'message role must be one of "system", "user", or "assistant"'


def test_keywords_and_command_names_match_the_instruction_facts() -> None:
    instructions = language_facts().instructions
    assert set(model.KEYWORDS) == set(instructions)
    assert {
        fact.command: keyword for keyword, fact in instructions.items() if fact.command
    } == model.COMMAND_TO_KEYWORD
    assert lexer.INVALID_COMMAND == (
        'command must be one of "from", "license", "template", "system", "adapter", "draft",'
        ' "renderer", "parser", "parameter", "message", or "requires"'
    )


def test_one_range_text_for_hover_completion_and_the_registry(tmp_path: Path) -> None:
    known = language_facts().parameters
    shown = {name: fact.range_text for name, fact in known.items()}
    assert shown["min_p"] == "0..1" and shown["num_ctx"] == ">= 1" and shown["seed"] == ""
    with open_registry(tmp_path / "registry.sqlite3") as registry:
        records = {record.name: record for record in registry.parameters()}
    for name, text in shown.items():
        record = records[name]
        assert record.range_text == ("|".join(record.choices) if record.choices else text)
        if text:
            assert text in parameter_detail(known[name])
            assert f"Range: {text}" in parameter_markup(known[name]).plaintext


def test_severity_has_one_home() -> None:
    assert finding.Severity is severity.Severity


def test_the_tag_of_a_model_reference_has_one_reading() -> None:
    assert split_tag("qwen3:8b") == ("qwen3", "8b")
    assert split_tag("localhost:5000/me/bot") == ("localhost:5000/me/bot", "")
    assert split_tag("localhost:5000/me/bot:v2") == ("localhost:5000/me/bot", "v2")
    assert not has_tag("llama3.2") and has_tag("llama3.2:1b")
    restated = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "modelfile_ls").rglob("*.py")
        if 'rfind(":") >' in path.read_text(encoding="utf-8")
    ]
    assert restated == ["modelfile_ls/modelname.py"]
