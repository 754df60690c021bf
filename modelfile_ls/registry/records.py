"""The registry's records: plain frozen dataclasses, with the JSON shape the CLI and API share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from modelfile_ls.facts import ParameterFact

NO_LATEST = "(none)"
"""`latest` value meaning "this model has no latest tag" (NULL/empty means unknown)."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One tag of a model (`llama3.2:3b`) and what is known about it."""

    tag: str
    parameters_b: float | None = None
    context_length: int | None = None
    quantization: str = ""
    file_format: str = ""
    license: str = ""

    def to_json(self, latest: str | None = None) -> dict[str, Any]:
        """JSON object; `latest` marks the variant `model:latest` resolves to."""
        return {
            "tag": self.tag,
            "parameters_b": self.parameters_b,
            "context_length": self.context_length,
            "quantization": self.quantization,
            "file_format": self.file_format,
            "license": self.license,
            "latest": latest is not None and latest.lower() == self.tag.lower(),
        }


@dataclass(frozen=True, slots=True)
class ModelEntry:
    """A model as the CSV describes it: model-level facts plus its variants."""

    name: str
    display_name: str
    family: str = ""
    publisher: str = ""
    description: str = ""
    license: str = ""
    source: str = ""
    latest: str | None = None
    capabilities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()

    @property
    def has_latest(self) -> bool | None:
        """Whether `name:latest` exists: None when the data does not say."""
        if self.latest is None:
            return None
        return self.latest != NO_LATEST

    def variant(self, tag: str) -> Variant | None:
        """The variant with this tag (case-insensitive); `latest` follows the alias."""
        wanted = tag.lower()
        if wanted == "latest" and self.latest and self.latest != NO_LATEST:
            wanted = self.latest.lower()
        return next((v for v in self.variants if v.tag.lower() == wanted), None)


@dataclass(frozen=True, slots=True)
class ModelRecord(ModelEntry):
    """A stored model with its stable numeric id."""

    id: int = 0
    origin: str = "import"
    updated_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """The API/CLI JSON object for a model."""
        return {
            "id": self.id,
            "name": self.name,
            "display_name": self.display_name,
            "family": self.family or None,
            "publisher": self.publisher,
            "description": self.description,
            "license": self.license,
            "source": self.source,
            "latest": None if self.latest in (None, NO_LATEST) else self.latest,
            "has_latest": self.has_latest,
            "capabilities": list(self.capabilities),
            "tags": list(self.tags),
            "metadata": dict(self.metadata),
            "variants": [v.to_json(self.latest) for v in self.variants],
            "origin": self.origin,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True, slots=True)
class ModelMatch:
    """A completion candidate for text after FROM."""

    name: str
    kind: Literal["model", "tag", "installed"]
    display_name: str = ""
    family: str = ""
    description: str = ""
    capabilities: tuple[str, ...] = ()
    parameters_b: float | None = None
    context_length: int | None = None
    installed: bool = False


