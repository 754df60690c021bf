"""`create` end to end against the fake Ollama: hashing and upload progress, only the missing
blobs uploaded, the server's own status lines, the model installed; every refusal a clear
OllamaError; a cancel at any step stops within one chunk or line."""

from __future__ import annotations

import hashlib
import resource
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls.ollama.client import (
    Cancelled,
    OllamaClient,
    OllamaHTTPError,
    OllamaStreamError,
)
from modelfile_ls.ollama.create import ModelfileRejected, create
from modelfile_ls.ollama.digest import CHUNK
from modelfile_ls.ollama.events import Done, Event, Notice, Progress, never
from modelfile_ls.ollama.hosts import Hosts
from tests.analysis.gguf_files import EMPTY_GGUF, sparse_gguf
from tests.fake_ollama import FakeModel, FakeOllama, refused_url

EVENT_WAIT = 10.0


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2", parameters=[("stop", "<|eot|>")])]) as fake:
        fake.publish(FakeModel("qwen3:0.6b", size=4000, family="qwen3"))
        yield fake


@pytest.fixture
def hosts(ollama: FakeOllama) -> Iterator[Hosts]:
    with Hosts([ollama.url], connect_timeout=1.0, read_timeout=10.0) as opened:
        yield opened


def modelfile(directory: Path, text: str) -> Path:
    path = directory / "Modelfile"
    path.write_text(text)
    return path


def run(hosts: Hosts, name: str, path: Path, **options: str) -> list[Event]:
    return list(create(hosts, name, path.read_text(), path, never, **options))


def statuses(events: list[Event]) -> list[str]:
    return [e.status for e in events if isinstance(e, Progress)]


def sent_some(event: Event) -> bool:
    """An upload progress line with bytes sent."""
    return (
        isinstance(event, Progress)
        and event.status.startswith("uploading")
        and bool(event.completed)
    )


def digest(data: bytes) -> str:
    return f"sha256:{hashlib.sha256(data).hexdigest()}"


def test_from_an_installed_model(ollama: FakeOllama, hosts: Hosts, tmp_path: Path) -> None:
    text = "FROM llama3.2\nSYSTEM terse\nPARAMETER temperature 0.2\nPARAMETER num_ctx 8192\n"
    events = run(hosts, "mybot", modelfile(tmp_path, text))
    assert statuses(events)[0].startswith("using existing layer sha256:")
    assert statuses(events)[-2:] == ["writing manifest", "success"]
    done = events[-1]
    assert isinstance(done, Done) and done.message == "created mybot"
    assert done.data["request"] == {
        "model": "mybot",
        "from": "llama3.2",
        "system": "terse",
        "parameters": {"num_ctx": 8192, "temperature": 0.2},
        "name": "",
    }
    shown = OllamaClient(ollama.url).show("mybot")
    assert shown.system == "terse"
    assert "temperature" in shown.parameters and '"<|eot|>"' in shown.parameters
    assert [m.name for m in OllamaClient(ollama.url).list_models()].count("mybot:latest") == 1


