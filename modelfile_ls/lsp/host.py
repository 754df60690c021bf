"""What commands need from the server, as a protocol: commands never import the server
module (it imports them to register them), so the import graph stays one-way."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol

from lsprotocol import types

from modelfile_ls.lsp.progress import ProgressTracker
from modelfile_ls.lsp.refresh import Refresher
from modelfile_ls.lsp.snapshot import Snapshot

if TYPE_CHECKING:
    from modelfile_ls.settings import Settings


class CommandHost(Protocol):
    """The server, as commands see it."""

    ready: asyncio.Event
    refresher: Refresher
    progress_tracker: ProgressTracker

    @property
    def settings(self) -> Settings:
        """The settings in force."""

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document."""

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""

    def window_show_message(self, params: types.ShowMessageParams) -> None:
        """`window/showMessage`."""
