"""Blocking work (network, the registry file) off the event loop, on daemon threads.

Daemon threads rather than an executor: a stalled Ollama must never hold up the process exit,
and a worker that outlives the server (the client exited mid-pull) has nobody to answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_thread(function: Callable[[], T], name: str = "modelfile-ls-worker") -> asyncio.Future[T]:
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

    threading.Thread(target=run, name=name, daemon=True).start()
    return future
