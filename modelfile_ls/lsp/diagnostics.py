"""Diagnostics: pushed after every change, or pulled when the client supports
`textDocument/diagnostic`.

There is no debounce: a change is analysed in its own notification handler, on the event loop,
before the next message is read, so what is published always belongs to the newest version.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from lsprotocol import types

from modelfile_ls.lsp.convert import DiagnosticSupport, diagnostic
from modelfile_ls.syntax.positions import PositionEncoding

if TYPE_CHECKING:
    from modelfile_ls.analysis.finding import Finding
    from modelfile_ls.lsp.documents import Document

IDENTIFIER = "modelfile-ls"


def pull_options() -> types.DiagnosticOptions:
    """The `diagnosticProvider` we advertise to clients that pull."""
    return types.DiagnosticOptions(
        identifier=IDENTIFIER, inter_file_dependencies=False, workspace_diagnostics=False
    )


class DiagnosticsHost(Protocol):
    """What diagnostics need from the server (a protocol, so this module never imports the
    server module that imports it)."""

    encoding: PositionEncoding
    generation: int
    ready: asyncio.Event

    @property
    def documents(self) -> Iterable[Document]:
        """The open documents."""

    def findings(self, document: Document) -> list[Finding]:
        """The findings of one document version under the current configuration."""

    def text_document_publish_diagnostics(self, params: types.PublishDiagnosticsParams) -> None:
        """`textDocument/publishDiagnostics`."""

    def workspace_diagnostic_refresh(self, params: None) -> object:
        """`workspace/diagnostic/refresh`."""


class Diagnostics:
    """Computes, publishes and reports the diagnostics of open documents."""

    def __init__(self, server: DiagnosticsHost) -> None:
        self.server = server
        self.pull = False
        self.refresh_support = False
        self.support = DiagnosticSupport()

    def configure(self, capabilities: types.ClientCapabilities) -> None:
        """Choose push or pull and what to put in a diagnostic, from the client."""
        document = capabilities.text_document
        self.pull = bool(document and document.diagnostic is not None)
        workspace = capabilities.workspace
        self.refresh_support = bool(
            workspace and workspace.diagnostics and workspace.diagnostics.refresh_support
        )
        self.support = DiagnosticSupport.of(capabilities)

    def items(self, document: Document) -> list[types.Diagnostic]:
        """The diagnostics of one document version under the current configuration."""
        findings = self.server.findings(document)
        if not findings:
            return []
        lines, encoding, support = document.lines, self.server.encoding, self.support
        return [diagnostic(f, document.uri, lines, encoding, support) for f in findings]

    def result_id(self, document: Document) -> str:
        """Changes whenever the text or the configuration or registry data changes."""
        return f"{document.serial}.{self.server.generation}"

    def publish(self, document: Document) -> None:
        """Push a document's diagnostics (push mode, once configuration is known)."""
        if self.pull or not self.server.ready.is_set():
            return
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=document.uri, diagnostics=self.items(document), version=document.version
            )
        )

    def clear(self, uri: str) -> None:
        """Remove a closed document's diagnostics from the client."""
        if not self.pull:
            self.server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    def republish(self) -> None:
        """Configuration or registry data changed: bring every open document up to date."""
        if self.pull:
            if self.refresh_support:
                self.server.workspace_diagnostic_refresh(None)
            return
        for document in self.server.documents:
            self.publish(document)

    def report(
        self, document: Document | None, previous_result_id: str | None
    ) -> types.DocumentDiagnosticReport:
        """The answer to a pull: unchanged when the client already has this result."""
        if document is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = self.result_id(document)
        if previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            items=self.items(document), result_id=result_id
        )
