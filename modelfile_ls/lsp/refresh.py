"""Background refresh of the registry from Ollama (`/api/tags`, then `/api/show` per model).

The network calls and the write run on a daemon thread with their own registry connection
(SQLite connections belong to one thread, and a stalled Ollama must never hold up the event
loop or the process exit). Only the result comes back to the loop, which then re-publishes
diagnostics. Progress is shown with `$/progress` when the client supports it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lsprotocol import types

if TYPE_CHECKING:
    from modelfile_ls.lsp.server import ModelfileServer

T = TypeVar("T")
TITLE = "Refreshing Ollama models"


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What a refresh did: how many models the host has, or why it failed."""

    host: str
    models: int = 0
    error: str | None = None

    def summary(self) -> str:
        """One line for the log and the progress end."""
        if self.error:
            return f"registry not refreshed: {self.error}"
        return f"registry refreshed: {self.models} models installed on {self.host}"

    def as_json(self) -> dict[str, object]:
        """The result of the `modelfile-ls.refreshRegistry` command."""
        return {"host": self.host, "models": self.models, "error": self.error}


def in_thread(function: Callable[[], T]) -> asyncio.Future[T]:
    """Run `function` on a new daemon thread; the future resolves on the calling loop."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            outcome: tuple[T | None, BaseException | None] = (function(), None)
        except BaseException as exc:  # handed to the awaiting coroutine, not lost
            outcome = (None, exc)
        # The loop is gone when the server exited while Ollama stalled: nobody is waiting.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name="modelfile-ls-refresh", daemon=True).start()
    return future


def sync_registry(path: Path, host: str | None) -> RefreshResult:
    """Fill the registry at `path` from the Ollama at `host` (blocking; runs on the thread)."""
    from modelfile_ls.ollama.client import OllamaClient, OllamaError, resolve_base_url
    from modelfile_ls.registry import RegistryError, open_registry
    from modelfile_ls.registry.sync import sync

    base_url = resolve_base_url(host)
    try:
        with open_registry(path) as registry, OllamaClient(host) as client:
            result = sync(registry, client)
    except (OllamaError, RegistryError) as exc:
        return RefreshResult(base_url, error=str(exc))
    return RefreshResult(result.host, models=len(result.models))


class Refresher:
    """Runs one refresh at a time. Asking again while one runs joins it; asking for another
    registry or host queues a new one behind it."""

    def __init__(self, server: ModelfileServer) -> None:
        self.server = server
        self._running: asyncio.Task[RefreshResult] | None = None
        self._target: tuple[Path | None, str | None] = (None, None)
        self._tokens = itertools.count(1)

    def start(self) -> asyncio.Task[RefreshResult]:
        """Start a refresh, or return the one in progress for the same registry and host."""
        target = (self.server.catalog.path, self.server.settings.ollama_host)
        running = self._running
        if running is not None and not running.done() and target == self._target:
            return running
        self._target = target
        self._running = asyncio.ensure_future(self._run(*target, after=running))
        return self._running

    async def _run(
        self, path: Path | None, host: str | None, after: asyncio.Task[RefreshResult] | None
    ) -> RefreshResult:
        if after is not None and not after.done():
            await asyncio.wait([after])
        server = self.server
        if server.catalog.registry is None or path is None:
            return RefreshResult(host or "", error=f"no registry ({server.catalog.error})")
        token = await self._begin(host)
        result = await in_thread(lambda: sync_registry(path, host))
        if token is not None:
            server.work_done_progress.end(
                token, types.WorkDoneProgressEnd(message=result.summary())
            )
            server.work_done_progress.tokens.pop(token, None)
        if server.stopping:
            return result
        level = types.MessageType.Warning if result.error else types.MessageType.Info
        server.window_log_message(types.LogMessageParams(level, result.summary()))
        if result.error is None:
            server.registry_changed()
        return result

    async def _begin(self, host: str | None) -> str | None:
        """Create and begin a progress token, when the client shows server progress."""
        window = self.server.client_capabilities.window
        if not (window and window.work_done_progress):
            return None
        token = f"modelfile-ls/refresh/{next(self._tokens)}"
        try:
            await self.server.work_done_progress.create_async(token)
        except Exception:
            return None  # the client refused the token: refresh without a progress bar
        self.server.work_done_progress.begin(
            token, types.WorkDoneProgressBegin(title=TITLE, message=host or "Ollama")
        )
        return token
