"""The fake's blobs and create answer as Ollama's server does (shared spec ollama-api.md
§3.5-3.7): the checks a Modelfile that passed `--check` never reaches, sent as raw requests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import httpx
import pytest

from tests.analysis.gguf_files import EMPTY_GGUF
from tests.fake_ollama import FakeModel, FakeOllama


def digest(data: bytes) -> str:
    return f"sha256:{hashlib.sha256(data).hexdigest()}"


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2")]) as fake:
        yield fake


@pytest.fixture
def http(ollama: FakeOllama) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama.url, timeout=10.0) as client:
        yield client


def lines(response: httpx.Response) -> list[dict[str, object]]:
    return [json.loads(line) for line in response.text.splitlines()]


def test_head_answers_by_presence(ollama: FakeOllama, http: httpx.Client) -> None:
    name = digest(EMPTY_GGUF)
    assert http.head(f"/api/blobs/{name}").status_code == 404
    assert http.post(f"/api/blobs/{name}", content=EMPTY_GGUF).status_code == 201
    assert http.head(f"/api/blobs/{name}").status_code == 200
    # `sha256-<hex>` names the same file; upper-case hex is never found.
    assert http.head(f"/api/blobs/{name.replace(':', '-')}").status_code == 200
    assert http.head(f"/api/blobs/{name.upper().replace('SHA256', 'sha256')}").status_code == 404
    assert http.head("/api/blobs/sha256:abc").status_code == 400
    weights = FakeModel("llama3.2").layers()[0][0]
    assert http.head(f"/api/blobs/{weights}").status_code == 200


def test_a_blob_already_present_is_200(http: httpx.Client) -> None:
    name = digest(EMPTY_GGUF)
    http.post(f"/api/blobs/{name}", content=EMPTY_GGUF)
    assert http.post(f"/api/blobs/{name}", content=EMPTY_GGUF).status_code == 200


def test_a_digest_mismatch_is_ollamas_error_and_keeps_the_real_digest(
    ollama: FakeOllama, http: httpx.Client
) -> None:
    claimed = "sha256:" + "0" * 64
    answer = http.post(f"/api/blobs/{claimed}", content=EMPTY_GGUF)
    assert answer.status_code == 400
    assert answer.json() == {
        "error": f'digest mismatch, expected "{claimed}", got "{digest(EMPTY_GGUF)}"'
    }
    assert ollama.blobs.has(digest(EMPTY_GGUF))
    assert http.post("/api/blobs/sha256:xyz", content=b"x").json() == {
        "error": "invalid digest format"
    }


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"model": "bad name", "from": "llama3.2"}, "invalid model name"),
        ({"model": "x", "files": {"/abs.gguf": "sha256:1"}}, "file path must be relative"),
        ({"model": "x", "files": {"a/../b.gguf": "sha256:1"}}, "file path must be relative"),
        ({"model": "x", "files": {"m.gguf": ""}}, "invalid digest format"),
        ({"model": "x", "adapters": {"a.gguf": ""}}, "invalid digest format"),
        (
            {"model": "x", "from": "m", "draft_quantize": "q8_0"},
            "--draft-quantize requires a DRAFT model",
        ),
        ({"model": "x"}, "neither 'from' or 'files' was specified"),
        ({"model": "x", "from": "bad name"}, "invalid model name"),
        (
            {"model": "x", "from": "llama3.2", "template": "{{ if .System }}"},
            "template error: template: :1: unexpected EOF",
        ),
    ],
)
def test_refusals_before_anything_streams_are_http_400(
    http: httpx.Client, body: dict[str, object], error: str
) -> None:
    answer = http.post("/api/create", json=body)
    assert (answer.status_code, answer.json()) == (400, {"error": error})


def test_an_unknown_digest_fails_after_parsing_gguf(http: httpx.Client) -> None:
    missing = "sha256:" + "1" * 64
    answer = http.post("/api/create", json={"model": "x", "files": {"m.gguf": missing}})
    assert answer.status_code == 200
    assert lines(answer) == [
        {"status": "parsing GGUF"},
        {"error": f"open /root/.ollama/models/blobs/sha256-{'1' * 64}: no such file or directory"},
    ]


def test_a_gguf_name_on_other_bytes_is_refused(http: httpx.Client) -> None:
    text = b"version https://git-lfs.github.com/spec/v1\n"
    http.post(f"/api/blobs/{digest(text)}", content=text)
    answer = http.post("/api/create", json={"model": "x", "files": {"m.gguf": digest(text)}})
    assert lines(answer)[-1] == {"error": "supplied file was not in GGUF format"}
    other = http.post("/api/create", json={"model": "x", "files": {"m.bin": digest(text)}})
    assert other.json() == {"error": "unknown type"}


def test_only_one_gguf_adapter(http: httpx.Client) -> None:
    for data in (EMPTY_GGUF, EMPTY_GGUF + b"2"):
        http.post(f"/api/blobs/{digest(data)}", content=data)
    adapters = {"a.gguf": digest(EMPTY_GGUF), "b.gguf": digest(EMPTY_GGUF + b"2")}
    answer = http.post("/api/create", json={"model": "x", "from": "llama3.2", "adapters": adapters})
    assert answer.json() == {"error": "only one adapter is currently supported"}


def test_a_second_create_reuses_every_layer(ollama: FakeOllama, http: httpx.Client) -> None:
    body = {"model": "x", "from": "llama3.2", "system": "terse", "stream": False}
    assert http.post("/api/create", json=body).json() == {"status": "success"}
    first = [
        line["status"]
        for line in lines(http.post("/api/create", json={**body, "model": "y", "stream": True}))
    ]
    assert all(str(status).startswith("using existing layer") for status in first[:-2])
    assert first[-2:] == ["writing manifest", "success"]
    installed = ollama.installed("y")
    assert installed is not None and installed.system == "terse"


def test_parameters_merge_over_the_base_and_messages_replace(
    ollama: FakeOllama, http: httpx.Client
) -> None:
    ollama.add(FakeModel("base", parameters=[("stop", "a"), ("stop", "b"), ("top_k", 5)]))
    body = {
        "model": "x",
        "from": "base",
        "parameters": {"stop": ["c"], "num_ctx": 2048},
        "messages": [{"role": "user", "content": "hi"}],
        "license": ["MIT"],
    }
    http.post("/api/create", json=body)
    created = ollama.installed("x")
    assert created is not None
    assert created.parameters == [("num_ctx", 2048), ("stop", "c"), ("top_k", 5)]
    assert created.messages == [{"role": "user", "content": "hi"}]
    assert created.license == "MIT"
