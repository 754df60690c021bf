"""`modelfile-ls.pull MODEL`: what the "not installed" code lens on FROM runs.

`OllamaClient.pull` reads Ollama's streamed progress on a daemon thread; each change of status
or percentage goes to the client as `$/progress`, and a successful pull refreshes the
registry so the lens and the diagnostics follow.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from lsprotocol import types

from modelfile_ls.lsp.refresh import in_thread

if TYPE_CHECKING:
    from modelfile_ls.lsp.server import ModelfileServer

Report = Callable[[str, int | None], None]


def stream_pull(host: str | None, model: str, report: Report) -> str | None:
    """Pull `model` on the Ollama at `host`; None on success, else the error (blocking)."""
    from modelfile_ls.ollama.client import OllamaClient, OllamaError

    try:
        with OllamaClient(host) as client:
            client.pull(model, lambda progress: report(progress.status, progress.percent))
    except OllamaError as exc:
        return str(exc)
    return None


async def pull_model(ls: ModelfileServer, model: str) -> dict[str, object]:
    """Pull a model with progress, then refresh the registry; answers when done."""
    token = f"modelfile-ls/pull/{model}"
    progress = ls.work_done_progress
    shown = False
    if ls.support.work_done_progress:
        try:
            await progress.create_async(token)
            progress.begin(token, types.WorkDoneProgressBegin(title=f"Pulling {model}"))
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

    host = ls.settings.ollama_host
    error = await in_thread(lambda: stream_pull(host, model, report))
    if shown:
        message = f"failed: {error}" if error else "done"
        progress.end(token, types.WorkDoneProgressEnd(message=message))
        progress.tokens.pop(token, None)
    if error:
        ls.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Error, f"modelfile-ls: pulling {model} failed: {error}"
            )
        )
    else:
        ls.log(types.MessageType.Info, f"pulled {model}")
        await ls.refresher.start()
    return {"model": model, "error": error}
