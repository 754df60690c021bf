"""preview_prompt(): the prompt for a sample conversation, the sample file, the failures."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from modelfile_ls.features.preview import (
    BUILT_IN,
    SAMPLE_FILE,
    find_sample,
    preview_markup,
    preview_prompt,
)
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import parse
from tests.features.conftest import HOST, installed

MESSAGES_TEMPLATE = (
    'FROM x\nSYSTEM Be brief.\nTEMPLATE """{{ range .Messages }}[{{ .Role }}] {{ .Content }}\n'
    '{{ end }}"""\n'
)


def write_sample(folder: Path, data: object) -> Path:
    path = folder / SAMPLE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_built_in_sample_in_messages_mode() -> None:
    preview = preview_prompt(parse(MESSAGES_TEMPLATE))
    assert not preview.error and preview.sample == BUILT_IN
    assert preview.text == (
        "[system] Be brief.\n[user] Hello! What can you do?\n"
        "[assistant] I can answer questions and help with code.\n"
        "[user] Write a haiku about Modelfiles.\n"
    )


def test_legacy_template_runs_once_per_turn_with_the_response_appended() -> None:
    text = 'FROM x\nTEMPLATE """<{{ .Prompt }}>"""\n'
    preview = preview_prompt(parse(text))
    # Ollama appends {{ .Response }} to a template without one: the answer follows its turn.
    assert preview.text == (
        "<Hello! What can you do?>I can answer questions and help with code."
        "<Write a haiku about Modelfiles.>"
    )


def test_message_instructions_come_before_the_sample() -> None:
    text = MESSAGES_TEMPLATE + "MESSAGE user Earlier\nMESSAGE assistant Reply\n"
    preview = preview_prompt(parse(text))
    assert preview.text.startswith("[system] Be brief.\n[user] Earlier\n[assistant] Reply\n")


def test_workspace_sample_file_above_the_document(tmp_path: Path) -> None:
    sample = write_sample(
        tmp_path,
        {"messages": [{"role": "user", "content": "Ping"}], "tools": [{"type": "function"}]},
    )
    folder = tmp_path / "models" / "coder"
    folder.mkdir(parents=True)
    assert find_sample(folder) == sample
    preview = preview_prompt(parse(MESSAGES_TEMPLATE), base_dir=folder)
    assert preview.sample == str(sample)
    assert preview.text == "[system] Be brief.\n[user] Ping\n"
    write_sample(tmp_path, [{"role": "user", "content": "A list works too"}])
    assert (
        "[user] A list works too" in preview_prompt(parse(MESSAGES_TEMPLATE), base_dir=folder).text
    )


def test_a_broken_sample_file_says_where(tmp_path: Path) -> None:
    path = write_sample(tmp_path, '[{"role": "user",\n "content": }]')
    preview = preview_prompt(parse(MESSAGES_TEMPLATE), base_dir=tmp_path)
    assert preview.error
    assert preview.text == f"{path}:2:13: not JSON: Expecting value"
    write_sample(tmp_path, {"messages": "hi"})
    shape = preview_prompt(parse(MESSAGES_TEMPLATE), base_dir=tmp_path)
    assert shape.error and "expected a JSON list of messages" in shape.text


def test_go_execution_and_parse_errors() -> None:
    failing = preview_prompt(parse("FROM x\nTEMPLATE {{ range .Messages }}{{ .Foo }}{{ end }}\n"))
    assert failing.error
    assert failing.text == (
        'template: :1:24: executing "" at <.Foo>: can\'t evaluate field Foo in type'
        " *template.templateMessage"
    )
    broken = preview_prompt(parse("FROM x\nTEMPLATE {{ if }}\n"))
    assert broken.error and broken.text == "template error: template: :1: missing value for if"


def test_template_inherited_from_the_installed_from_model(registry: Registry) -> None:
    model = dataclasses.replace(
        installed("llama3.2:latest"), template="<{{ .System }}|{{ .Prompt }}>", system="Base."
    )
    registry.replace_installed(HOST, [model])
    preview = preview_prompt(parse("FROM llama3.2\n"), registry=registry)
    assert preview.text.startswith("<Base.|Hello! What can you do?>")
    own_system = preview_prompt(parse("FROM llama3.2\nSYSTEM Mine.\n"), registry=registry)
    assert own_system.text.startswith("<Mine.|Hello!")
    unknown = preview_prompt(parse("FROM mistral\n"), registry=registry)
    assert unknown.error and "has no TEMPLATE" in unknown.text
    assert preview_prompt(parse("FROM llama3.2\n")).error  # no registry: unknown


def test_renderer_models_have_no_template_prompt() -> None:
    preview = preview_prompt(parse(MESSAGES_TEMPLATE + "RENDERER qwen3-coder\n"))
    assert preview.error and "built-in renderer" in preview.text


def test_markup_shows_the_first_lines() -> None:
    preview = preview_prompt(parse(MESSAGES_TEMPLATE))
    doc = preview_markup(preview, lines=2)
    assert doc.plaintext == (
        "Prompt preview (built-in sample) (first 2 of 5 lines):\n\n"
        "[system] Be brief.\n[user] Hello! What can you do?"
    )
    assert "```text\n[system] Be brief." in doc.markdown
