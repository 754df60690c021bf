"""The local registry: a SQLite database of models, parameter facts and Modelfile elements.

`open_registry()` finds the file (`--registry`, `$MODELFILE_LS_REGISTRY`, or the user data
directory), creates and seeds it on first use without any network, and returns a `Registry`
whose queries serve the linter, completion, hover, the CLI and the HTTP API.
"""

from modelfile_ls.locations import default_registry_path as default_path
from modelfile_ls.locations import resolve_registry_path as resolve_path
from modelfile_ls.registry.db import RegistryBusy, RegistryError
from modelfile_ls.registry.hardware import hardware_id
from modelfile_ls.registry.records import (
    Count,
    DefaultParameter,
    Draft,
    ElementRecord,
    ImportResult,
    InstalledModel,
    Metric,
    ModelEntry,
    ModelMatch,
    ModelRecord,
    Page,
    SavedModelfile,
    SaveResult,
    Variant,
)
from modelfile_ls.registry.sql import NotFoundError
from modelfile_ls.registry.store import Registry, open_registry, reset_registry

__all__ = [
    "Count",
    "DefaultParameter",
    "Draft",
    "ElementRecord",
    "ImportResult",
    "InstalledModel",
    "Metric",
    "ModelEntry",
    "ModelMatch",
    "ModelRecord",
    "NotFoundError",
    "Page",
    "Registry",
    "RegistryBusy",
    "RegistryError",
    "SaveResult",
    "SavedModelfile",
    "Variant",
    "default_path",
    "hardware_id",
    "open_registry",
    "reset_registry",
    "resolve_path",
]
