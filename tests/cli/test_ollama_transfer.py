"""`pull` and `push` end to end against the fake: progress as plain lines off a terminal and
as bars on one, `--quiet`, every stream fault (cut, error line, malformed line, 500, refused)
a message and exit 1, failover to a second host, and Ctrl-C mid-pull: exit 130, no
traceback, the connection closed."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator

import pytest

from tests.cli.ollama_support import cli, spawn
from tests.fake_ollama import FakeModel, FakeOllama, refused_url

WAIT = 30.0
"""Seconds a test waits for the child at most (a hang fails instead of blocking the suite)."""


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("me/bot"), FakeModel("other/bot")]) as ollama:
        ollama.publish(FakeModel("qwen3:8b", size=5_000_000))
        yield ollama


def test_pull_prints_each_status_once_then_the_result(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert (done.code, done.out) == (0, "pulled qwen3:8b\n")
    lines = done.err.splitlines()
    assert lines[0] == "pulling manifest"
    assert lines[1].startswith("pulling ") and lines[1].endswith(" (5 MB)")
    assert lines[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    assert len(lines) == len(set(lines)), "each status once, not every chunk"
    assert fake.installed("qwen3:8b") is not None


def test_pull_on_a_terminal_draws_bars(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Tty()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("TERM", "xterm")
    done = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert (done.code, done.out) == (0, "pulled qwen3:8b\n")
    drawn = terminal.getvalue()
    assert "\r" in drawn and "\x1b[?2026h" in drawn
    assert "100% \u2595" in drawn and "5 MB" in drawn
    assert drawn.endswith("\n"), "the block's last line is ended before the result"


def test_quiet_prints_only_the_final_line(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "pull", "qwen3:8b", "--quiet", "--host", fake.url)
    assert (done.code, done.out, done.err) == (0, "pulled qwen3:8b\n", "")


def test_quiet_still_prints_errors(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "pull", "nothere", "--quiet", "--host", fake.url)
    assert done.code == 1 and done.out == ""
    assert done.err.splitlines() == [
        "modelfile-ls pull: pull model manifest: file does not exist",
        "  check the name and tag of nothere on https://ollama.com/library",
    ]


def test_a_cut_pull_says_so_and_the_next_one_continues(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.cut_stream_after = 3
    done = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert done.code == 1 and done.out == ""
    assert f"the connection to Ollama at {fake.url} was cut" in done.err
    assert "run it again" in done.err
    had = dict(fake.have)
    assert had and fake.installed("qwen3:8b") is None
    fake.cut_stream_after = None
    again = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert again.code == 0
    assert fake.installed("qwen3:8b") is not None
    assert all(fake.have[digest] >= size for digest, size in had.items())


def test_an_error_line_mid_stream_is_ollamas_text(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.error_line_after = 3
    fake.error_line = "digest mismatch, file must be downloaded again"
    done = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert done.code == 1
    assert "modelfile-ls pull: digest mismatch, file must be downloaded again" in done.err


def test_a_malformed_line_names_the_line(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.malformed_line_after = 2
    done = cli(capsys, "pull", "qwen3:8b", "--host", fake.url)
    assert done.code == 1
    assert "line 3 of the stream is not JSON" in done.err and "Traceback" not in done.err


@pytest.mark.parametrize("verb", ["pull", "push"])
def test_a_500_before_the_stream(
    verb: str, fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.failures[f"/api/{verb}"] = (500, {"error": "insecure protocol http"})
    done = cli(capsys, verb, "me/bot", "--host", fake.url)
    assert done.code == 1
    assert "answered 500: insecure protocol http" in done.err


@pytest.mark.parametrize("verb", ["pull", "push"])
def test_not_running(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = refused_url()
    done = cli(capsys, verb, "me/bot", "--host", url)
    assert done.code == 1
    assert f"could not connect to Ollama at {url}" in done.err and "ollama serve" in done.err


def test_pull_fails_over_to_the_second_host_and_says_so(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    down = refused_url()
    done = cli(capsys, "pull", "qwen3:8b", "--host", down, "--host", fake.url)
    assert (done.code, done.out) == (0, "pulled qwen3:8b\n")
    assert done.err.splitlines()[0] == f"{down} refused the connection; using {fake.url}"
    assert fake.installed("qwen3:8b") is not None


def test_push(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "push", "me/bot", "--host", fake.url)
    assert (done.code, done.out) == (0, "pushed me/bot\n")
    assert "pushing manifest" in done.err.splitlines()
    assert fake.pushed == ["me/bot:latest"]


def test_push_to_a_namespace_not_yours(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "push", "other/bot", "--host", fake.url)
    assert done.code == 1
    assert "you are not authorized to push to this namespace" in done.err
    assert "modelfile-ls copy other/bot" in done.err


def test_push_of_a_model_not_installed(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "push", "me/none", "--host", fake.url)
    assert done.code == 1
    assert "no such file or directory" in done.err and "is not installed" in done.err


def test_ctrl_c_mid_pull_exits_130_and_closes_the_connection(fake: FakeOllama) -> None:
    fake.hold_stream_after = 2
    child = spawn("pull", "qwen3:8b", "--host", fake.url)
    try:
        assert child.stderr is not None
        assert child.stderr.readline() == "pulling manifest\n"
        assert child.stderr.readline().startswith("pulling ")
        assert fake.stream_held.wait(WAIT)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=WAIT)
    finally:
        child.kill()
    assert child.returncode == 130
    assert out == ""
    assert err == "modelfile-ls pull: interrupted; the connection to Ollama was closed\n"
    assert fake.stream_closed.wait(WAIT), "the fake saw the client hang up"
    assert fake.installed("qwen3:8b") is None
