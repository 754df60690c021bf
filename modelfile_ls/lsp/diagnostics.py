"""Diagnostics: pushed after every change, or pulled when the client supports
`textDocument/diagnostic`.

There is no debounce: a change is analysed in its own notification handler, on the event loop,
before the next message is read, so what is published always belongs to the newest version.

A keystroke changes the findings of a line or two, but a document can carry hundreds. Each
diagnostic is therefore converted once, with its JSON form, and reused while its finding
reads the same at the same LSP position. Findings are matched by their content and
character offsets, mapped back to the previously published version through the edit between
them (`Document.origin`): an edit that adds or removes no line leaves every position before
it, and every position on a later line, where it was. Matching needs no position conversion;
only new or moved-on-the-edited-line findings are converted, and the converter's hook for
`Diagnostic` hands pygls the stored JSON instead of unstructuring the object again.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from cattrs import Converter
from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.protocol import default_converter

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

    def notify_encoded(self, method: str, params: str) -> None:
        """Send a notification whose params are already JSON text."""

    def workspace_diagnostic_refresh(self, params: None) -> object:
        """`workspace/diagnostic/refresh`."""


_PYGLS_CONVERTER: Callable[[], Converter] = default_converter
"""pygls' own factory (untyped upstream)."""


class EncodedDiagnostic(types.Diagnostic):
    """A diagnostic that carries its own JSON form, computed once when it was converted: the
    unstructured object (for pull reports, through the converter) and its JSON text (for
    pushed notifications, joined without encoding the diagnostics again)."""

    __slots__ = ("json", "text")

    json: dict[str, Any]
    text: str


def converter() -> Converter:
    """pygls' converter, told to send an `EncodedDiagnostic` as its stored JSON (the server's
    `converter_factory`)."""
    converter = _PYGLS_CONVERTER()
    unstructure: Callable[[types.Diagnostic], Any] = converter.get_unstructure_hook(
        types.Diagnostic
    )

    def unstructure_diagnostic(item: types.Diagnostic) -> Any:
        if type(item) is EncodedDiagnostic:
            return item.json
        return unstructure(item)

    converter.register_unstructure_hook(types.Diagnostic, unstructure_diagnostic)
    return converter


_JSON = get_converter()
"""Computes the JSON form of a diagnostic (as pygls' own converter would)."""


def encoded(item: types.Diagnostic) -> EncodedDiagnostic:
    """The diagnostic with its JSON form attached."""
    result = EncodedDiagnostic(
        range=item.range,
        message=item.message,
        severity=item.severity,
        code=item.code,
        code_description=item.code_description,
        source=item.source,
        tags=item.tags,
        related_information=item.related_information,
        data=item.data,
    )
    result.json = _JSON.unstructure(item, types.Diagnostic)
    # ASCII, as pygls encodes: its Content-Length counts characters.
    result.text = json.dumps(result.json)
    return result


