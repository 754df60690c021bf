"""Background refresh of the registry from Ollama (`/api/tags`, then `/api/show` per model).

The network calls and the write run on a daemon thread with their own registry connection
(SQLite connections belong to one thread, and a stalled Ollama must never hold up the event
loop or the process exit). Only the result comes back to the loop, which then re-publishes
diagnostics and the connection state (`status.py`). Progress is shown with `$/progress` when
the client supports it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lsprotocol import types

from modelfile_ls.lsp.catalog import Catalog
from modelfile_ls.lsp.progress import ProgressTracker
from modelfile_ls.lsp.status import ConnectionStatus, OllamaStatus
from modelfile_ls.lsp.threads import in_thread

if TYPE_CHECKING:
    from modelfile_ls.settings import Settings

TITLE = "Refreshing Ollama models"


class RefreshHost(Protocol):
    """What a refresh needs from the server."""

    catalog: Catalog
    progress_tracker: ProgressTracker
    ollama_status: ConnectionStatus
    stopping: bool

    @property
    def settings(self) -> Settings:
        """The settings in force (registry path, Ollama host)."""

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""

    def registry_changed(self) -> None:
        """Registry data changed: re-publish what depends on it."""


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What a refresh did: how many models the host has, or why it failed."""

    host: str
    models: int = 0
    error: str | None = None
    version: str | None = None
    reached: bool | None = None
    """Whether Ollama answered at all; None when the refresh never asked it (no registry)."""
    notices: tuple[str, ...] = ()
    """The configured hosts skipped because they did not answer (failover)."""

    def summary(self) -> str:
        """One line for the log and the progress end."""
        if self.error:
            return f"registry not refreshed: {self.error}"
        return f"registry refreshed: {self.models} models installed on {self.host}"

    def as_json(self) -> dict[str, object]:
        """The result of the `modelfile-ls.refreshRegistry` command."""
        return {"host": self.host, "models": self.models, "error": self.error}

    def status(self) -> OllamaStatus | None:
        """The connection state this refresh found, None when it did not ask Ollama."""
        if self.reached is None:
            return None
        if not self.reached:
            return OllamaStatus(self.host, "unreachable", message=self.error)
        models = None if self.error else self.models
        return OllamaStatus(self.host, "connected", self.version, models, self.error)


def sync_registry(path: Path, urls: Sequence[str]) -> RefreshResult:
    """Fill the registry at `path` from the first of the Ollama hosts `urls` that answers
    (blocking; runs on the thread)."""
    # Imported here, on the worker thread: httpx and sqlite3 stay off the path to the
    # `initialize` result (`test_the_server_is_created_without_the_analysis`).
    from modelfile_ls.ollama.errors import OllamaError, OllamaUnreachable
    from modelfile_ls.ollama.hosts import Hosts
    from modelfile_ls.registry import RegistryError, open_registry
    from modelfile_ls.registry.sync import sync

    tried = urls[0]
    notices: tuple[str, ...] = ()
    try:
        with open_registry(path) as registry, Hosts(urls) as hosts:
            client, skipped = hosts.for_read()
            tried, notices = client.base_url, tuple(notice.text for notice in skipped)
            result = sync(registry, client)
            try:
                version: str | None = client.version()
            except OllamaError:  # only the status bar shows it: the sync itself worked
                version = None
    except OllamaUnreachable as exc:
        first = exc.failures[0][0] if exc.failures else tried
        return RefreshResult(first, error=str(exc), reached=False, notices=notices)
    except OllamaError as exc:
        return RefreshResult(tried, error=str(exc), reached=True, notices=notices)
    except RegistryError as exc:
        return RefreshResult(tried, error=str(exc))
    models = len(result.models)
    return RefreshResult(result.host, models, version=version, reached=True, notices=notices)


class Refresher:
    """Runs one refresh at a time. Asking again while one runs joins it; asking for another
    registry or host queues a new one behind it."""

    def __init__(self, host: RefreshHost) -> None:
        self.host = host
        self._running: asyncio.Task[RefreshResult] | None = None
        self._target: tuple[Path | None, tuple[str, ...]] = (None, ())

    def start(self) -> asyncio.Task[RefreshResult]:
        """Start a refresh, or return the one in progress for the same registry and hosts."""
        # The Ollama client is loaded once the session starts (`server.LOADED_BEFORE_TYPING`);
        # nothing refreshes before that.
        from modelfile_ls.ollama.hosts import configured_hosts

        target = (self.host.catalog.path, tuple(configured_hosts((), self.host.settings)))
        running = self._running
        if running is not None and not running.done() and target == self._target:
            return running
        self._target = target
        self._running = asyncio.ensure_future(self._run(*target, after=running))
        return self._running

    async def _run(
        self,
        path: Path | None,
        urls: tuple[str, ...],
        after: asyncio.Task[RefreshResult] | None,
    ) -> RefreshResult:
        if after is not None and not after.done():
            await asyncio.wait([after])
        server = self.host
        if server.catalog.registry is None or path is None:
            return RefreshResult(urls[0], error=f"no registry ({server.catalog.error})")
        async with server.progress_tracker.start(TITLE, message=", ".join(urls)) as progress:
            result = await in_thread(lambda: sync_registry(path, urls), "modelfile-ls-refresh")
            progress.outcome = result.summary()
        if server.stopping:
            return result
        for notice in result.notices:
            server.log(types.MessageType.Info, notice)
        status = result.status()
        if status is not None:
            server.ollama_status.update(status)
        level = types.MessageType.Warning if result.error else types.MessageType.Info
        server.log(level, result.summary())
        if result.error is None:
            server.registry_changed()
        return result
