"""What commands need from the server, as a protocol: commands never import the server
module (it imports them to register them), so the import graph stays one-way."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from lsprotocol import types
from pygls.workspace import Workspace

from modelfile_ls.lsp.catalog import Catalog
from modelfile_ls.lsp.progress import ProgressTracker
from modelfile_ls.lsp.refresh import Refresher
from modelfile_ls.lsp.snapshot import Snapshot
from modelfile_ls.lsp.status import ConnectionStatus

if TYPE_CHECKING:
    from modelfile_ls.settings import Settings


class CommandHost(Protocol):
    """The server, as commands see it."""

    ready: asyncio.Event
    refresher: Refresher
    progress_tracker: ProgressTracker
    ollama_status: ConnectionStatus
    catalog: Catalog

    @property
    def settings(self) -> Settings:
        """The settings in force."""

    @property
    def client_capabilities(self) -> types.ClientCapabilities:
        """What the client said it supports at `initialize`."""

    @property
    def workspace(self) -> Workspace:
        """The client's workspace (its root folder)."""

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document."""

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""

    def window_show_message(self, params: types.ShowMessageParams) -> None:
        """`window/showMessage`."""

    async def window_show_message_request_async(
        self, params: types.ShowMessageRequestParams
    ) -> types.MessageActionItem | None:
        """`window/showMessageRequest`."""

    async def window_show_document_async(
        self, params: types.ShowDocumentParams
    ) -> types.ShowDocumentResult:
        """`window/showDocument`."""
