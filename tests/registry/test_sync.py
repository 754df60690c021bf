"""`sync` against the fake Ollama on loopback: the inventory mirrors the host."""

from __future__ import annotations

import pytest

from modelfile_ls.ollama.client import OllamaClient, OllamaError
from modelfile_ls.registry import Registry
from modelfile_ls.registry.sync import sync
from tests.fake_ollama import FakeModel, FakeOllama


def _models() -> list[FakeModel]:
    return [
        FakeModel(
            "llama3.2",
            parameters=[("stop", "<|start_header_id|>"), ("stop", "<|eot_id|>")],
            capabilities=["completion", "tools"],
        ),
        FakeModel(
            "someone/coder:v1",
            family="qwen2",
            parameter_size="7.6B",
            quantization_level="Q8_0",
            system="You write code.",
            template="{{ .System }} {{ .Prompt }}",
            modified_at="2026-10-01T00:00:00Z",
            size=8_100_000_000,
        ),
    ]


def test_sync_records_tags_and_show_details(registry: Registry) -> None:
    with FakeOllama(_models()) as ollama, OllamaClient(ollama.url) as client:
        result = sync(registry, client)
        shows = [body for method, path, body in ollama.requests if path == "/api/show"]
    assert result.host == ollama.url
    assert [m.name for m in result.models] == ["llama3.2:latest", "someone/coder:v1"]
    assert len(shows) == 2
    installed = {m.name: m for m in registry.installed_models()}
    coder = installed["someone/coder:v1"]
    assert (coder.model, coder.tag, coder.family, coder.parameter_size) == (
        "someone/coder",
        "v1",
        "qwen2",
        "7.6B",
    )
    assert (coder.system, coder.template, coder.size) == (
        "You write code.",
        "{{ .System }} {{ .Prompt }}",
        8_100_000_000,
    )
    llama = installed["llama3.2:latest"]
    assert llama.capabilities == ("completion", "tools")
    assert llama.digest == FakeModel("llama3.2").digest
    assert registry.model_exists("someone/coder:v1") is True
    defaults = registry.default_parameters("llama3.2")
    assert defaults is not None
    assert [d.value for d in defaults] == ["<|start_header_id|>", "<|eot_id|>"]


def test_sync_replaces_the_hosts_inventory_only(registry: Registry) -> None:
    # All three servers run at once so that their ports (the host keys) differ.
    with (
        FakeOllama([FakeModel("qwen3:8b")]) as other,
        FakeOllama(_models()) as ollama,
        FakeOllama([]) as empty,
    ):
        with OllamaClient(other.url) as client:
            sync(registry, client)
        with OllamaClient(ollama.url) as client:
            sync(registry, client)
            ollama.remove("someone/coder:v1")
            sync(registry, client)
        with OllamaClient(empty.url) as client:
            sync(registry, client)
    assert [m.name for m in registry.installed_models(ollama.url)] == ["llama3.2:latest"]
    assert [m.name for m in registry.installed_models(other.url)] == ["qwen3:8b"]
    assert {m.host for m in registry.installed_models()} == {ollama.url, other.url}


def test_a_model_deleted_midway_is_skipped(registry: Registry) -> None:
    models = _models()
    models[1].hidden_from_show = True
    with FakeOllama(models) as ollama, OllamaClient(ollama.url) as client:
        result = sync(registry, client)
    assert result.skipped == ("someone/coder:v1",)
    assert [m.name for m in registry.installed_models()] == ["llama3.2:latest"]


def test_a_failure_leaves_the_previous_inventory(registry: Registry) -> None:
    with FakeOllama(_models()) as ollama, OllamaClient(ollama.url) as client:
        sync(registry, client)
        ollama.failures["/api/show"] = (500, {"error": "boom"})
        with pytest.raises(OllamaError, match="boom"):
            sync(registry, client)
    assert len(registry.installed_models()) == 2
