"""The Neovim plugin in the real `nvim`, headless, with only editors/neovim on 'runtimepath':
file detection, diagnostics, completion, tree-sitter highlighting, health and help."""

from __future__ import annotations

import json
import shutil
from fnmatch import fnmatch
from pathlib import Path

import pytest

from modelfile_ls.check import MODELFILE_PATTERNS
from modelfile_ls.registry import open_registry
from tests.conftest import ROOT
from tests.editors.conftest import run_nvim
from tests.fake_ollama import FakeModel, FakeOllama

NAMES = [
    *(pattern.replace("*", "coder") for pattern in MODELFILE_PATTERNS),
    *(pattern.replace("*", "") for pattern in MODELFILE_PATTERNS),
    "a.b.modelfile",
    "Modelfile.txt",
    "Modelfiles",
    "MyModelfile",
    "modelfile",
    "Modelfile-coder",
    "notes.MODELFILE",
    "Dockerfile",
]


def test_filetype_detection_is_the_checkers_discovery(nvim: str, nvim_home: Path) -> None:
    seen = run_nvim(nvim, {"steps": ["filetypes"], "names": NAMES}, nvim_home)
    detected = {name: kind == "modelfile" for name, kind in seen["filetypes"].items()}
    expected = {name: any(fnmatch(name, p) for p in MODELFILE_PATTERNS) for name in NAMES}
    assert detected == expected
    assert any(expected.values()) and not all(expected.values())


