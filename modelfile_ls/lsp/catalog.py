"""The server's registry connection: opened once, reopened only when the configured path
changes, used only on the event-loop thread (the background refresh opens its own)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modelfile_ls.registry import Registry


class Catalog:
    """The open registry, or None with the reason it could not be opened."""

    def __init__(self) -> None:
        self.registry: Registry | None = None
        self.path: Path | None = None
        self.error: str | None = None
        self._requested: str | None = None
        self._opened = False

    def open(self, requested: str | None) -> bool:
        """Open the registry at a configured path (None: default); True when that changed
        what is open. A registry that cannot be opened leaves `error` set and `registry`
        None: the server runs on without registry data."""
        if self._opened and requested == self._requested:
            return False
        # sqlite3 and the registry load after the `initialize` result (bench/lazy_imports.py).
        from modelfile_ls.registry import RegistryError, open_registry, resolve_path

        self.close()
        self._opened, self._requested = True, requested
        self.path = resolve_path(requested)
        try:
            self.registry = open_registry(self.path)
        except (RegistryError, OSError) as exc:
            self.error = str(exc)
        return True

    def close(self) -> None:
        """Close the connection, if any."""
        if self.registry is not None:
            self.registry.close()
        self.registry, self.error = None, None
