"""Models side by side: the facts, default parameters and metrics of two to four models, as
rows with one value per model, each row marked when the models differ.

`registry compare` prints it; the dashboard's comparison view asks the HTTP API for the same
records. A reference is written as after FROM (`qwen3:8b`); without a tag the tag `latest`
resolves to is compared, as `ollama run` would pull it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from modelfile_ls.modelname import split_tag
from modelfile_ls.registry.output import human_size
from modelfile_ls.registry.records import NO_LATEST, InstalledModel, Metric
from modelfile_ls.registry.sql import NotFoundError
from modelfile_ls.registry.store import Registry

MIN_MODELS = 2
MAX_MODELS = 4


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One compared fact: its label and one value per model ("" when unknown)."""

    field: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        """Whether the models do not all have the same value."""
        return len(set(self.values)) > 1

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {"field": self.field, "values": list(self.values), "differs": self.differs}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The compared models (as resolved `name:tag`) and the rows of facts."""

    models: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]

    def to_json(self) -> dict[str, Any]:
        """JSON object."""
        return {"models": list(self.models), "rows": [r.to_json() for r in self.rows]}


@dataclass(frozen=True, slots=True)
class _Side:
    label: str
    facts: dict[str, str]
    parameters: dict[str, str]
    metrics: dict[str, str]


def _metric_values(metrics: list[Metric]) -> dict[str, str]:
    """Per `metric on hardware`: the best speed (`*_per_second`), else the newest value."""
    values: dict[str, float] = {}
    for m in metrics:  # newest first
        key = f"{m.metric} on {m.hardware}"
        if key not in values or (m.metric.endswith("per_second") and m.value > values[key]):
            values[key] = m.value
    return {k: f"{v:g}" for k, v in sorted(values.items())}


def _side(registry: Registry, reference: str) -> _Side:
    base, tag = split_tag(reference)
    record = registry.model(base)
    name = record.name if record is not None else base
    if not tag and record is not None and record.latest and record.latest != NO_LATEST:
        tag = record.latest
    installs = [
        i
        for i in registry.installed_models()
        if i.model.lower() == name.lower() and i.tag.lower() == (tag or "latest").lower()
    ]
    if record is None and not installs:
        raise NotFoundError(f"no model {reference!r} in the registry (try `search`)")
    variant = record.variant(tag) if record is not None and tag else None
    install: InstalledModel | None = installs[0] if installs else None
    parameters_b = variant.parameters_b if variant is not None else None
    context = variant.context_length if variant is not None else None
    facts = {
        "family": record.family if record is not None else (install.family if install else ""),
        "parameters": f"{parameters_b:g}B" if parameters_b is not None else "",
        "size": human_size(install.size) if install is not None else "",
        "quantization": (variant.quantization if variant is not None else "")
        or (install.quantization_level if install is not None else ""),
        "context": str(context or (install.context_length if install else "") or ""),
        "capabilities": ", ".join(
            record.capabilities if record is not None else install.capabilities if install else ()
        ),
        "license": (variant.license if variant is not None and variant.license else "")
        or (record.license if record is not None else ""),
        "installed on": ", ".join(i.host for i in installs),
    }
    defaults = registry.default_parameters(name, tag or None) or []
    parameters: dict[str, str] = {}
    for d in defaults:
        key = f"PARAMETER {d.name}"
        parameters[key] = f"{parameters[key]} | {d.value}" if key in parameters else d.value
    metrics = [m for m in registry.metrics(name) if not tag or m.tag.lower() == tag.lower()]
    label = f"{name}:{tag}" if tag else name
    return _Side(label, facts, parameters, _metric_values(metrics))


def compare(registry: Registry, references: Sequence[str]) -> Comparison:
    """Two to four models side by side; raises NotFoundError for a model nobody knows."""
    if not MIN_MODELS <= len(references) <= MAX_MODELS:
        raise ValueError(
            f"compare takes {MIN_MODELS} to {MAX_MODELS} models, got {len(references)}"
        )
    sides = [_side(registry, r) for r in references]
    rows = [ComparisonRow(f, tuple(s.facts[f] for s in sides)) for f in sides[0].facts]
    for part in ("parameters", "metrics"):
        keys = sorted({k for s in sides for k in getattr(s, part)})
        rows += [ComparisonRow(k, tuple(getattr(s, part).get(k, "") for s in sides)) for k in keys]
    return Comparison(tuple(s.label for s in sides), tuple(rows))
