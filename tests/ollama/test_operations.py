"""The operations against the fake: what each yields or returns, the Done summaries, the hints
on Ollama's errors, failover for list and pull, and a pull that resumes after a cut."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from modelfile_ls.ollama import bench, operations
from modelfile_ls.ollama.errors import (
    Cancelled,
    OllamaError,
    OllamaHTTPError,
    OllamaStreamError,
    OllamaUnreachable,
)
from modelfile_ls.ollama.events import Done, Event, Notice, Progress, never
from modelfile_ls.ollama.hosts import Hosts
from tests.fake_ollama import FakeModel, FakeOllama, refused_url

LLAMA = FakeModel(
    "llama3.2",
    parameters=[("stop", "<|eot_id|>"), ("temperature", 0.7), ("num_ctx", 4096)],
    system="You are\nbrief.",
    messages=[{"role": "user", "content": "hi"}],
)


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([LLAMA]) as fake:
        fake.publish(FakeModel("qwen3:0.6b", size=4000))
        yield fake


@pytest.fixture
def hosts(ollama: FakeOllama) -> Iterator[Hosts]:
    with Hosts([ollama.url], connect_timeout=1.0, read_timeout=5.0) as opened:
        yield opened


def split(events: list[Event]) -> tuple[list[Notice], list[Progress], Done]:
    """The events by kind; exactly one Done, and it comes last."""
    assert isinstance(events[-1], Done)
    assert [e for e in events if isinstance(e, Done)] == [events[-1]]
    notices = [e for e in events if isinstance(e, Notice)]
    progress = [e for e in events if isinstance(e, Progress)]
    return notices, progress, events[-1]


def test_pull_yields_progress_then_done(ollama: FakeOllama, hosts: Hosts) -> None:
    notices, progress, done = split(list(operations.pull(hosts, "qwen3:0.6b", never)))
    assert notices == [] and progress[0].status == "pulling manifest"
    assert done == Done("pulled qwen3:0.6b", {"model": "qwen3:0.6b", "host": ollama.url})
    assert ollama.installed("qwen3:0.6b") is not None


def test_a_pull_after_a_cut_continues_from_what_ollama_has(
    ollama: FakeOllama, hosts: Hosts
) -> None:
    digest = ollama.library["qwen3:0.6b"].layers()[0][0]
    ollama.cut_stream_after = 4  # manifest, then 0 %, 25 %, 50 % of the weights
    with pytest.raises(OllamaStreamError, match="cut mid-pull") as caught:
        list(operations.pull(hosts, "qwen3:0.6b", never))
    assert "run it again" in caught.value.hint
    assert ollama.have[digest] == 2000  # what the fake kept of the 4000 bytes
    ollama.cut_stream_after = None
    events = list(operations.pull(hosts, "qwen3:0.6b", never))
    first = next(e for e in events if isinstance(e, Progress) and e.digest == digest)
    assert first.completed == 2000  # resumed, not restarted
    assert isinstance(events[-1], Done)


def test_failover_list_and_pull_use_the_second_host_and_say_so(ollama: FakeOllama) -> None:
    down = refused_url()
    notice = Notice(f"{down} refused the connection; using {ollama.url}")
    with Hosts([down, ollama.url], connect_timeout=1.0) as hosts:
        models, notices = operations.list_models(hosts)
        assert [m.name for m in models] == ["llama3.2:latest"] and notices == [notice]
        events = list(operations.pull(hosts, "qwen3:0.6b", never))
    assert events[0] == notice
    assert events[-1] == Done("pulled qwen3:0.6b", {"model": "qwen3:0.6b", "host": ollama.url})


def test_nothing_running_is_unreachable_with_the_remedy() -> None:
    with Hosts([refused_url()], connect_timeout=1.0) as hosts:
        with pytest.raises(OllamaUnreachable) as caught:
            operations.list_models(hosts)
        assert "`ollama serve`" in caught.value.hint
        with pytest.raises(OllamaUnreachable):
            list(operations.pull(hosts, "llama3.2", never))


def test_pull_errors_carry_hints(ollama: FakeOllama, hosts: Hosts) -> None:
    with pytest.raises(OllamaStreamError, match="file does not exist") as caught:
        list(operations.pull(hosts, "nope", never))
    assert "https://ollama.com/library" in caught.value.hint
    ollama.error_line_after = 2
    with pytest.raises(OllamaStreamError, match=r"^an error from the fake mid-stream$"):
        list(operations.pull(hosts, "qwen3:0.6b", never))


def test_a_cancelled_pull_stops_and_the_fake_sees_the_hang_up(
    ollama: FakeOllama, hosts: Hosts
) -> None:
    ollama.hold_stream_after = 2
    stop: list[bool] = []
    events = operations.pull(hosts, "qwen3:0.6b", lambda: bool(stop))
    assert [next(events), next(events)][0] == Progress("pulling manifest")
    assert ollama.stream_held.wait(10)
    stop.append(True)
    with pytest.raises(Cancelled):
        next(events)
    assert ollama.stream_closed.wait(10)


def test_push_as_ollamas_cli_says_it(ollama: FakeOllama, hosts: Hosts) -> None:
    with pytest.raises(OllamaStreamError) as denied:
        list(operations.push(hosts, "llama3.2", never))
    assert str(denied.value) == operations.PUSH_DENIED
    assert "modelfile-ls copy llama3.2 <you>/llama3.2" in denied.value.hint
    with pytest.raises(OllamaStreamError, match="no such file or directory") as missing:
        list(operations.push(hosts, "me/ghost", never))
    assert "modelfile-ls list" in missing.value.hint
    operations.copy(hosts, "llama3.2", "me/llama")
    _, progress, done = split(list(operations.push(hosts, "me/llama", never)))
    assert progress[0].status == "retrieving manifest"
    assert done.message == "pushed me/llama" and ollama.pushed == ["me/llama:latest"]


def test_copy_delete_and_their_errors(ollama: FakeOllama, hosts: Hosts) -> None:
    operations.copy(hosts, "llama3.2", "backup")
    assert operations.delete(hosts, ["backup", "llama3.2"]) == ["backup", "llama3.2"]
    assert operations.list_models(hosts)[0] == []
    with pytest.raises(OllamaHTTPError, match=r"model 'llama3\.2' not found") as gone:
        operations.delete(hosts, ["llama3.2"])
    assert gone.value.status == 404 and "modelfile-ls list" in gone.value.hint
    with pytest.raises(OllamaHTTPError, match='source "bad name" is invalid'):
        operations.copy(hosts, "bad name", "x")
    with pytest.raises(OllamaHTTPError, match=r'model "llama3\.2" not found'):
        operations.copy(hosts, "llama3.2", "x")


def test_show_ps_and_version(ollama: FakeOllama, hosts: Hosts) -> None:
    shown = operations.show(hosts, "llama3.2")
    assert (shown.details.family, shown.details.quantization_level) == ("llama", "Q4_K_M")
    assert shown.capabilities == ("completion", "tools")
    assert operations.version(hosts) == "0.33.0-rc2"
    assert operations.running(hosts) == []
    list(bench.bench(hosts, "llama3.2", None, never))
    assert [m.name for m in operations.running(hosts)] == ["llama3.2:latest"]
    with pytest.raises(OllamaHTTPError, match="model 'nope:latest' not found") as caught:
        operations.show(hosts, "nope")
    assert "modelfile-ls list" in caught.value.hint


def test_show_modelfile_is_what_ollama_show_modelfile_prints(hosts: Hosts) -> None:
    blob = f"/root/.ollama/models/blobs/sha256-{LLAMA.digest}"
    # Go's fmt.Println adds a newline after the server's text, which already ends in one.
    assert operations.show_modelfile(hosts, "llama3.2") == (
        '# Modelfile generated by "ollama show"\n'
        "# To build a new Modelfile based on this, replace FROM with:\n"
        "# FROM llama3.2:latest\n"
        "\n"
        f"FROM {blob}\n"
        "TEMPLATE {{ .Prompt }}\n"
        'SYSTEM "You are\nbrief."\n'
        "PARAMETER stop <|eot_id|>\n"
        "PARAMETER temperature 0.7\n"
        "PARAMETER num_ctx 4096\n"
        "MESSAGE user hi\n"
        "\n"
    )


def test_show_modelfile_refuses_image_models_as_ollama_does(ollama: FakeOllama) -> None:
    ollama.add(FakeModel("x/flux", capabilities=["image"]))
    with (
        Hosts([ollama.url]) as hosts,
        pytest.raises(OllamaError, match=r"^image generation models are not currently supported$"),
    ):
        operations.show_modelfile(hosts, "x/flux")


def test_http_500_and_slow_hosts_are_clear(ollama: FakeOllama, hosts: Hosts) -> None:
    ollama.failures["/api/tags"] = (500, {"error": "model list cache unavailable"})
    with pytest.raises(OllamaHTTPError, match="answered 500: model list cache unavailable"):
        operations.list_models(hosts)
    ollama.slow["/api/ps"] = threading.Event()
    with Hosts([ollama.url], read_timeout=0.2) as impatient, pytest.raises(OllamaError) as slow:
        operations.running(impatient)
    assert "did not answer in time" in str(slow.value)
    ollama.slow["/api/ps"].set()
