"""The one `$/progress` helper every long operation uses (registry refresh, pull, create...).

`work_progress` asks the client for a token (`window/workDoneProgress/create`), begins, lets
the operation report from any thread, and always ends, with the outcome as the last message.
A cancellable progress is stopped by the client's `window/workDoneProgress/cancel`: pygls
cancels the token's future (`LanguageServer.work_done_progress.tokens`, public API), which
sets `Progress.cancelled` for the worker thread and runs the `on_cancel` callbacks on the loop,
so an operation blocked on a stalled stream can be interrupted at once. The server's shutdown
cancels every progress still running the same way. A client without `window.workDoneProgress`
(or one that refuses the token) gets no progress; the operation runs the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future

from lsprotocol import types
from pygls.progress import Progress as PyglsProgress

_serials = itertools.count(1)


class Progress:
    """One operation's progress: reports are thread-safe and sent only when they change."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        pygls: PyglsProgress | None,
        token: str,
    ) -> None:
        self.token = token
        self.outcome = "done"
        """The message the progress ends with; set it to say how the operation went."""
        self._loop = loop
        self._pygls = pygls
        self._cancelled = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._last: tuple[str | None, int | None] | None = None
        self._ended = False

    @property
    def shown(self) -> bool:
        """Whether the client shows this progress."""
        return self._pygls is not None

    def cancelled(self) -> bool:
        """Whether the user (or the server's shutdown) cancelled the operation (any thread)."""
        return self._cancelled.is_set()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Run `callback` on the event loop when the operation is cancelled (at once when it
        already was)."""
        if self.cancelled():
            callback()
        else:
            self._callbacks.append(callback)

    def cancel(self) -> None:
        """Cancel the operation (event-loop thread)."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        for callback in self._callbacks:
            callback()

    def report(self, message: str | None = None, percentage: int | None = None) -> None:
        """Show `message` (and `percentage`); callable from any thread."""
        if self._pygls is None or (message, percentage) == self._last:
            return
        self._last = (message, percentage)
        value = types.WorkDoneProgressReport(message=message, percentage=percentage)
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody is listening
            self._loop.call_soon_threadsafe(self._send, value)

    def _send(self, value: types.WorkDoneProgressReport) -> None:
        # A worker still reading after a cancel answered must not report past the end.
        if self._pygls is not None and not self._ended:
            self._pygls.report(self.token, value)

    def end(self) -> None:
        """End the progress with `outcome` (event-loop thread); later reports are dropped."""
        self._ended = True
        if self._pygls is not None:
            self._pygls.end(self.token, types.WorkDoneProgressEnd(message=self.outcome))


class ProgressTracker:
    """The progresses of one server: how to make them, and which are running."""

    def __init__(self, pygls: PyglsProgress, supported: Callable[[], bool]) -> None:
        self._pygls = pygls
        self._supported = supported
        self.running: set[Progress] = set()

    def cancel_all(self) -> None:
        """Cancel every operation still running (the server is shutting down)."""
        for progress in list(self.running):
            progress.cancel()

    @contextlib.asynccontextmanager
    async def start(
        self, title: str, *, message: str | None = None, cancellable: bool = False
    ) -> AsyncIterator[Progress]:
        """Begin a progress titled `title`; it ends with `Progress.outcome` however the body
        exits."""
        loop = asyncio.get_running_loop()
        token = f"modelfile-ls/progress/{next(_serials)}"
        shown = await self._create(token)
        progress = Progress(loop, self._pygls if shown else None, token)
        if shown:
            self._pygls.begin(
                token,
                types.WorkDoneProgressBegin(title=title, message=message, cancellable=cancellable),
            )
            if cancellable:
                self._cancel_with(progress, self._pygls.tokens[token])
        self.running.add(progress)
        try:
            yield progress
        finally:
            self.running.discard(progress)
            progress.end()
            if shown:
                self._pygls.tokens.pop(token, None)

    async def _create(self, token: str) -> bool:
        if not self._supported():
            return False
        try:
            await self._pygls.create_async(token)
        except Exception:
            return False  # the client refused the token: run without a progress bar
        return True

    @staticmethod
    def _cancel_with(progress: Progress, future: Future[object]) -> None:
        """Cancel `progress` when pygls cancels the token's future. pygls does so on the loop
        thread, in its `window/workDoneProgress/cancel` handler."""

        def cancelled(done: Future[object]) -> None:
            if done.cancelled():
                progress.cancel()

        future.add_done_callback(cancelled)