class Diagnostics:
    """Computes, publishes and reports the diagnostics of open documents."""

    def __init__(self, server: DiagnosticsHost) -> None:
        self.server = server
        self.pull = False
        self.refresh_support = False
        self.support = DiagnosticSupport()
        self._converted: dict[str, _Converted] = {}
        """Per document URI, the diagnostics last sent and the version they belong to."""

    def configure(self, capabilities: types.ClientCapabilities) -> None:
        """Choose push or pull and what to put in a diagnostic, from the client."""
        document = capabilities.text_document
        self.pull = bool(document and document.diagnostic is not None)
        workspace = capabilities.workspace
        self.refresh_support = bool(
            workspace and workspace.diagnostics and workspace.diagnostics.refresh_support
        )
        self.support = DiagnosticSupport.of(capabilities)
        self._converted.clear()

    def items(self, document: Document) -> list[types.Diagnostic]:
        """The diagnostics of one document version under the current configuration."""
        return list(self._encoded(document))

    def _encoded(self, document: Document) -> list[EncodedDiagnostic]:
        findings = self.server.findings(document)
        uri = document.uri
        if not findings:
            self._converted.pop(uri, None)
            return []
        lines, encoding, support = document.lines, self.server.encoding, self.support
        related = support.related_information
        previous = self._converted.get(uri)
        back = _mapping(previous, document) if previous is not None else None
        known = previous.items if previous is not None else {}
        current: dict[Hashable, EncodedDiagnostic] = {}
        items: list[EncodedDiagnostic] = []
        for finding in findings:
            key = _key(finding, related)
            item = current.get(key)
            if item is None and back is not None:
                old = _key(finding, related, back)
                item = known.get(old) if old is not None else None
            if item is None:
                item = encoded(diagnostic(finding, uri, lines, encoding, support))
            current[key] = item
            items.append(item)
        self._converted[uri] = _Converted(document.serial, lines.line_count, current)
        return items

    def result_id(self, document: Document) -> str:
        """Changes whenever the text or the configuration or registry data changes."""
        return f"{document.serial}.{self.server.generation}"

    def publish(self, document: Document) -> None:
        """Push a document's diagnostics (push mode, once configuration is known)."""
        if self.pull or not self.server.ready.is_set():
            return
        # Encoding ~300 diagnostics as JSON was a third of a keystroke in a few-shot file;
        # each one's text is kept with it, so only the list around them is written.
        texts = ",".join(item.text for item in self._encoded(document))
        uri, version = json.dumps(document.uri), json.dumps(document.version)
        self.server.notify_encoded(
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
            f'{{"uri": {uri}, "diagnostics": [{texts}], "version": {version}}}',
        )

    def clear(self, uri: str) -> None:
        """Remove a closed document's diagnostics from the client."""
        self._converted.pop(uri, None)
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


class _Converted(NamedTuple):
    """The diagnostics published for one version, by `_key` in that version's offsets."""

    serial: int
    line_count: int
    items: dict[Hashable, EncodedDiagnostic]


Offsets = Callable[[int], int | None]
"""Maps an offset of this version to the offset of the same LSP position in the published
version; None where the position may differ."""


def _same(offset: int) -> int | None:
    return offset


def _mapping(published: _Converted, document: Document) -> Offsets | None:
    """How offsets of `document` map to those of the published version; None when they
    cannot (no known edit between them, or one that added or removed a line)."""
    if published.serial == document.serial:
        return _same
    origin = document.origin
    lines = document.lines
    if (
        origin is None
        or origin.serial != published.serial
        or origin.line_breaks
        or lines.line_count != published.line_count
    ):
        return None
    # Columns changed after the edit on the line where it ends; on later lines they did not,
    # nor did line numbers: no line break was added or removed (a CR and LF joined into one
    # line break by deleting what was between them would change the line count).
    start, new_end = origin.start, origin.new_end
    later_lines = lines.line_start(lines.line_of(new_end) + 1)
    if later_lines <= new_end:
        later_lines = len(document.text) + 1  # the edit is on the last line
    delta = new_end - origin.old_end

    def back(offset: int) -> int | None:
        if offset <= start:
            return offset
        if offset >= later_lines:
            return offset - delta
        return None

    return back


def _key(finding: Finding, related: bool, offsets: Offsets = _same) -> Hashable | None:
    """Everything of a finding that its diagnostic shows, with character offsets for its
    spans (mapped by `offsets`); None when an offset cannot be mapped."""
    span = finding.span
    start, end = offsets(span.start), offsets(span.end)
    if start is None or end is None:
        return None
    key: tuple[object, ...] = (
        finding.code,
        finding.severity,
        finding.message,
        finding.tags,
        start,
        end,
    )
    if related and finding.related:
        for item in finding.related:
            low, high = offsets(item.span.start), offsets(item.span.end)
            if low is None or high is None:
                return None
            key += (item.message, low, high)
    return key
