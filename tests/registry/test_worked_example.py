"""The README's worked example (issue 12), run as written: its files are written, its commands
run in order against a fresh registry and the fake Ollama, and each prints what the README
shows (stderr then stdout, as a terminal shows them when stdout comes last; the layer digests
`create` prints are shortened to 12 digits, as the README shortens them)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from modelfile_ls.cli import main
from tests.conftest import ROOT
from tests.fake_ollama import FakeModel, FakeOllama

BASE = "qwen2.5-coder:7b"


def _example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- worked-example:start -->\n(.*?)<!-- worked-example:end -->", readme, re.S
    )
    assert found is not None, "the README has no worked-example section"
    return found.group(1)


def _files(example: str) -> dict[str, str]:
    """Each "`NAME`, what it is:" paragraph's file, from the code block under it."""
    return dict(
        re.findall(r"^`([\w.-]+)`[^\n]*(?:\n[^\n]+)*\n\n```\n(.*?)```$", example, re.S | re.M)
    )


def _session(example: str) -> list[tuple[str, str]]:
    """(command, what it prints) for each `$ ` line of the console block."""
    found = re.search(r"```console\n(.*?)```", example, re.S)
    assert found is not None, "the worked example has no console block"
    steps: list[tuple[str, str]] = []
    for line in found.group(1).splitlines(keepends=True):
        if line.startswith("$ "):
            steps.append((line[2:].strip(), ""))
        else:
            command, shown = steps[-1]
            steps[-1] = (command, shown + line)
    return steps


def _shortened(text: str) -> str:
    return re.sub(r"(sha256:[0-9a-f]{12})[0-9a-f]{52}", r"\1…", text)


def test_the_readme_shows_every_piece_the_session_reads() -> None:
    example = _example()
    assert set(_files(example)) == {
        "system.Modelfile",
        "template.Modelfile",
        "parameters.Modelfile",
        "question.json",
    }
    verbs = [shlex.split(command)[1:3] for command, _ in _session(example)]
    assert verbs == [
        ["registry", "save-element"],
        ["registry", "save-element"],
        ["registry", "save-element"],
        ["registry", "elements"],
        ["registry", "compose"],
        ["template", "render"],
        ["create", "coder"],
    ]


def test_the_worked_example_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _example()
    for name, text in _files(example).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with FakeOllama(
        [FakeModel(BASE, family="qwen2", families=["qwen2"], parameter_size="7.6B")]
    ) as ollama:
        monkeypatch.setenv("OLLAMA_HOST", ollama.url)
        for command, shown in _session(example):
            argv = shlex.split(command, comments=True)
            assert argv[0] == "modelfile-ls", command
            status = main(argv[1:])
            out, err = capsys.readouterr()
            assert (status, _shortened(err + out)) == (0, shown), command
        created = ollama.installed("coder")
    assert created is not None
    assert created.system.startswith("You are a senior software engineer.")
