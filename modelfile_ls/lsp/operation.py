"""Running one Ollama operation for a command: the language server's renderer of the events
the operations of `modelfile_ls.ollama` yield (the CLI is the other renderer).

The operation runs on a daemon thread (`threads.py`), so a create or pull streaming for
minutes never holds up another request. Its Progress events become `$/progress` reports of
one cancellable progress (`progress.py`), Notices `window/logMessage` lines, a failure a
`window/showMessage` with Ollama's text and the hint, and a host that cannot be reached the
connection state (`status.py`). The command answers `{"message", "error", "hint",
"cancelled", ...the operation's data}`.

A cancel (`window/workDoneProgress/cancel`, `$/cancelRequest`, shutdown) is answered at once:
the command returns `cancelled`, the progress ends, and the operation's streams are hung up
(`Hosts.interrupt`), as Ollama's CLI closes the connection on Ctrl-C: Ollama sees the client
gone and stops, even while it sends nothing (a pull keeps what it downloaded for next time).
The operation's own Cancel turns True too, so hashing or uploading a file stops at the next
chunk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from lsprotocol import types

from modelfile_ls.lsp.progress import Progress, ProgressTracker
from modelfile_ls.lsp.refresh import Refresher
from modelfile_ls.lsp.status import ConnectionStatus
from modelfile_ls.lsp.threads import in_thread

if TYPE_CHECKING:
    from modelfile_ls.ollama.events import Cancel, Event
    from modelfile_ls.ollama.hosts import Hosts
    from modelfile_ls.settings import Settings

Start = Callable[["Hosts", "Cancel"], Iterator["Event"]]
"""Begins an operation on the configured hosts: its events, the last one Done."""
Report = Callable[[str, int | None], None]


class OperationHost(Protocol):
    """What running an operation needs from the server."""

    progress_tracker: ProgressTracker
    refresher: Refresher
    ollama_status: ConnectionStatus

    @property
    def settings(self) -> Settings:
        """The settings in force (which Ollama hosts)."""

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""

    def window_show_message(self, params: types.ShowMessageParams) -> None:
        """`window/showMessage`."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How an operation ended: its summary and data, an error, or cancelled."""

    message: str
    data: Mapping[str, object] = field(default_factory=dict)
    error: str | None = None
    hint: str = ""
    cancelled: bool = False
    unreachable: str | None = None
    """The first address tried, when the failure was that no Ollama answered."""

    def as_json(self) -> dict[str, object]:
        """The command's answer."""
        return {
            **self.data,
            "message": self.message,
            "error": self.error,
            "hint": self.hint,
            "cancelled": self.cancelled,
        }

    def ending(self) -> str:
        """The message the progress ends with."""
        if self.cancelled:
            return "cancelled"
        return f"failed: {self.error}" if self.error else self.message


CANCELLED = Outcome("cancelled", cancelled=True)


def drive(
    hosts: Hosts, start: Start, cancelled: Cancel, report: Report, notify: Callable[[str], None]
) -> Outcome:
    """Run the operation to its end on this (worker) thread, rendering each event."""
    # Loaded on the worker thread: httpx and sqlite3 stay off the path to the `initialize`
    # result (`test_the_server_is_created_without_the_analysis`).
    from modelfile_ls.ollama.errors import Cancelled, OllamaError, OllamaUnreachable
    from modelfile_ls.ollama.events import Done, Notice
    from modelfile_ls.ollama.events import Progress as Step
    from modelfile_ls.registry import RegistryError

    done = Done("done", {})
    try:
        with hosts:
            for event in start(hosts, cancelled):
                if isinstance(event, Step):
                    report(event.status, event.percent)
                elif isinstance(event, Notice):
                    notify(event.text)
                else:
                    done = event
    except Cancelled:
        return CANCELLED
    except OllamaUnreachable as exc:
        first = exc.failures[0][0] if exc.failures else hosts.urls[0]
        return Outcome(str(exc), error=str(exc), hint=exc.hint, unreachable=first)
    except OllamaError as exc:
        return Outcome(str(exc), error=str(exc), hint=exc.hint)
    except (OSError, RegistryError) as exc:  # a file the operation reads or writes, the registry
        return Outcome(str(exc), error=str(exc))
    return Outcome(done.message, done.data)


class Runner:
    """Runs operations for one server and tells the user how they went."""

    def __init__(self, host: OperationHost) -> None:
        self.host = host

    def hosts(self) -> Hosts:
        """The configured Ollama hosts, in failover order (no connection made yet)."""
        # The Ollama client is loaded once the session starts (`server.LOADED_BEFORE_TYPING`),
        # never before the `initialize` result.
        from modelfile_ls.ollama.hosts import Hosts, configured_hosts

        return Hosts(configured_hosts((), self.host.settings))

    async def run(
        self, what: str, start: Start, *, title: str | None = None, refresh: bool = False
    ) -> dict[str, object]:
        """Run an operation described as `what` ("pulling llama3.2"); with a `title`, under a
        cancellable progress of that title. `refresh`: the registry follows once it is done
        (the operation changed which models are installed)."""
        host = self.host
        hosts = self.hosts()
        loop = asyncio.get_running_loop()

        def notify(text: str) -> None:
            loop.call_soon_threadsafe(host.log, types.MessageType.Info, text)

        if title is None:
            outcome = await in_thread(lambda: drive(hosts, start, _never, _unreported, notify))
        else:
            async with host.progress_tracker.start(title, cancellable=True) as progress:
                outcome = await _watched(progress, hosts, start, notify)
                progress.outcome = outcome.ending()
        await self._settle(what, outcome, refresh)
        return outcome.as_json()

    async def _settle(self, what: str, outcome: Outcome, refresh: bool) -> None:
        host = self.host
        if outcome.cancelled:
            host.log(types.MessageType.Info, f"{what} cancelled")
            return
        if outcome.error is not None:
            text = f"modelfile-ls: {what} failed: {outcome.error}"
            if outcome.hint:
                text = f"{text} {outcome.hint}"
            host.log(types.MessageType.Error, text)
            host.window_show_message(types.ShowMessageParams(types.MessageType.Error, text))
            if outcome.unreachable is not None:
                host.ollama_status.unreachable(outcome.unreachable, outcome.error)
            return
        host.log(types.MessageType.Info, outcome.message)
        if refresh or host.ollama_status.current.state != "connected":
            # The installed models changed, or Ollama answered where the state said it did not.
            await host.refresher.start()


async def _watched(
    progress: Progress, hosts: Hosts, start: Start, notify: Callable[[str], None]
) -> Outcome:
    """`drive` on a thread under `progress`, answered as cancelled as soon as it is."""
    stopped = asyncio.Event()
    progress.on_cancel(stopped.set)
    running = in_thread(lambda: drive(hosts, start, progress.cancelled, progress.report, notify))
    running.add_done_callback(_settled)
    waiting = asyncio.ensure_future(stopped.wait())
    first: list[asyncio.Future[Any]] = [running, waiting]
    try:
        await asyncio.wait(first, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:  # `$/cancelRequest`, or the server is shutting down
        progress.cancel()
        hosts.interrupt()
        raise
    finally:
        waiting.cancel()
    if running.done():
        return running.result()
    hosts.interrupt()
    return CANCELLED


def _settled(worker: asyncio.Future[Outcome]) -> None:
    """Consume a worker's result: after a cancel nobody awaits it."""
    if not worker.cancelled():
        worker.exception()


def _never() -> bool:
    return False


def _unreported(message: str, percentage: int | None) -> None:
    """Quick operations show no progress."""
