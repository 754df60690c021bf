"""pygls' protocol with document synchronisation left to our own document store.

pygls' built-in didOpen/didChange/didClose handlers keep a second copy of every document and
apply incremental edits with `str.splitlines` line numbers, which disagree with LSP's at
U+2028, form feeds and similar characters. Our `DocumentStore` is the one copy; these
overrides only hand the notification to the server's handlers, which `register_document_sync`
gives the protocol directly (no lookup in pygls' feature manager).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
from collections.abc import Callable, Generator, Mapping
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCProtocol, LanguageServerProtocol, lsp_method

logger = logging.getLogger(__name__)

Dispatch = Generator[Any, Any, None]
SyncHandler = Callable[[Any, Any], None]


class ModelfileProtocol(LanguageServerProtocol):
    """The LSP protocol of modelfile-ls."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document_sync: dict[str, Callable[[Any], None]] = {}
        """The server's didOpen/didChange/didClose handlers, bound to the server."""
        self._writes: set[asyncio.Future[Any]] = set()

    def notify_encoded(self, method: str, params: str) -> None:
        """Send a notification whose params are already JSON text (ASCII, as pygls writes
        JSON), written the way pygls' `_send_data` writes a message."""
        if self.writer is None:
            logger.error("Unable to send data, no available transport!")
            return
        body = (
            f'{{"method": "{method}", "jsonrpc": "{JsonRPCProtocol.VERSION}", "params": {params}}}'
        )
        logger.info("Sending data: %s", body)
        if self._include_headers:
            header = (
                f"Content-Length: {len(body)}\r\n"
                f"Content-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
            )
            body = header + body
        try:
            written = self.writer.write(body.encode(self.CHARSET))
            if inspect.isawaitable(written):
                # An asynchronous transport: keep the write alive until it is done.
                task = asyncio.ensure_future(written)
                self._writes.add(task)
                task.add_done_callback(self._writes.discard)
        except BrokenPipeError:
            logger.exception("Error sending data. BrokenPipeError", exc_info=True)
            raise
        except Exception as error:
            logger.exception("Error sending data", exc_info=True)
            self._server._report_server_error(error, JsonRpcInternalError)

    def _dispatch(self, method: str, params: Any) -> Dispatch:
        if (handler := self.document_sync.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Dispatch:
        """Hand didOpen to the server without storing the text in pygls' workspace."""
        yield from self._dispatch(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Dispatch:
        """Hand didChange to the server without applying it to pygls' workspace."""
        yield from self._dispatch(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Dispatch:
        """Hand didClose to the server."""
        yield from self._dispatch(types.TEXT_DOCUMENT_DID_CLOSE, params)


def register_document_sync(server: LanguageServer, handlers: Mapping[str, SyncHandler]) -> None:
    """Give the protocol the server's document-sync handlers (`handler(server, params)`), and
    register them as features too, which is what makes pygls advertise `openClose`."""
    protocol = server.protocol
    assert isinstance(protocol, ModelfileProtocol)
    for method, handler in handlers.items():
        server.feature(method)(handler)
        protocol.document_sync[method] = functools.partial(handler, server)
