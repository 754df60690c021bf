"""Table columns and row shapes that more than one verb prints."""

from __future__ import annotations

from typing import Any

from modelfile_ls.registry.output import Column, human_size
from modelfile_ls.registry.records import ElementRecord, InstalledModel, Metric

INSTALLED_COLUMNS = [
    Column("host", "HOST"),
    Column("name", "NAME"),
    Column("size", "SIZE"),
    Column("parameters", "PARAMS"),
    Column("quantization", "QUANT"),
    Column("digest", "DIGEST"),
    Column("modified", "MODIFIED", flex=True),
]

METRIC_COLUMNS = [
    Column("tag", "TAG"),
    Column("hardware", "HARDWARE", flex=True),
    Column("metric", "METRIC"),
    Column("value", "VALUE"),
    Column("context_size", "CONTEXT"),
    Column("ollama_version", "OLLAMA"),
    Column("measured_at", "MEASURED"),
]

ELEMENT_COLUMNS = [
    Column("id", "ID"),
    Column("kind", "KIND"),
    Column("name", "NAME"),
    Column("uses", "USES"),
    Column("hash", "HASH"),
    Column("preview", "CONTENT", flex=True),
]


def installed_row(m: InstalledModel) -> dict[str, Any]:
    """An installed model as an INSTALLED_COLUMNS row."""
    return {
        "host": m.host,
        "name": m.name,
        "size": human_size(m.size),
        "parameters": m.parameter_size,
        "quantization": m.quantization_level,
        "digest": m.digest[:12],
        "modified": m.modified_at,
    }


def metric_row(m: Metric) -> dict[str, Any]:
    """A measurement as a METRIC_COLUMNS row."""
    return m.to_json()


def element_row(e: ElementRecord) -> dict[str, Any]:
    """A stored element as an ELEMENT_COLUMNS row."""
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "uses": e.uses,
        "hash": e.hash[:12],
        "preview": e.preview,
    }