def test_a_local_gguf_is_hashed_uploaded_and_named(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    weights = EMPTY_GGUF + bytes(3 * CHUNK)
    (tmp_path / "model.gguf").write_bytes(weights)
    events = run(hosts, "local", modelfile(tmp_path, "FROM ./model.gguf\n"))
    hashing = [e for e in events if isinstance(e, Progress) and e.status == "hashing model.gguf"]
    assert [e.completed for e in hashing] == [0, CHUNK, 2 * CHUNK, 3 * CHUNK, len(weights)]
    assert all(e.total == len(weights) for e in hashing)
    uploading = [e for e in events if isinstance(e, Progress) and e.status.startswith("uploading")]
    assert uploading[0].digest == digest(weights) and uploading[-1].completed == len(weights)
    assert ollama.blobs.received == [digest(weights)]
    assert "parsing GGUF" in statuses(events)
    done = events[-1]
    assert isinstance(done, Done)
    assert done.data["request"] == {
        "model": "local",
        "files": {"model.gguf": digest(weights)},
        "name": "",
    }
    assert done.data["uploaded"] == [digest(weights)]
    assert OllamaClient(ollama.url).show("local").details.quantization_level == "F16"


def test_blobs_the_server_has_are_not_sent_again(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    (tmp_path / "model.gguf").write_bytes(EMPTY_GGUF)
    path = modelfile(tmp_path, "FROM ./model.gguf\n")
    run(hosts, "first", path)
    events = run(hosts, "second", path)
    assert ollama.blobs.received == [digest(EMPTY_GGUF)]
    assert f"using existing blob {digest(EMPTY_GGUF)}" in statuses(events)
    done = events[-1]
    assert isinstance(done, Done) and done.data["existing"] == [digest(EMPTY_GGUF)]


def test_a_missing_base_is_pulled_within_the_create(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    events = run(hosts, "small", modelfile(tmp_path, "FROM qwen3:0.6b\n"))
    lines = statuses(events)
    assert lines[0] == "pulling manifest" and lines.count("success") == 2
    assert lines[-2:] == ["writing manifest", "success"]
    assert OllamaClient(ollama.url).show("small").details.family == "qwen3"


def test_an_unknown_base_is_ollamas_pull_error(hosts: Hosts, tmp_path: Path) -> None:
    with pytest.raises(OllamaStreamError, match="pull model manifest: file does not exist"):
        run(hosts, "x", modelfile(tmp_path, "FROM nosuch/model\n"))


def test_quantize_is_sent_and_checked_by_the_server(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    (tmp_path / "model.gguf").write_bytes(EMPTY_GGUF)
    path = modelfile(tmp_path, "FROM ./model.gguf\n")
    events = run(hosts, "q", path, quantize="q4_K_M")
    assert "quantizing F16 model to Q4_K_M" in statuses(events)
    assert OllamaClient(ollama.url).show("q").details.quantization_level == "Q4_K_M"
    # Nothing was streamed before the refusal, so it is a plain HTTP error.
    with pytest.raises(OllamaHTTPError, match="quantization is only supported for F16"):
        run(hosts, "q2", modelfile(tmp_path, "FROM q\n"), quantize="q8_0")


def test_errors_are_refused_before_anything_is_sent(tmp_path: Path) -> None:
    path = modelfile(tmp_path, "FROM llama3.2\nTEMPLATE {{ if .System }}\n")
    with Hosts([refused_url()]) as nowhere, pytest.raises(ModelfileRejected) as refused:
        run(nowhere, "x", path)
    assert [f.code for f in refused.value.findings] == ["MF302"]


def test_deprecated_parameters_are_a_notice(hosts: Hosts, tmp_path: Path) -> None:
    events = run(hosts, "x", modelfile(tmp_path, "FROM llama3.2\nPARAMETER mirostat 1\n"))
    assert events[0] == Notice("warning: parameter mirostat is deprecated")


def test_cancel_while_hashing_sends_nothing(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    sparse_gguf(tmp_path / "model.gguf", 16 * CHUNK)
    path = modelfile(tmp_path, "FROM ./model.gguf\n")
    seen: list[Event] = []
    stop = threading.Event()
    with pytest.raises(Cancelled):
        for event in create(hosts, "x", path.read_text(), path, stop.is_set):
            seen.append(event)
            if isinstance(event, Progress) and event.completed:
                stop.set()
    assert [e.completed for e in seen if isinstance(e, Progress)] == [0, CHUNK]
    assert not [r for r in ollama.requests if r[1].startswith("/api/")]


def test_cancel_while_uploading_stops_the_upload(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    sparse_gguf(tmp_path / "model.gguf", 64 * CHUNK)
    path = modelfile(tmp_path, "FROM ./model.gguf\n")
    stop = threading.Event()
    with pytest.raises(Cancelled):
        for event in create(hosts, "x", path.read_text(), path, stop.is_set):
            if sent_some(event):
                stop.set()
    assert ollama.blobs.received == []
    assert not [t for t in threading.enumerate() if t.name.startswith("upload ")]
    assert not [r for r in ollama.requests if r[1] == "/api/create"]


def test_cancel_while_the_server_streams(ollama: FakeOllama, hosts: Hosts, tmp_path: Path) -> None:
    ollama.hold_stream_after = 1
    path = modelfile(tmp_path, "FROM llama3.2\nSYSTEM x\n")
    stop = threading.Event()
    with pytest.raises(Cancelled):
        for event in create(hosts, "x", path.read_text(), path, stop.is_set):
            if isinstance(event, Progress):
                assert ollama.stream_held.wait(EVENT_WAIT)
                stop.set()
    ollama.release_stream.set()
    assert ollama.installed("x") is None


def test_a_consumer_that_stops_listening_stops_the_upload(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    sparse_gguf(tmp_path / "model.gguf", 64 * CHUNK)
    path = modelfile(tmp_path, "FROM ./model.gguf\n")
    events = create(hosts, "x", path.read_text(), path, never)
    for event in events:
        if sent_some(event):
            break
    events.close()  # type: ignore[attr-defined]
    assert not [t for t in threading.enumerate() if t.name.startswith("upload ")]
    assert ollama.blobs.received == []


def test_the_servers_error_text_reaches_the_user(ollama: FakeOllama, tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(EMPTY_GGUF)
    with Hosts([ollama.url]) as hosts:
        ollama.failures["/api/create"] = (500, {"error": "disk full"})
        with pytest.raises(OllamaHTTPError) as failed:
            run(hosts, "x", modelfile(tmp_path, "FROM ./model.gguf\n"))
    assert failed.value.status == 500 and failed.value.message == "disk full"


SPARSE_SIZE = 2 << 30
RSS_LIMIT = 100 << 20
CLIENT = """
import resource, sys
from pathlib import Path
from modelfile_ls.ollama.create import create
from modelfile_ls.ollama.events import Done, never
from modelfile_ls.ollama.hosts import Hosts
path = Path(sys.argv[2])
with Hosts([sys.argv[1]], read_timeout=120.0) as hosts:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    *_, done = create(hosts, "big", path.read_text(), path, never)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert isinstance(done, Done), done
print((after - before) * 1024)
"""


def test_a_2_gb_gguf_is_hashed_and_uploaded_in_flat_memory(
    ollama: FakeOllama, tmp_path: Path
) -> None:
    """The client (a subprocess, so its peak is its own) and the fake (this process) both
    stream: neither's resident memory grows by 100 MB over a 2 GB file."""
    sparse_gguf(tmp_path / "big.gguf", SPARSE_SIZE)  # a hole, yet every byte is read and sent
    path = modelfile(tmp_path, "FROM ./big.gguf\n")
    fake_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    client = subprocess.run(
        [sys.executable, "-c", CLIENT, ollama.url, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    fake_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - fake_before) * 1024
    assert client.returncode == 0, client.stderr
    assert int(client.stdout) < RSS_LIMIT
    assert fake_growth < RSS_LIMIT
    (stored,) = ollama.blobs.received
    assert ollama.blobs.path(stored).stat().st_size == SPARSE_SIZE
    assert ollama.installed("big") is not None


def test_a_cut_right_after_the_pulls_success_is_not_a_create(
    ollama: FakeOllama, hosts: Hosts, tmp_path: Path
) -> None:
    ollama.cut_stream_after = 6  # pulling manifest, two layers, verifying, writing, success
    with pytest.raises(OllamaStreamError, match="was cut mid-create"):
        run(hosts, "small", modelfile(tmp_path, "FROM qwen3:0.6b\n"))
    assert ollama.installed("small") is None
