"""Registry stand-ins for rule tests: answers from a dict, "unknown" for everything else."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts


class FakeCatalog:
    """A `ModelCatalog` that knows exactly the models it is given (by `name` or `name:tag`)."""

    def __init__(self, models: dict[str, ModelFacts] | None = None) -> None:
        self.models = models or {}

    def model_exists(self, name: str) -> bool | None:
        """True for a known model, None (unknown) otherwise."""
        return True if self.model_facts(name) is not None else None

    def model_facts(self, name: str) -> ModelFacts | None:
        """The facts given for `name`, or for its name without the tag."""
        return self.models.get(name) or self.models.get(name.split(":")[0])