@dataclass(frozen=True, slots=True)
class DefaultParameter:
    """A PARAMETER a model's params layer sets by default (e.g. its stop tokens)."""

    name: str
    value: str
    confidence: str
    source: str

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {
            "name": self.name,
            "value": self.value,
            "confidence": self.confidence,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """A model installed on an Ollama host, as the last `sync` saw it."""

    host: str
    name: str
    model: str
    tag: str
    digest: str
    size: int
    modified_at: str
    format: str = ""
    family: str = ""
    parameter_size: str = ""
    quantization_level: str = ""
    context_length: int | None = None
    capabilities: tuple[str, ...] = ()
    parameters: str = ""
    template: str = ""
    system: str = ""
    synced_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON object (template and system are included verbatim)."""
        return {
            "host": self.host,
            "name": self.name,
            "model": self.model,
            "tag": self.tag,
            "digest": self.digest,
            "size": self.size,
            "modified_at": self.modified_at,
            "format": self.format,
            "family": self.family,
            "parameter_size": self.parameter_size,
            "quantization_level": self.quantization_level,
            "context_length": self.context_length,
            "capabilities": list(self.capabilities),
            "parameters": self.parameters,
            "template": self.template,
            "system": self.system,
            "synced_at": self.synced_at,
        }


@dataclass(frozen=True, slots=True)
class Metric:
    """One performance measurement of a model on some hardware."""

    model: str
    tag: str
    hardware: str
    metric: str
    value: float
    context_size: int | None = None
    ollama_version: str = ""
    measured_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {
            "model": self.model,
            "tag": self.tag,
            "hardware": self.hardware,
            "metric": self.metric,
            "value": self.value,
            "context_size": self.context_size,
            "ollama_version": self.ollama_version,
            "measured_at": self.measured_at,
        }


def parameter_json(fact: ParameterFact) -> dict[str, Any]:
    """A parameter fact as the registry's JSON object (API and `registry params`)."""
    return {
        "name": fact.name,
        "type": fact.type,
        "default": fact.default,
        "default_text": fact.default_text,
        "minimum": fact.minimum,
        "maximum": fact.maximum,
        "choices": list(fact.choices),
        "description": fact.description,
        "added": fact.added,
        "deprecated": fact.deprecated,
        "removed": fact.removed,
        "aliases": list(fact.aliases),
        "status": fact.status,
    }


@dataclass(frozen=True, slots=True)
class Count:
    """A name and how many models carry it (families, tags, capabilities)."""

    name: str
    models: int
    description: str = ""
    ollama: bool | None = None
    """For capabilities: whether Ollama itself reports it (None for families and tags)."""

    def to_json(self) -> dict[str, Any]:
        """JSON object; `description` where there is one (always, for capabilities)."""
        data: dict[str, Any] = {"name": self.name, "models": self.models}
        if self.description or self.ollama is not None:
            data["description"] = self.description
        if self.ollama is not None:
            data["ollama"] = self.ollama
        return data


@dataclass(frozen=True, slots=True)
class ElementRecord:
    """A stored Modelfile element: one instruction's content, or a set of PARAMETERs/MESSAGEs."""

    id: int
    hash: str
    kind: str
    name: str
    content: str
    created_at: str
    uses: int = 0
    source: str = ""
    """Where the element was first saved from: a file path or an editor URI ("" unknown)."""
    tags: tuple[str, ...] = ()

    @property
    def preview(self) -> str:
        """The first line of the content and how many more lines follow."""
        lines = self.content.split("\n")
        more = f" (+{len(lines) - 1} lines)" if len(lines) > 1 else ""
        return lines[0] + more

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {
            "id": self.id,
            "hash": self.hash,
            "kind": self.kind,
            "name": self.name,
            "content": self.content,
            "uses": self.uses,
            "created_at": self.created_at,
            "source": self.source,
            "tags": list(self.tags),
        }


@dataclass(frozen=True, slots=True)
class SavedModelfile:
    """A Modelfile stored by `save`, as the ordered list of its elements."""

    id: int
    name: str
    path: str
    sha256: str
    saved_at: str
    elements: tuple[ElementRecord, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """JSON object with the element ids, kinds and names."""
        return {
            "id": self.id,
            "name": self.name,
            "path": self.path,
            "sha256": self.sha256,
            "saved_at": self.saved_at,
            "elements": [{"id": e.id, "kind": e.kind, "name": e.name} for e in self.elements],
        }


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing and the total number of matches."""

    items: tuple[ModelRecord, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed."""

    created: int
    updated: int

    @property
    def models(self) -> int:
        """Models written."""
        return self.created + self.updated


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What `save` stored."""

    modelfile: SavedModelfile
    new_elements: int


@dataclass(frozen=True, slots=True)
class Draft:
    """An unsaved or untitled Modelfile kept in the registry to be reopened later."""

    id: int
    name: str
    text: str
    source_uri: str
    created_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        """JSON object, text included."""
        return {
            "id": self.id,
            "name": self.name,
            "text": self.text,
            "source_uri": self.source_uri,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True, slots=True)
class ElementPreview:
    """An element a save would store, and the stored element of identical content, if any."""

    kind: str
    content: str
    hash: str
    existing: ElementRecord | None

    def to_json(self) -> dict[str, Any]:
        """JSON object; `existing` names the identical stored element (null when new)."""
        existing = self.existing
        return {
            "kind": self.kind,
            "content": self.content,
            "hash": self.hash,
            "exists": existing is not None,
            "existing": None if existing is None else {"id": existing.id, "name": existing.name},
        }


@dataclass(frozen=True, slots=True)
class SavedElement:
    """What `save_element` stored: the element, and whether it was new content."""

    element: ElementRecord
    created: bool
