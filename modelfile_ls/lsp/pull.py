"""`modelfile-ls.pull MODEL`: what the "not installed" code lens on FROM runs.

`OllamaClient.pull` reads Ollama's streamed progress on a daemon thread; each change of status
or percentage goes to the client as `$/progress`, and a successful pull refreshes the
registry so the lens and the diagnostics follow.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsprotocol import types

from modelfile_ls.lsp.refresh import in_thread

if TYPE_CHECKING:
    from modelfile_ls.lsp.server import ModelfileServer

Report = Callable[[str, int | None], None]


@dataclass(frozen=True, slots=True)
class PullOutcome:
    """How a pull ended: done, failed with Ollama's error, or cancelled by the user."""

    error: str | None = None
    cancelled: bool = False


def stream_pull(
    host: str | None, model: str, report: Report, cancelled: Callable[[], bool]
) -> PullOutcome:
    """Pull `model` on the Ollama at `host` (blocking; runs on a thread)."""
    from modelfile_ls.ollama.client import OllamaClient, OllamaError, PullCancelled

    try:
        with OllamaClient(host) as client:
            client.pull(model, lambda p: report(p.status, p.percent), cancelled)
    except PullCancelled:
        return PullOutcome(cancelled=True)
    except OllamaError as exc:
        return PullOutcome(error=str(exc))
    return PullOutcome()


async def pull_model(ls: ModelfileServer, model: str) -> dict[str, object]:
    """Pull a model with progress, then refresh the registry; answers when done."""
    token = f"modelfile-ls/pull/{model}"
    progress = ls.work_done_progress
    shown = False
    if ls.support.work_done_progress:
        try:
            await progress.create_async(token)
            progress.begin(
                token, types.WorkDoneProgressBegin(title=f"Pulling {model}", cancellable=True)
            )
            shown = True
        except Exception:
            shown = False  # no progress bar: the pull still runs
    loop = asyncio.get_running_loop()
    last: tuple[str, int | None] = ("", None)

    def report(status: str, percent: int | None) -> None:
        nonlocal last
        if shown and (status, percent) != last:
            last = (status, percent)
            value = types.WorkDoneProgressReport(message=status, percentage=percent)
            loop.call_soon_threadsafe(progress.report, token, value)

    # pygls cancels the token's (thread-safe) future when the client sends
    # `window/workDoneProgress/cancel`; the pull thread checks it after every progress line.
    cancellation = progress.tokens.get(token) if shown else None

    def cancelled() -> bool:
        return cancellation is not None and cancellation.cancelled()

    host = ls.settings.ollama_host
    outcome = await in_thread(lambda: stream_pull(host, model, report, cancelled))
    if shown:
        progress.end(token, types.WorkDoneProgressEnd(message=_ending(outcome)))
        progress.tokens.pop(token, None)
    if outcome.cancelled:
        ls.log(types.MessageType.Info, f"pull of {model} cancelled")
    elif outcome.error:
        ls.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Error, f"modelfile-ls: pulling {model} failed: {outcome.error}"
            )
        )
    else:
        ls.log(types.MessageType.Info, f"pulled {model}")
        await ls.refresher.start()
    return {"model": model, "error": outcome.error, "cancelled": outcome.cancelled}


def _ending(outcome: PullOutcome) -> str:
    if outcome.cancelled:
        return "cancelled"
    return f"failed: {outcome.error}" if outcome.error else "done"