@pytest.fixture
def broken_modelfile(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    target = folder / "Modelfile"
    shutil.copyfile(ROOT / "examples" / "broken.Modelfile", target)
    return target


def test_diagnostics_completion_and_highlighting(
    nvim: str, nvim_home: Path, server_command: list[str], broken_modelfile: Path, tmp_path: Path
) -> None:
    job = {
        "steps": ["build", "open", "diagnostics", "highlight", "completion"],
        "file": str(broken_modelfile),
        "cmd": server_command,
        "env": {"MODELFILE_LS_REGISTRY": str(tmp_path / "registry.sqlite")},
        # Port 9 (discard) on loopback: nothing answers, so nothing waits on a real Ollama.
        "settings": {"ollama-host": "127.0.0.1:9"},
        # (row, column) of `FROM` and of the parameter name `temperature`.
        "captures_at": [[0, 0], [1, 12]],
    }
    seen = run_nvim(nvim, job, nvim_home)

    assert seen["build"][0] is True, seen["build"]
    assert seen["filetype"] == "modelfile"
    assert {
        "ModelfileCreate",
        "ModelfilePull",
        "ModelfileExtract",
        "ModelfileSync",
    } <= set(seen["buffer_commands"])

    codes = {(d["line"], d["code"]) for d in seen["diagnostics"]}
    assert (2, "MF101") in codes  # PARAMETER max_tokens: unknown parameter
    assert (3, "MF005") in codes  # MESSAGE User: roles are lower case
    assert all(d["code"].startswith("MF") for d in seen["diagnostics"])

    assert "temperature" in seen["completion"]
    assert "FROM" not in seen["completion"]

    assert seen["highlighter"] is True
    assert seen["captures"] == [["keyword"], ["property"]]


def test_checkhealth_reports_server_ollama_and_parser(
    nvim: str, nvim_home: Path, server_command: list[str]
) -> None:
    with FakeOllama([FakeModel("llama3.2:latest")], version="0.12.3") as ollama:
        host = ollama.url.removeprefix("http://")
        job = {
            "steps": ["build", "health"],
            "settings": {"ollama-host": host},
            "cmd": server_command,
        }
        report = run_nvim(nvim, job, nvim_home)["health"]
        assert ("GET", "/api/version") in [(r[0], r[1]) for r in ollama.requests]
    assert f"server found: {server_command[0]}" in report
    assert "version: modelfile-ls " in report
    assert f"Ollama 0.12.3 reachable at {host}" in report
    assert "parser installed:" in report and "highlight queries found" in report
    assert "ERROR" not in report


def test_checkhealth_says_what_is_missing(nvim: str, nvim_home: Path) -> None:
    job = {"steps": ["health"], "settings": {"ollama-host": "127.0.0.1:9"}, "cmd": ["no-such-ls"]}
    report = run_nvim(nvim, job, nvim_home)["health"]
    assert 'server not found: "no-such-ls" is not executable' in report
    assert "pip install modelfile-ls" in report
    assert "Ollama not reachable at 127.0.0.1:9" in report
    assert "parser not installed" in report and ":ModelfileBuildParser" in report


def test_help_opens_at_the_modelfile_tag(nvim: str, nvim_home: Path, tmp_path: Path) -> None:
    seen = run_nvim(nvim, {"steps": ["help"]}, nvim_home)
    assert seen["help"]["file"] == "modelfile.txt"
    assert "*modelfile*" in seen["help"]["line"]


@pytest.fixture
def bot_modelfile(tmp_path: Path) -> Path:
    folder = tmp_path / "bot"
    folder.mkdir()
    target = folder / "Modelfile"
    target.write_text("FROM llama3.2\nSYSTEM You are a terse assistant.\n", encoding="utf-8")
    return target


def test_modelfile_cancel_stops_a_pull(
    nvim: str, nvim_home: Path, server_command: list[str], bot_modelfile: Path, tmp_path: Path
) -> None:
    with FakeOllama() as ollama:
        ollama.publish(FakeModel("llama3.2:latest"))
        ollama.hold_stream_after = 2
        job = {
            "steps": ["open", "cancel_pull"],
            "file": str(bot_modelfile),
            "cmd": server_command,
            "env": {"MODELFILE_LS_REGISTRY": str(tmp_path / "registry.sqlite")},
            "settings": {"ollama-host": ollama.url.removeprefix("http://")},
        }
        seen = run_nvim(nvim, job, nvim_home)
        assert ollama.stream_closed.wait(10), "the server kept the pull's connection open"
        assert ollama.installed("llama3.2:latest") is None
    assert seen["pull"].get("err") is None, seen["pull"]
    assert seen["pull"]["result"]["cancelled"] is True
    assert seen["progress"][-1]["kind"] == "end"


def test_modelfile_create_sends_the_request(
    nvim: str, nvim_home: Path, server_command: list[str], bot_modelfile: Path, tmp_path: Path
) -> None:
    with FakeOllama([FakeModel("llama3.2:latest")]) as ollama:
        job = {
            "steps": ["open", "create"],
            "file": str(bot_modelfile),
            "model_name": "terse-bot",
            "cmd": server_command,
            "env": {"MODELFILE_LS_REGISTRY": str(tmp_path / "registry.sqlite")},
            "settings": {"ollama-host": ollama.url.removeprefix("http://")},
        }
        seen = run_nvim(nvim, job, nvim_home)
        creates = [body for method, path, body in ollama.requests if path == "/api/create"]
        assert [m for m, path, _ in ollama.requests if path == "/api/create"] == ["POST"]
        assert ollama.installed("terse-bot") is not None
    assert seen["create"].get("err") is None, seen["create"]
    assert seen["create"]["result"]["message"] == "created terse-bot", seen["create"]
    (raw,) = creates
    # The body `ollama create terse-bot` sends for this Modelfile (cmd/cmd.go CreateHandler:
    # api.CreateRequest, whose deprecated `name` has no omitempty).
    assert json.loads(raw) == {
        "model": "terse-bot",
        "from": "llama3.2",
        "system": "You are a terse assistant.",
        "name": "",
    }
    # The registry refresh after the create reports progress of its own, interleaved.
    kinds = [e["kind"] for e in seen["progress"] if e["text"].startswith("Creating terse-bot")]
    assert kinds[0] == "begin" and kinds[-1] == "end" and "report" in kinds, seen["progress"]


def element_job(
    modelfile: Path, registry: Path, server_command: list[str], **job: object
) -> dict[str, object]:
    """A job against a Modelfile with its own registry and no Ollama (port 9: discard)."""
    # The server writes opened drafts and composed Modelfiles to new temporary folders.
    scratch = registry.parent / "scratch"
    scratch.mkdir(exist_ok=True)
    return {
        "file": str(modelfile),
        "cmd": server_command,
        "env": {"MODELFILE_LS_REGISTRY": str(registry), "TMPDIR": str(scratch)},
        "settings": {"ollama-host": "127.0.0.1:9"},
        **job,
    }


TEMPLATE = (
    "{{ if .System }}<sys>{{ .System }}</sys>{{ end }}{{ range .Messages }}<{{ .Role }}>{{ end }}"
)


def test_preview_prompt_follows_edits(
    nvim: str, nvim_home: Path, server_command: list[str], tmp_path: Path
) -> None:
    modelfile = tmp_path / "Modelfile"
    text = f'FROM llama3.2\nTEMPLATE """{TEMPLATE}"""\nSYSTEM You are terse.\n'
    modelfile.write_text(text, encoding="utf-8")
    job = element_job(
        modelfile,
        tmp_path / "registry.sqlite",
        server_command,
        steps=["open", "preview_prompt"],
        edit=[2, "SYSTEM You are verbose."],
    )
    seen = run_nvim(nvim, job, nvim_home)
    answer = seen["preview_answer"]
    assert answer.get("err") is None and answer["result"].get("error") is None, answer
    preview = seen["preview"]
    assert preview["name"] == answer["result"]["uri"]
    assert preview["name"].startswith("modelfile-preview:")
    assert preview["shown"] is True and preview["current"] is True  # a split; focus stays
    # The built-in sample: two user turns around an answer, after the SYSTEM.
    assert preview["before"] == "<sys>You are terse.</sys><system><user><assistant><user>"
    assert preview["after"] == "<sys>You are verbose.</sys><system><user><assistant><user>"
    assert preview["version"] == preview["source_version"]


def test_elements_and_drafts_round_trip_through_the_registry(
    nvim: str, nvim_home: Path, server_command: list[str], bot_modelfile: Path, tmp_path: Path
) -> None:
    registry = tmp_path / "registry.sqlite"
    job = element_job(
        bot_modelfile,
        registry,
        server_command,
        steps=["open", "commands"],
        picks=["No tags"],
        commands=[
            {"ex": "2ModelfileSaveElement terse-system", "id": "modelfile-ls.saveElement"},
            {"ex": "ModelfilePreviewElements", "id": "modelfile-ls.previewElements"},
            {"ex": "ModelfileSaveDraft bot-draft", "id": "modelfile-ls.saveDraft"},
            {"ex": "ModelfileOpenDraft bot-draft", "id": "modelfile-ls.openDraft"},
            {
                "ex": "ModelfileNewFromElements qwen3:0.6b terse-system",
                "id": "modelfile-ls.newFromElements",
            },
        ],
    )
    seen = run_nvim(nvim, job, nvim_home)
    saved, previewed, draft, opened, composed = seen["answers"]
    text = bot_modelfile.read_text(encoding="utf-8")

    # The range (line 2) is what is saved: the whole file holds two kinds, no one element.
    assert saved["answer"]["result"]["name"] == "terse-system", saved
    assert saved["answer"]["result"]["content"] == "SYSTEM You are a terse assistant."
    (asked,) = seen["asked"]
    assert "Tag the element terse-system" in asked["prompt"] and "No tags" in asked["choices"]
    elements = previewed["answer"]["result"]["elements"]
    assert [(e["kind"], e["exists"]) for e in elements] == [("from", False), ("system", True)]
    assert draft["answer"]["result"]["name"] == "bot-draft"

    # Open Draft writes the draft to a new Modelfile and the server has Neovim open it.
    assert opened["answer"]["result"]["shown"] is True, opened
    assert opened["answer"]["result"]["uri"] == Path(opened["buffer"]).as_uri()
    assert Path(opened["buffer"]).is_relative_to(tmp_path) and opened["text"] + "\n" == text
    assert composed["text"] == "FROM qwen3:0.6b\n\nSYSTEM You are a terse assistant."
    assert Path(composed["buffer"]).is_relative_to(tmp_path)

    stored = open_registry(registry)
    try:
        assert stored.element("terse-system").content == "SYSTEM You are a terse assistant."
        assert stored.draft("bot-draft").text == text
    finally:
        stored.close()
