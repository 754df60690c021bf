"""Fill the inventory from an Ollama host: `/api/tags` for the list, `/api/show` per model."""

from __future__ import annotations

from dataclasses import dataclass

from modelfile_ls.modelname import has_tag, split_tag
from modelfile_ls.ollama.client import LocalModel, OllamaClient, OllamaHTTPError
from modelfile_ls.registry.records import InstalledModel
from modelfile_ls.registry.store import Registry


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What a sync found; `skipped` names models that vanished between the two calls."""

    host: str
    models: tuple[InstalledModel, ...]
    skipped: tuple[str, ...]


def _split(name: str) -> tuple[str, str]:
    """`llama3.2:latest` -> (`llama3.2`, `latest`); Ollama always includes the tag."""
    return split_tag(name) if has_tag(name) else (name, "latest")


def _installed(host: str, local: LocalModel, client: OllamaClient) -> InstalledModel | None:
    try:
        shown = client.show(local.name)
    except OllamaHTTPError as exc:
        if exc.status == 404:
            return None
        raise
    base, tag = _split(local.name)
    details = shown.details
    return InstalledModel(
        host=host,
        name=local.name,
        model=base,
        tag=tag,
        digest=local.digest,
        size=local.size,
        modified_at=local.modified_at,
        format=details.format or local.details.format,
        family=details.family or local.details.family,
        parameter_size=details.parameter_size or local.details.parameter_size,
        quantization_level=details.quantization_level or local.details.quantization_level,
        context_length=details.context_length or local.details.context_length,
        capabilities=shown.capabilities or local.capabilities,
        parameters=shown.parameters,
        template=shown.template,
        system=shown.system,
    )


def sync(registry: Registry, client: OllamaClient) -> SyncResult:
    """Replace the registry's inventory for the client's host with what the host has now.

    All network calls happen before the single write transaction, so a failure midway
    (Ollama stopped, a timeout) leaves the previous inventory untouched.
    """
    host = client.base_url
    found: list[InstalledModel] = []
    skipped: list[str] = []
    for local in client.list_models():
        installed = _installed(host, local, client)
        if installed is None:
            skipped.append(local.name)
        else:
            found.append(installed)
    registry.replace_installed(host, found)
    return SyncResult(host, tuple(found), tuple(skipped))
