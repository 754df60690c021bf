"""The pygls behaviour the server works around, pinned: each test fails when pygls changes, so
the workaround is removed (or adapted) rather than left to rot."""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial
from typing import Any

import pytest
from lsprotocol import types
from pygls.lsp.server import LanguageServer

from modelfile_ls.lsp.server import create_server


def forget(running: dict[str | int, Future[Any]], key: str, _done: Future[None]) -> None:
    """What pygls does when a request is answered: forget it."""
    running.pop(key, None)


def test_pygls_shutdown_still_trips_over_its_own_cancellations() -> None:
    """openlawlibrary/pygls#606: pygls' `shutdown` cancels the requests in flight while
    iterating `_request_futures`, which each cancellation's callback shrinks. The server cancels
    them first (`_cancel_running_requests`); once this fails, pygls is fixed: remove that."""
    server = LanguageServer("probe", "0")
    protocol = server.protocol
    running = protocol._request_futures  # the attribute the workaround relies on
    for message_id in ("1", "2"):
        future: Future[None] = Future()
        future.add_done_callback(partial(forget, running, message_id))
        running[message_id] = future
    with pytest.raises(RuntimeError, match="changed size during iteration"):
        for _step in protocol.lsp_shutdown():
            pass


def test_document_sync_reaches_the_server_without_pygls_workspace() -> None:
    """The protocol hands didOpen to our handler and leaves pygls' workspace alone (before
    `initialize` there is none: touching it would raise)."""
    server = create_server()
    params = types.DidOpenTextDocumentParams(
        types.TextDocumentItem("untitled:probe", "modelfile", 1, "FROM a\n")
    )
    for handler, args, _kwargs in server.protocol.lsp_text_document__did_open(params):
        assert handler.func.__name__ == "did_open"
        assert args == (params,)
