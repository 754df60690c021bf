"""`bench NAME`: time a short `/api/generate` and keep the speeds as performance metrics.

Ollama measures everything itself (nanosecond durations in the final object, shared spec
ollama-api.md §3.13), so nothing here is timed with a local clock: generation tokens/s is
`eval_count / eval_duration`, prompt tokens/s `prompt_eval_count / prompt_eval_duration`,
and the load time Ollama's `load_duration` (large on a cold start, small when the model was
already loaded). The registry records them under the host's hardware: this machine's
`hardware_id()` for a loopback host (hover looks its speeds up under the same name), else
the host's name, since a remote server's hardware cannot be seen from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from modelfile_ls.modelname import parse_model_name
from modelfile_ls.ollama.client import OllamaError, OllamaHTTPError
from modelfile_ls.ollama.events import Cancel, Done, Event, Progress
from modelfile_ls.ollama.hosts import Hosts
from modelfile_ls.ollama.responses import GenerateResult
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.hardware import hardware_id
from modelfile_ls.registry.metrics import TOKENS_PER_SECOND
from modelfile_ls.registry.records import Metric, ModelEntry
from modelfile_ls.registry.store import open_registry

DEFAULT_PROMPT = "Explain in three sentences why the sky is blue."
BENCH_OPTIONS: dict[str, object] = {"num_predict": 128, "temperature": 0, "seed": 42}
"""A bounded, repeatable run: the same tokens every time, at most 128 of them."""
PROMPT_TOKENS_PER_SECOND = "prompt_tokens_per_second"
LOAD_SECONDS = "load_seconds"
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def host_hardware(base_url: str) -> str:
    """The hardware name metrics from this host are recorded under."""
    host = urlsplit(base_url).hostname or ""
    return hardware_id() if host in _LOOPBACK else f"ollama host {host}"


def _split(model: str) -> tuple[str, str]:
    """`llama3.2` -> (`llama3.2`, `latest`); the registry keeps the tag apart."""
    short = parse_model_name(model).short
    base, _, tag = short.rpartition(":")
    return (base, tag) if base else (short, "latest")


def _measurements(result: GenerateResult) -> dict[str, float]:
    values = {
        TOKENS_PER_SECOND: result.tokens_per_second,
        PROMPT_TOKENS_PER_SECOND: result.prompt_tokens_per_second,
        LOAD_SECONDS: result.load_seconds,
    }
    return {name: round(value, 3) for name, value in values.items() if value is not None}


def _store(
    registry_path: Path,
    model: str,
    family: str,
    hardware: str,
    version: str,
    values: dict[str, float],
) -> None:
    name, tag = _split(model)
    with open_registry(registry_path) as registry:
        if registry.model_id(name) is None:
            # A local model the catalog does not know (e.g. one made with `create`): add it
            # with what Ollama says, so its speeds have somewhere to live.
            registry.import_entries([ModelEntry(name=name, display_name=name, family=family)])
        for metric, value in values.items():
            registry.add_metric(Metric(name, tag, hardware, metric, value, ollama_version=version))


def _summary(model: str, values: dict[str, float]) -> str:
    parts = [f"{model}:"]
    if TOKENS_PER_SECOND in values:
        parts.append(f"{values[TOKENS_PER_SECOND]:.1f} tokens/s,")
    if PROMPT_TOKENS_PER_SECOND in values:
        parts.append(f"prompt {values[PROMPT_TOKENS_PER_SECOND]:.1f} tokens/s,")
    parts.append(f"load {values.get(LOAD_SECONDS, 0.0):.2f} s")
    return " ".join(parts)


def bench(
    hosts: Hosts,
    model: str,
    registry_path: Path | None,
    cancelled: Cancel,
    *,
    prompt: str = DEFAULT_PROMPT,
) -> Iterator[Event]:
    """Time one generation on the first healthy host and store its speeds (when a registry
    is given) under the host's hardware; Done carries the figures."""
    client, notices = hosts.for_read()
    yield from notices
    version = client.version()
    try:
        family = client.show(model).details.family
    except OllamaHTTPError as exc:
        if exc.status == 404:
            exc.hint = f"pull it first: `modelfile-ls pull {model}`"
        raise
    yield Progress(f"generating with {model}")
    result = client.generate(model, prompt, options=BENCH_OPTIONS, cancelled=cancelled)
    values = _measurements(result)
    hardware = host_hardware(client.base_url)
    stored = registry_path is not None
    if registry_path is not None:
        try:
            _store(registry_path, model, family, hardware, version, values)
        except RegistryError as exc:
            raise OllamaError(f"measured {model}, but storing the figures failed: {exc}") from exc
    where = f"stored for {hardware}" if stored else "not stored (no registry)"
    data: dict[str, object] = {
        "model": model,
        "host": client.base_url,
        "hardware": hardware,
        "ollama_version": version,
        "eval_count": result.eval_count,
        "prompt_eval_count": result.prompt_eval_count,
        "stored": stored,
        **values,
    }
    yield Done(f"{_summary(model, values)}; {where}", data)
