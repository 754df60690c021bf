"""What rules may ask the registry about models, and what it answers.

A leaf module: the registry implements `ModelCatalog` and builds `ModelFacts`, the rules read
them, and neither side needs the other's modules.
"""

from modelfile_ls.static_types import NamedTuple, Protocol


class ModelFacts(NamedTuple):
    """What the registry knows about one model reference; empty fields mean "unknown"."""

    family: str = ""
    """The catalog's family (`Llama`, `Qwen`) or, for an installed model without a catalog
    entry, the architecture Ollama reports (`llama`, `qwen2`)."""
    context_length: int | None = None
    capabilities: frozenset[str] | None = None
    """None when the registry does not know them (an empty set is a known answer)."""
    template: str = ""
    """The model's own TEMPLATE, when it is installed (from `/api/show`)."""
    stop: tuple[str, ...] = ()
    """The stop sequences its params layer sets, when known."""


class ModelCatalog(Protocol):
    """What rules may ask the registry about models; None answers mean "unknown"."""

    def model_exists(self, name: str) -> bool | None:
        """Whether a model reference (`name[:tag]`) is known locally or in the library."""
        ...

    def model_facts(self, name: str) -> ModelFacts | None:
        """What is known about a model reference (`name[:tag]`); None when nothing is."""
        ...
