"""`modelfile-ls.pull MODEL`: what the "not installed" code lens on FROM runs.

Ollama's `POST /api/pull` streams NDJSON progress (`{"status", "digest", "total",
"completed"}`, then `{"status": "success"}`, or an `{"error"}` line at any point). The stream
is read on a daemon thread; each change of status or percentage goes to the client as
`$/progress`, and a successful pull refreshes the registry so the lens and the diagnostics
follow.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from modelfile_ls.lsp.refresh import in_thread

if TYPE_CHECKING:
    from modelfile_ls.lsp.server import ModelfileServer

PULL_READ_TIMEOUT_S = 120.0
"""Longest silence tolerated mid-pull (Ollama reports every layer about every 60 ms)."""

Report = Callable[[str, int | None], None]


def stream_pull(host: str | None, model: str, report: Report) -> str | None:
    """Pull `model` on the Ollama at `host`; None on success, else the error (blocking)."""
    import httpx

    from modelfile_ls.ollama.client import CONNECT_TIMEOUT, resolve_base_url

    base_url = resolve_base_url(host)
    timeout = httpx.Timeout(PULL_READ_TIMEOUT_S, connect=CONNECT_TIMEOUT)
    try:
        with (
            httpx.Client(base_url=base_url, timeout=timeout, trust_env=False) as http,
            http.stream("POST", "/api/pull", json={"model": model}) as response,
        ):
            if response.status_code >= 400:
                return _error_text(response.read(), response.status_code)
            status = ""
            for line in response.iter_lines():
                progress = _line(line)
                if progress is None:
                    continue
                if "error" in progress:
                    return str(progress["error"])
                status = str(progress.get("status", ""))
                report(status, _percent(progress))
    except httpx.HTTPError as exc:
        return f"cannot pull from Ollama at {base_url}: {exc or type(exc).__name__}"
    return None if status == "success" else "the connection to Ollama was cut mid-pull"


def _line(line: str) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return {"error": f"Ollama sent something that is not JSON: {line[:80]}"}
    return value if isinstance(value, dict) else None


def _percent(progress: dict[str, Any]) -> int | None:
    total, completed = progress.get("total"), progress.get("completed", 0)
    if isinstance(total, int) and total > 0 and isinstance(completed, int):
        return min(100, completed * 100 // total)
    return None


def _error_text(body: bytes, status: int) -> str:
    try:
        value = json.loads(body)
    except ValueError:
        value = None
    if isinstance(value, dict) and isinstance(value.get("error"), str):
        return f"Ollama answered {status}: {value['error']}"
    return f"Ollama answered {status}: {body.decode('utf-8', 'replace').strip()[:200]}"


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
