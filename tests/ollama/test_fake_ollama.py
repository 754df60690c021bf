"""The fake Ollama answers as shared spec ollama-api.md says the real one does (raw HTTP here,
so that the client's own handling cannot hide a wrong status or body)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.fake_ollama import Exchange, FakeModel, FakeOllama


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2")]) as fake:
        fake.publish(FakeModel("qwen3:0.6b", size=8))
        yield fake


@pytest.fixture
def http(ollama: FakeOllama) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama.url, timeout=5.0) as client:
        yield client


def test_router_errors_are_plain_text(http: httpx.Client) -> None:
    assert http.get("/").text == "Ollama is running"
    assert http.head("/api/tags").status_code == 200
    missing = http.get("/api/nothing")
    assert (missing.status_code, missing.text) == (404, "404 page not found")
    wrong = http.get("/api/pull")
    assert (wrong.status_code, wrong.text) == (405, "405 method not allowed")
    assert wrong.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "error"),
    [
        ("POST", "/api/show", b"", 400, "missing request body"),
        ("POST", "/api/show", b"{}", 400, "model is required"),
        ("POST", "/api/pull", b'{"model": "a b"}', 400, "invalid model name"),
        ("POST", "/api/push", b"{}", 400, "model is required"),
        ("DELETE", "/api/delete", b'{"model": ""}', 400, "model is required"),
        ("DELETE", "/api/delete", b'{"model": "a b"}', 400, 'name "a b" is invalid'),
        ("DELETE", "/api/delete", b'{"model": "Ghost"}', 404, "model 'Ghost' not found"),
        ("POST", "/api/copy", b'{"source": "x", "destination": ""}', 400,
         'destination "" is invalid'),
        ("POST", "/api/generate", b'{"model": "ghost"}', 404, "model 'ghost' not found"),
    ],
)  # fmt: skip
def test_error_statuses_and_bodies(
    http: httpx.Client, method: str, path: str, body: bytes, status: int, error: str
) -> None:
    answer = http.request(method, path, content=body)
    assert answer.status_code == status
    assert answer.json() == {"error": error}


def test_copy_and_delete_answer_an_empty_200(http: httpx.Client) -> None:
    copied = http.post("/api/copy", json={"source": "llama3.2", "destination": "b"})
    assert (copied.status_code, copied.content) == (200, b"")
    deleted = http.request("DELETE", "/api/delete", json={"model": "b"})
    assert (deleted.status_code, deleted.content) == (200, b"")


def test_streams_are_chunked_ndjson_and_stream_false_answers_the_last_line(
    http: httpx.Client,
) -> None:
    with http.stream("POST", "/api/pull", json={"model": "qwen3:0.6b"}) as streamed:
        assert streamed.headers["transfer-encoding"] == "chunked"
        assert streamed.headers["content-type"] == "application/x-ndjson"
        lines = [json.loads(line) for line in streamed.iter_lines()]
    assert lines[0] == {"status": "pulling manifest"} and lines[-1] == {"status": "success"}
    once = http.post("/api/pull", json={"model": "nope", "stream": False})
    assert (once.status_code, once.json()) == (
        500,
        {"error": "pull model manifest: file does not exist"},
    )


def test_generate_loads_on_an_empty_prompt_and_times_a_real_one(
    ollama: FakeOllama, http: httpx.Client
) -> None:
    loaded = http.post("/api/generate", json={"model": "llama3.2"}).json()
    assert (loaded["done"], loaded["done_reason"]) == (True, "load")
    assert "eval_count" not in loaded
    timed = http.post("/api/generate", json={"model": "llama3.2", "prompt": "x", "stream": False})
    result = timed.json()
    assert result["response"] == "The sky is blue."
    assert result["load_duration"] == ollama.warm_load_ns  # loaded by the empty prompt
    assert result["total_duration"] == sum(
        result[k] for k in ("load_duration", "prompt_eval_duration", "eval_duration")
    )
    (running,) = http.get("/api/ps").json()["models"]
    assert running["name"] == "llama3.2:latest" and "expires_at" in running


def test_a_test_can_add_a_prefix_route(ollama: FakeOllama, http: httpx.Client) -> None:
    seen: list[str] = []

    def blob(exchange: Exchange) -> None:
        seen.append(exchange.path)
        exchange.send_empty(200)

    ollama.routes[("HEAD", "/api/blobs/")] = blob
    assert http.head("/api/blobs/sha256:abc").status_code == 200
    assert http.delete("/api/blobs/sha256:abc").status_code == 405
    assert seen == ["/api/blobs/sha256:abc"]
