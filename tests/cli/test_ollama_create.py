"""`create` end to end from the command line against the fake: `--dry-run` prints the body and
contacts nobody, `-f` defaults to ./Modelfile, a file `--check` finds errors in is refused with
its findings as `--check` prints them, local files are hashed and uploaded with progress, and
every server fault is a message and exit 1."""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls.ollama.create import build_create_request, dry_run_body
from tests.cli.ollama_support import cli, spawn
from tests.conftest import ROOT
from tests.fake_ollama import FakeModel, FakeOllama, refused_url

GGUF = b"GGUF\x03\x00\x00\x00" + bytes(4096)
WAIT = 30.0


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2", parameters=[("stop", "<|eot|>")])]) as ollama:
        yield ollama


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dry_run_prints_the_body_and_contacts_nobody(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "FROM llama3.2\nSYSTEM terse\nPARAMETER temperature 0.2\nPARAMETER stop <|x|>\n"
    (here / "bot.Modelfile").write_text(text)
    argv = ["create", "mybot", "-f", "bot.Modelfile", "--dry-run", "-q", "q4_K_M"]
    done = cli(capsys, *argv, "--host", fake.url)
    assert done.code == 0, done.err
    body = json.loads(done.out)
    plan = build_create_request(text, Path("bot.Modelfile"), model="mybot", quantize="q4_K_M")
    assert body == dry_run_body(plan)
    assert body["quantize"] == "q4_K_M" and body["parameters"]["temperature"] == 0.2
    assert fake.requests == []


def test_file_defaults_to_the_modelfile_here(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\n")
    done = cli(capsys, "create", "mybot", "--dry-run")
    assert done.code == 0 and json.loads(done.out)["from"] == "llama3.2"


def test_dry_run_says_what_ollamas_cli_warns_about_on_stderr(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\nPARAMETER mirostat 1\n")
    done = cli(capsys, "create", "mybot", "--dry-run")
    assert done.code == 0
    assert done.err == "warning: parameter mirostat is deprecated\n"
    assert "parameters" not in json.loads(done.out)


def test_a_missing_modelfile(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "create", "mybot", "--dry-run")
    assert done.code == 1
    assert "Modelfile: no such file" in done.err and "-f FILE" in done.err


def test_a_refused_file_prints_the_findings_as_check_does(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\nPARAMETER temprature 0.7\n")
    for extra in ([], ["--dry-run"]):
        done = cli(capsys, "create", "mybot", *extra, "--host", fake.url)
        assert done.code == 1 and done.out == ""
        check = cli(capsys, "--check", "Modelfile")
        assert done.err.startswith(check.out), "the same report as --check's text format"
        assert "Modelfile:2:11: MF101" in done.err and "^~~~~~~~~~" in done.err
        assert "modelfile-ls create: `Modelfile` has 1 error; fix them before creating" in (
            done.err
        )
    assert fake.requests == []


def test_an_invalid_name(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\n")
    done = cli(capsys, "create", "bad name", "--dry-run")
    assert done.code == 1 and "invalid model name: bad name" in done.err


def test_create_from_an_installed_model(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\nSYSTEM terse\n")
    done = cli(capsys, "create", "mybot", "--host", fake.url)
    assert (done.code, done.out) == (0, "created mybot\n"), done.err
    lines = done.err.splitlines()
    assert lines[0].startswith("using existing layer sha256:")
    assert lines[-2:] == ["writing manifest", "success"]
    created = fake.installed("mybot")
    assert created is not None and created.system == "terse"


def test_create_uploads_a_local_gguf_with_progress(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "model.gguf").write_bytes(GGUF)
    (here / "Modelfile").write_text("FROM ./model.gguf\n")
    done = cli(capsys, "create", "local", "--host", fake.url)
    assert (done.code, done.out) == (0, "created local\n"), done.err
    assert any(line.startswith("hashing model.gguf") for line in done.err.splitlines())
    assert any(line.startswith("uploading sha256:") for line in done.err.splitlines())
    again = cli(capsys, "create", "local2", "--host", fake.url)
    assert again.code == 0
    assert not any(line.startswith("uploading") for line in again.err.splitlines()), (
        "a blob Ollama has is not uploaded again"
    )


def test_the_servers_refusal_is_its_own_text(
    fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM nothere\n")
    done = cli(capsys, "create", "mybot", "--host", fake.url)
    assert done.code == 1 and "pull model manifest: file does not exist" in done.err


@pytest.mark.parametrize("fault", ["500", "cut", "error", "malformed"])
def test_stream_faults(
    fault: str, fake: FakeOllama, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\nSYSTEM terse\n")
    if fault == "500":
        fake.failures["/api/create"] = (500, {"error": "no space left on device"})
    elif fault == "cut":
        fake.cut_stream_after = 1
    elif fault == "error":
        fake.error_line_after = 1
    else:
        fake.malformed_line_after = 1
    done = cli(capsys, "create", "mybot", "--host", fake.url)
    assert done.code == 1 and done.out == ""
    expected = {
        "500": "answered 500: no space left on device",
        "cut": "was cut",
        "error": fake.error_line,
        "malformed": "is not JSON",
    }[fault]
    assert expected in done.err and "Traceback" not in done.err


def test_create_when_ollama_is_not_running(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "Modelfile").write_text("FROM llama3.2\n")
    url = refused_url()
    done = cli(capsys, "create", "mybot", "--host", url)
    assert done.code == 1 and f"could not connect to Ollama at {url}" in done.err


def test_ctrl_c_mid_create_exits_130(fake: FakeOllama, tmp_path: Path) -> None:
    modelfile = tmp_path / "Modelfile"
    modelfile.write_text("FROM llama3.2\nSYSTEM terse\n")
    fake.hold_stream_after = 1
    child = spawn("create", "mybot", "-f", str(modelfile), "--host", fake.url)
    try:
        assert child.stderr is not None
        assert child.stderr.readline().startswith("using existing layer")
        assert fake.stream_held.wait(WAIT)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=WAIT)
    finally:
        child.kill()
    assert (child.returncode, out) == (130, "")
    assert err == "modelfile-ls create: interrupted; the connection to Ollama was closed\n"
    assert fake.stream_closed.wait(WAIT)
    assert fake.installed("mybot") is None


def readme_block(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- {name}:start -->\n```\w*\n(.*?)```\n<!-- {name}:end -->", readme, re.S
    )
    assert found is not None, name
    return found.group(1)


def test_the_readmes_create_examples_are_current(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = str(ROOT / "examples" / "Modelfile")
    dry_run = cli(capsys, "create", "mybot", "-f", example, "--dry-run")
    assert dry_run.out == readme_block("create-dry-run")
    (here / "Modelfile").write_text("FROM llama3.2\nPARAMETER temprature 0.7\n")
    refused = cli(capsys, "create", "mybot")
    assert refused.code == 1 and refused.err == readme_block("create-refused")
