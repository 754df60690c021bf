"""pygls' protocol with document synchronisation left to our own document store.

pygls' built-in didOpen/didChange/didClose handlers keep a second copy of every document and
apply incremental edits with `str.splitlines` line numbers, which disagree with LSP's at
U+2028, form feeds and similar characters. Our `DocumentStore` is the one copy; these
overrides only hand the notification to the server's handlers.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol, lsp_method

Dispatch = Generator[Any, Any, None]


class ModelfileProtocol(LanguageServerProtocol):
    """The LSP protocol of modelfile-ls."""

    def _dispatch(self, method: str, params: Any) -> Dispatch:
        if (handler := self.fm.features.get(method)) is not None:
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
