"""What the registry knows about a model a FROM line names, gathered for hover, lenses, hints.

Every query is by exact name or indexed prefix; nothing here touches the network. Without a
registry the answer is simply "unknown", never "missing".
"""

from __future__ import annotations

from dataclasses import dataclass

from modelfile_ls.modelname import ModelName
from modelfile_ls.registry import Metric, ModelRecord, Registry, Variant, hardware_id

_HUGGING_FACE_HOSTS = frozenset({"hf.co", "huggingface.co"})
_LIBRARY_HOST = "registry.ollama.ai"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Registry facts about one model reference (`llama3.2:3b`)."""

    name: ModelName
    record: ModelRecord | None
    variant: Variant | None
    installed: bool | None
    """True/False from the last inventory sync; None when no inventory was ever synced."""
    installed_tags: tuple[str, ...]
    context_length: int | None
    metrics: tuple[Metric, ...]
    best_here: Metric | None = None
    """The fastest recorded generation on this machine (`registry.hardware_id()`): of the tag
    FROM names, else of any tag."""


def base_name(name: ModelName) -> str:
    """The registry name without tag: `llama3.2`, `user/model`, `hf.co/org/repo`."""
    return name.short.rsplit(":", 1)[0]


def model_info(registry: Registry, name: ModelName) -> ModelInfo:
    """Look a model reference up: its record, the variant of its tag, whether it is installed."""
    base = base_name(name)
    full = name.short.lower()
    record = registry.model(base)
    variant = record.variant(name.tag) if record is not None else None
    # One indexed query lists the model's tags with their installed flags.
    tags = registry.models_by_prefix(f"{base}:", limit=500)
    installed_tags = tuple(m.name.rpartition(":")[2] for m in tags if m.installed)
    exact = next((m for m in tags if m.name.lower() == full), None)
    installed: bool | None = exact is not None and exact.installed
    if not installed and not installed_tags and not registry.has_inventory():
        installed = None
    context = variant.context_length if variant is not None else None
    if context is None and exact is not None:
        context = exact.context_length
    metrics = tuple(registry.metrics(base)) if record is not None else ()
    best_here = None
    if metrics:
        here = hardware_id()
        best_here = registry.best_tokens_per_second(
            base, here, name.tag
        ) or registry.best_tokens_per_second(base, here)
    return ModelInfo(name, record, variant, installed, installed_tags, context, metrics, best_here)


def library_url(name: ModelName) -> str | None:
    """The model's web page: ollama.com for Ollama's registry, Hugging Face for `hf.co/...`."""
    if not name.is_valid:
        return None
    if name.host == _LIBRARY_HOST:
        if name.namespace == "library":
            return f"https://ollama.com/library/{name.model}"
        return f"https://ollama.com/{name.namespace}/{name.model}"
    if name.host.lower() in _HUGGING_FACE_HOSTS:
        return f"https://huggingface.co/{name.namespace}/{name.model}"
    return None


def size_text(parameters_b: float | None) -> str:
    """`3.2B`, `360M`: a parameter count in billions, as model pages write it."""
    if parameters_b is None:
        return ""
    if parameters_b < 1:
        return f"{parameters_b * 1000:.0f}M"
    return f"{parameters_b:.3g}B"


def context_text(tokens: int | None) -> str:
    """`128K`, `8K`, `4096`: a context length as model pages write it."""
    if tokens is None:
        return ""
    if tokens >= 1024 and tokens % 1024 == 0:
        return f"{tokens // 1024}K"
    return str(tokens)
