"""Where modelfile-ls keeps its files. Kept apart from the registry package so that finding
the registry costs no more than an environment lookup (it is on the `--check` start-up path)."""

from __future__ import annotations

import os

from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

REGISTRY_ENV_VAR = "MODELFILE_LS_REGISTRY"
APP_NAME = "modelfile-ls"
REGISTRY_FILE_NAME = "registry.sqlite3"


def default_registry_path() -> Path:
    """The registry file under the platform's user data directory."""
    # Lazy: `--check` resolves the registry only when one is configured, and platformdirs adds
    # 8% to its imports (bench/lazy_imports.py), pathlib as much again.
    from pathlib import Path

    # Lazy, as above.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / REGISTRY_FILE_NAME


def resolve_registry_path(path: str | os.PathLike[str] | None = None) -> Path:
    """An explicit path, else `$MODELFILE_LS_REGISTRY`, else the default location."""
    # Lazy: pathlib (with the urllib.parse it imports) is 8% of a `--check`, which reads only
    # REGISTRY_ENV_VAR here unless a registry is configured (bench/RESULTS.md).
    from pathlib import Path

    if path is not None and str(path) != "":
        return Path(path).expanduser()
    env = os.environ.get(REGISTRY_ENV_VAR, "")
    if env:
        return Path(env).expanduser()
    return default_registry_path()
