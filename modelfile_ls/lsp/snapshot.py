"""What one request about one document needs, taken from the server when the request arrives.

As in ruff's server (`DocumentSnapshot`, made by `Session::take_snapshot`), a handler gets an
immutable view rather than the whole server: the document version, the settings in force for
its folder, the negotiated position encoding, what the client supports and the registry. The
conversions every handler needs (LSP positions and ranges to offsets and spans, and back) live
here once. A `Snapshot` is made only for a document that is open: a request about any other
document is answered with nothing before a handler runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from lsprotocol import types

from modelfile_ls.lsp.capabilities import ClientSupport
from modelfile_ls.lsp.convert import DiagnosticSupport, position, span_range
from modelfile_ls.lsp.documents import Document
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import PositionEncoding

if TYPE_CHECKING:
    from modelfile_ls.analysis.finding import Finding
    from modelfile_ls.registry import Registry
    from modelfile_ls.settings import Settings


class SnapshotSource(Protocol):
    """Whatever hands out snapshots (the server)."""

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document, None for a document that is not open."""


@dataclass(frozen=True, slots=True)
class Session:
    """The per-session part of every snapshot: fixed at `initialize` or by configuration."""

    encoding: PositionEncoding
    support: ClientSupport
    diagnostic_support: DiagnosticSupport
    log: Callable[[types.MessageType, str], None]


class Snapshot:
    """One document version with everything a request about it needs."""

    def __init__(
        self,
        document: Document,
        session: Session,
        registry: Registry | None,
        settings: Callable[[Document], Settings],
        findings: Callable[[Document], list[Finding]],
    ) -> None:
        self.document = document
        self.session = session
        self.registry = registry
        """The open registry, None when there is none (features answer from the facts)."""
        self._settings = settings
        self._findings = findings

    @property
    def uri(self) -> str:
        """The document's URI."""
        return self.document.uri

    @property
    def version(self) -> int | None:
        """The document version this snapshot is of."""
        return self.document.version

    @property
    def encoding(self) -> PositionEncoding:
        """The position encoding negotiated at `initialize`."""
        return self.session.encoding

    @property
    def support(self) -> ClientSupport:
        """What the client supports."""
        return self.session.support

    @cached_property
    def settings(self) -> Settings:
        """The settings in force for the document's folder (read on first use only: most
        requests never need them)."""
        return self._settings(self.document)

    @cached_property
    def findings(self) -> list[Finding]:
        """The document's findings under the current configuration (cached per version)."""
        return self._findings(self.document)

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""
        self.session.log(level, message)

    def offset(self, at: types.Position) -> int:
        """The character offset of an LSP position."""
        return self.document.offset(at, self.encoding)

    def span(self, of: types.Range) -> Span:
        """The span of an LSP range."""
        return Span(self.offset(of.start), self.offset(of.end))

    def position(self, offset: int) -> types.Position:
        """The LSP position of a character offset."""
        return position(self.document.lines, offset, self.encoding)

    def range(self, span: Span) -> types.Range:
        """The LSP range of a span."""
        return span_range(self.document.lines, span, self.encoding)
