"""`modelfile-ls.pull MODEL`: what the "not installed" code lens on FROM runs.

`OllamaClient.pull` reads Ollama's streamed progress on a daemon thread; each change of status
or percentage goes to the client as `$/progress`, and a successful pull refreshes the
registry so the lens and the diagnostics follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lsprotocol import types

from modelfile_ls.lsp.host import CommandHost
from modelfile_ls.lsp.threads import in_thread

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
    # httpx loads on the worker thread, never on the path to `initialize` (as in refresh.py).
    from modelfile_ls.ollama.client import Cancelled, OllamaClient, OllamaError

    try:
        with OllamaClient(host) as client:
            for line in client.pull(model, cancelled):
                report(line.status, line.percent)
    except Cancelled:
        return PullOutcome(cancelled=True)
    except OllamaError as exc:
        return PullOutcome(error=str(exc))
    return PullOutcome()


async def pull_model(ls: CommandHost, model: str) -> dict[str, object]:
    """Pull a model with progress, then refresh the registry; answers when done."""
    host = ls.settings.ollama_host
    async with ls.progress_tracker.start(f"Pulling {model}", cancellable=True) as progress:
        outcome = await in_thread(
            lambda: stream_pull(host, model, progress.report, progress.cancelled)
        )
        progress.outcome = _ending(outcome)
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
