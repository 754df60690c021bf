"""`modelfile-ls template render`: the prompt Ollama builds for a chat request."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from modelfile_ls.cli import main
from modelfile_ls.registry import open_registry
from modelfile_ls.registry.records import InstalledModel
from modelfile_ls.syntax import parse_bytes

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "modelfiles"
CHATML = (
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
    "<|im_start|>assistant\n"
)


@pytest.fixture(autouse=True)
def _registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "registry.sqlite3"
    monkeypatch.setenv("MODELFILE_LS_REGISTRY", str(path))
    return path


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_renders_the_chat_prompt_with_system_and_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modelfile = _write(
        tmp_path,
        "Modelfile",
        f'FROM qwen2.5\nSYSTEM "You are terse."\nTEMPLATE """{CHATML}"""\nMESSAGE user Hi\n'
        "MESSAGE assistant Hello.\n",
    )
    messages = _write(tmp_path, "m.json", json.dumps([{"role": "user", "content": "Why?"}]))
    assert main(["template", "render", modelfile, "--messages", messages]) == 0
    assert capsys.readouterr().out == (
        "<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
        "<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\nWhy?<|im_end|>\n"
        "<|im_start|>assistant\n"
    )


def test_system_flag_tools_and_default_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = (
        "{{ .System }}|{{ range .Tools }}{{ .Function.Name }}{{ end }}|"
        "{{ range .Messages }}{{ .Content }}{{ end }}"
    )
    modelfile = _write(tmp_path, "Modelfile", f'FROM x\nSYSTEM old\nTEMPLATE """{template}"""\n')
    tools = _write(
        tmp_path, "t.json", json.dumps({"tools": [{"type": "function", "function": {"name": "f"}}]})
    )
    assert main(["template", "render", modelfile, "--system", "new", "--tools", tools]) == 0
    # The system prompt is a message too: Ollama puts it first in .Messages.
    assert capsys.readouterr().out == "new|f|newHello!"


def test_legacy_template_appends_the_response(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modelfile = _write(tmp_path, "Modelfile", "FROM x\nTEMPLATE [INST] {{ .Prompt }} [/INST]\n")
    assert main(["template", "render", modelfile]) == 0
    assert capsys.readouterr().out == "[INST] Hello! [/INST]"


def test_without_template_uses_the_installed_from_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _registry: Path
) -> None:
    with open_registry(_registry) as registry:
        model = InstalledModel(
            "http://127.0.0.1:11434", "qwen2.5:latest", "qwen2.5:latest", "latest", "d", 1, "t",
            template=CHATML, system="Base system.",
        )  # fmt: skip
        registry.replace_installed("http://127.0.0.1:11434", [model])
    modelfile = _write(tmp_path, "Modelfile", "FROM qwen2.5\n")
    assert main(["template", "render", modelfile]) == 0
    assert capsys.readouterr().out.startswith("<|im_start|>system\nBase system.<|im_end|>\n")


def test_unknown_base_template_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modelfile = _write(tmp_path, "Modelfile", "FROM mystery-model\n")
    assert main(["template", "render", modelfile]) == 2
    assert "no TEMPLATE and the template of 'mystery-model' is unknown" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("{{ if .System }}", "template error: template: :1: unexpected EOF"),
        (
            "{{ range .Messages }}{{ .Nope }}{{ end }}",
            'template: :1:24: executing "" at <.Nope>: can\'t evaluate field Nope in type'
            " *template.templateMessage",
        ),
    ],
)
def test_template_errors_are_gos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str, error: str
) -> None:
    modelfile = _write(tmp_path, "Modelfile", f'FROM x\nTEMPLATE """{template}"""\n')
    assert main(["template", "render", modelfile]) == 1
    assert capsys.readouterr().err == f"{modelfile}: {error}\n"


def test_bad_messages_json_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modelfile = _write(tmp_path, "Modelfile", "FROM x\nTEMPLATE {{ .Prompt }}\n")
    messages = _write(tmp_path, "m.json", '[{"role": "user",\n "content": }]')
    assert main(["template", "render", modelfile, "--messages", messages]) == 2
    assert f"{messages}:2:13: not JSON" in capsys.readouterr().err


def _corpus_templates() -> list[Path]:
    found = []
    for path in sorted(CORPUS.glob("*.Modelfile")):
        parsed = parse_bytes(path.read_bytes())
        keywords = {i.effective_keyword for i in parsed.instructions}
        if "TEMPLATE" in keywords and parsed.ollama_error is None:
            found.append(path)
    return found


_GO_ERROR = re.compile(r"^template error: template: :\d+: |^template: :\d+:\d+: executing \"")


@pytest.mark.parametrize("path", _corpus_templates(), ids=lambda p: p.name)
def test_every_corpus_template_renders_or_fails_with_gos_error(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["template", "render", str(path)])
    captured = capsys.readouterr()
    if code == 0:
        assert captured.err == ""
    else:
        assert code == 1
        message = captured.err.removeprefix(f"{path}: ")
        assert _GO_ERROR.match(message), message


def test_readme_example_is_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- template-render:start -->\n```text\n(.*?)```\n<!-- template-render:end -->",
        readme,
        re.DOTALL,
    )
    assert match is not None
    modelfile, messages = root / "examples" / "Modelfile", root / "examples" / "messages.json"
    assert main(["template", "render", str(modelfile), "--messages", str(messages)]) == 0
    assert capsys.readouterr().out == match.group(1)


def test_images_become_tags_in_their_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ollama's chat handler tags images before rendering: `[img]` is replaced, else prefixed.
    modelfile = _write(
        tmp_path,
        "Modelfile",
        'FROM x\nTEMPLATE """{{ range .Messages }}{{ .Content }}|{{ end }}"""\n',
    )
    messages = _write(
        tmp_path,
        "m.json",
        json.dumps(
            [
                {"role": "user", "content": "look", "images": ["aGk=", "aGk="]},
                {"role": "assistant", "content": "ok"},
                {"role": "user", "content": "and [img] here", "images": ["aGk="]},
            ]
        ),
    )
    assert main(["template", "render", modelfile, "--messages", messages]) == 0
    assert capsys.readouterr().out == "[img-0][img-1]look|ok|and [img-2] here|"


def test_system_goes_first_unless_the_request_starts_with_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ollama's chat handler looks at the request's first message, not at the MESSAGE history.
    template = "{{ range .Messages }}{{ .Role }}:{{ .Content }};{{ end }}"
    modelfile = _write(
        tmp_path, "Modelfile", f'FROM x\nSYSTEM sys\nTEMPLATE "{template}"\nMESSAGE system hist\n'
    )
    assert main(["template", "render", modelfile]) == 0
    assert capsys.readouterr().out == "system:sys\n\nhist;user:Hello!;"  # merged by collate
    messages = _write(tmp_path, "m.json", json.dumps([{"role": "system", "content": "req"}]))
    assert main(["template", "render", modelfile, "--messages", messages]) == 0
    assert capsys.readouterr().out == "system:hist\n\nreq;"


def test_a_renderer_replaces_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modelfile = _write(
        tmp_path, "Modelfile", "FROM x\nTEMPLATE {{ .Prompt }}\nRENDERER qwen3-coder\n"
    )
    assert main(["template", "render", modelfile]) == 2
    assert "RENDERER qwen3-coder is set" in capsys.readouterr().err
