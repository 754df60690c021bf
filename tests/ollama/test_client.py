"""OllamaClient against the fake: every endpoint typed, every fault mode a clear OllamaError,
nothing hangs (small timeouts; waits are on events), a cancel closes the connection."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from modelfile_ls.ollama.client import (
    CONNECT_TIMEOUT,
    Cancelled,
    OllamaClient,
    OllamaError,
    OllamaHTTPError,
    OllamaProtocolError,
    OllamaStreamError,
    OllamaUnreachable,
)
from modelfile_ls.ollama.events import Progress, never
from tests.fake_ollama import Exchange, FakeModel, FakeOllama, refused_url

EVENT_WAIT = 10.0
"""Upper bound for waiting on an event the fake sets (a bug fails instead of hanging)."""


@pytest.fixture
def ollama() -> FakeOllama:
    with FakeOllama([FakeModel("llama3.2")]) as fake:
        fake.publish(FakeModel("qwen3:0.6b", size=4000))
        yield fake  # type: ignore[misc]


@pytest.fixture
def client(ollama: FakeOllama) -> OllamaClient:
    with OllamaClient(ollama.url, timeout=5.0, connect_timeout=1.0) as opened:
        yield opened  # type: ignore[misc]


def test_connect_timeout_is_at_most_five_seconds() -> None:
    assert CONNECT_TIMEOUT <= 5.0
    with OllamaClient(refused_url(), connect_timeout=60.0, timeout=300.0) as client:
        assert client.connect_timeout == CONNECT_TIMEOUT


def test_a_refused_port_is_unreachable_at_once_with_the_address_and_the_remedy() -> None:
    url = refused_url()
    finished = threading.Event()
    caught: list[OllamaError] = []

    def call() -> None:
        with OllamaClient(url) as client:
            try:
                client.version()
            except OllamaError as exc:
                caught.append(exc)
        finished.set()

    threading.Thread(target=call, daemon=True).start()
    # A refusal is answered by the kernel, long before the connect timeout could expire.
    assert finished.wait(CONNECT_TIMEOUT)
    (error,) = caught
    assert isinstance(error, OllamaUnreachable)
    assert str(error) == f"could not connect to Ollama at {url} (connection refused)"
    assert error.hint == (
        "Start it with `ollama serve`, or point --host / OLLAMA_HOST / ollama-hosts at a running"
        " server."
    )
    assert error.failures == ((url, "connection refused"),)


def test_a_slow_answer_times_out_with_a_clear_message(ollama: FakeOllama) -> None:
    ollama.slow["/api/tags"] = threading.Event()
    with OllamaClient(ollama.url, timeout=0.2) as client, pytest.raises(OllamaError) as caught:
        client.list_models()
    assert ollama.held.is_set()
    assert str(caught.value) == f"Ollama at {ollama.url}/api/tags did not answer in time"
    assert caught.value.hint
    ollama.slow["/api/tags"].set()


def test_http_500_carries_ollamas_text(ollama: FakeOllama, client: OllamaClient) -> None:
    ollama.failures["/api/ps"] = (500, {"error": "something broke"})
    with pytest.raises(OllamaHTTPError) as caught:
        client.running()
    assert (caught.value.status, caught.value.message) == (500, "something broke")


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        ("cut_stream_after", OllamaStreamError, "was cut mid-pull"),
        ("error_line_after", OllamaStreamError, "^an error from the fake mid-stream$"),
        ("malformed_line_after", OllamaStreamError, r"line 3 of the stream is not JSON"),
    ],
)
def test_stream_faults_are_stream_errors(
    ollama: FakeOllama, client: OllamaClient, fault: str, error: type[Exception], message: str
) -> None:
    setattr(ollama, fault, 2)
    seen: list[Progress] = []
    with pytest.raises(error, match=message):
        seen.extend(client.pull("qwen3:0.6b", never))
    assert len(seen) == 2
    assert client.list_models()[0].name == "llama3.2:latest"  # nothing installed


def test_a_non_object_line_is_a_protocol_error(ollama: FakeOllama, client: OllamaClient) -> None:
    ollama.failures["/api/generate"] = (200, [1, 2])
    with pytest.raises(OllamaProtocolError, match="expected a JSON object, got a list"):
        client.generate("llama3.2", "hi", cancelled=never)


def test_cancel_mid_stream_raises_after_the_paused_line_and_closes_the_connection(
    ollama: FakeOllama, client: OllamaClient
) -> None:
    ollama.hold_stream_after = 3
    stop = threading.Event()
    lines = client.pull("qwen3:0.6b", stop.is_set)
    received = [next(lines) for _ in range(3)]
    assert ollama.stream_held.wait(EVENT_WAIT)  # the fake now waits before line 4
    stop.set()
    with pytest.raises(Cancelled, match=r"^the pull of qwen3:0\.6b was cancelled$"):
        next(lines)
    assert ollama.stream_closed.wait(EVENT_WAIT)  # the fake saw the client hang up
    assert received[0].status == "pulling manifest"


def test_cancel_before_the_request_sends_nothing(ollama: FakeOllama, client: OllamaClient) -> None:
    with pytest.raises(Cancelled):
        list(client.pull("qwen3:0.6b", lambda: True))
    assert [r for r in ollama.requests if r[1] == "/api/pull"] == []


def test_push_copy_delete_and_ps(ollama: FakeOllama, client: OllamaClient) -> None:
    client.copy("llama3.2", "me/bot")
    assert {m.name for m in client.list_models()} == {"llama3.2:latest", "me/bot:latest"}
    pushed = list(client.push("me/bot", never))
    assert pushed[0].status == "retrieving manifest" and pushed[-1].status == "success"
    assert any(p.status.startswith("pushing ") and p.total for p in pushed)
    assert ollama.pushed == ["me/bot:latest"]
    client.delete("me/bot")
    assert [m.name for m in client.list_models()] == ["llama3.2:latest"]
    with pytest.raises(OllamaHTTPError, match="model 'me/bot' not found"):
        client.delete("me/bot")
    with pytest.raises(OllamaHTTPError, match='model "nope" not found'):
        client.copy("nope", "other")
    assert client.running() == []
    client.generate("llama3.2", "hi", cancelled=never)
    (running,) = client.running()
    assert (running.name, running.details.family, running.context_length) == (
        "llama3.2:latest",
        "llama",
        4096,
    )


def test_push_errors_are_ollamas(ollama: FakeOllama, client: OllamaClient) -> None:
    with pytest.raises(OllamaStreamError, match="unauthorized: access denied"):
        list(client.push("llama3.2", never))
    with pytest.raises(OllamaStreamError, match=r"^open /root/.*/me/ghost/latest: no such file"):
        list(client.push("me/ghost", never))


def test_generate_has_typed_timings(ollama: FakeOllama, client: OllamaClient) -> None:
    result = client.generate("llama3.2", "Why is the sky blue?", cancelled=never)
    assert result.response == "The sky is blue."
    assert result.done_reason == "stop"
    assert result.eval_count == 64 and result.eval_duration == 1_280_000_000
    assert result.tokens_per_second == pytest.approx(50.0)
    assert result.prompt_tokens_per_second == pytest.approx(200.0)
    assert result.load_seconds == pytest.approx(2.4)
    warm = client.generate("llama3.2", "again", options={"num_predict": 8}, cancelled=never)
    assert warm.load_duration == ollama.warm_load_ns
    assert '"options":{"num_predict":8}' in ollama.requests[-1][2]
    with pytest.raises(OllamaHTTPError, match="model 'ghost' not found"):
        client.generate("ghost", "hi", cancelled=never)


def test_blobs_head_and_upload(ollama: FakeOllama, client: OllamaClient, tmp_path: Path) -> None:
    stored: dict[str, bytes] = {}

    def head(exchange: Exchange) -> None:
        exchange.send_empty(200 if exchange.path.rsplit("/", 1)[1] in stored else 404)

    def upload(exchange: Exchange) -> None:
        digest = exchange.path.rsplit("/", 1)[1]
        data = b"".join(exchange.chunks())
        actual = "sha256:" + hashlib.sha256(data).hexdigest()
        if actual != digest:
            exchange.send(400, {"error": f'digest mismatch, expected "{digest}", got "{actual}"'})
            return
        stored[digest] = data
        exchange.send_empty(201)

    ollama.routes[("HEAD", "/api/blobs/")] = head
    ollama.routes[("POST", "/api/blobs/")] = upload
    weights = tmp_path / "model.gguf"
    weights.write_bytes(b"GGUF" + bytes(3 << 20))
    digest = "sha256:" + hashlib.sha256(weights.read_bytes()).hexdigest()
    assert client.blob_exists(digest) is False
    sent: list[int] = []
    client.upload_blob(digest, weights, never, sent.append)
    assert sum(sent) == weights.stat().st_size and len(sent) == 4
    assert client.blob_exists(digest) is True
    with pytest.raises(OllamaHTTPError, match="digest mismatch"):
        client.upload_blob("sha256:" + "0" * 64, weights, never, sent.append)
    with pytest.raises(Cancelled, match=r"^the upload of model\.gguf was cancelled$"):
        client.upload_blob(digest, weights, lambda: len(sent) > 5, sent.append)
