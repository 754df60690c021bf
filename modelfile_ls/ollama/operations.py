"""Every Ollama verb as one plain function (quick verbs) or a generator of events (long verbs),
rendered by the CLI as lines or bars and by the language server as `$/progress`.

Reads and pulls go to the first configured host that answers (a Notice says when one was
skipped); writes (push, copy, delete) and the quick reads that describe one server (`ps`,
`show`, `version`, `extract`) go to the first host. Errors are OllamaErrors with a hint saying
what to do. `show` and `show_modelfile` live in their own module and are re-exported here;
`hosts` is `check_hosts`. `bench` and `extract` are imported from their own modules: they load
the registry and the analysis, which the quick verbs that import this module never need.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from modelfile_ls.ollama.client import OllamaHTTPError, OllamaStreamError
from modelfile_ls.ollama.events import Cancel, Done, Event, Notice
from modelfile_ls.ollama.hosts import Hosts, HostStatus, check_hosts
from modelfile_ls.ollama.modelfile_text import (
    LIST_HINT,
    add_hint,
    not_found_hint,
    show,
    show_modelfile,
)
from modelfile_ls.ollama.responses import LocalModel, RunningModel

__all__ = [
    "PUSH_DENIED",
    "HostStatus",
    "check_hosts",
    "copy",
    "delete",
    "list_models",
    "pull",
    "push",
    "running",
    "show",
    "show_modelfile",
    "version",
]

PUSH_DENIED = (
    "you are not authorized to push to this namespace, create the model under a namespace you own"
)
"""What Ollama's CLI says instead of a registry's `unauthorized`/`access denied` (cmd.go)."""


def _pull_hint(text: str, model: str) -> str:
    if "file does not exist" in text:
        return f"check the name and tag of {model} on https://ollama.com/library"
    if "insecure protocol" in text:
        return "pass --insecure to pull from a plain-http registry"
    return ""


def pull(hosts: Hosts, model: str, cancelled: Cancel, *, insecure: bool = False) -> Iterator[Event]:
    """Download a model on the first healthy host: a Notice per host skipped, Ollama's
    progress per layer, then Done. A pull after a cut or a cancel continues from what Ollama
    already has."""
    client, notices = hosts.for_read()
    yield from notices
    try:
        yield from client.pull(model, cancelled, insecure=insecure)
    except OllamaStreamError as exc:
        add_hint(exc, _pull_hint(str(exc), model))
        raise
    yield Done(f"pulled {model}", {"model": model, "host": client.base_url})


def push(hosts: Hosts, model: str, cancelled: Cancel, *, insecure: bool = False) -> Iterator[Event]:
    """Upload a model from the first host to its registry, with Ollama's progress."""
    client = hosts.primary()
    try:
        yield from client.push(model, cancelled, insecure=insecure)
    except OllamaStreamError as exc:
        text = str(exc).lower()
        if "access denied" in text or "unauthorized" in text:
            # Ollama's CLI replaces the registry's wording by the same sentence.
            raise OllamaStreamError(
                PUSH_DENIED,
                f"copy it under your namespace (`modelfile-ls copy {model} <you>/{model}`) and"
                " push that",
            ) from exc
        if "no such file" in text:
            add_hint(exc, f"{model} is not installed on {client.base_url}; {LIST_HINT}")
        elif "insecure protocol" in text:
            add_hint(exc, "pass --insecure to push to a plain-http registry")
        raise
    yield Done(f"pushed {model}", {"model": model, "host": client.base_url})


def copy(hosts: Hosts, source: str, destination: str) -> None:
    """Copy a model under a new name on the first host (`ollama cp`)."""
    try:
        hosts.primary().copy(source, destination)
    except OllamaHTTPError as exc:
        not_found_hint(exc)
        raise


def delete(hosts: Hosts, models: Sequence[str]) -> list[str]:
    """Delete models from the first host in order, stopping at the first failure as `ollama
    rm` does; the names deleted."""
    client = hosts.primary()
    deleted: list[str] = []
    for model in models:
        try:
            client.delete(model)
        except OllamaHTTPError as exc:
            not_found_hint(exc)
            raise
        deleted.append(model)
    return deleted


def list_models(hosts: Hosts) -> tuple[list[LocalModel], list[Notice]]:
    """The installed models of the first healthy host, and a Notice per host skipped."""
    client, notices = hosts.for_read()
    return client.list_models(), notices


def running(hosts: Hosts) -> list[RunningModel]:
    """The models the first host has loaded (`ollama ps`)."""
    return hosts.primary().running()


def version(hosts: Hosts) -> str:
    """The first host's Ollama version."""
    return hosts.primary().version()
