"""The open documents: text per version, one parse per version, findings per configuration.

The server keeps its own store rather than pygls' workspace: pygls splits lines with
`str.splitlines`, which also breaks at U+2028, form feeds and other characters that are not
LSP line breaks, so incremental edits after such a character would land in the wrong place.
Here every position goes through `LineIndex`, which knows exactly `\\r\\n`, `\\r` and `\\n`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lsprotocol import types
from pygls.uris import to_fs_path, uri_scheme

from modelfile_ls.syntax import parse
from modelfile_ls.syntax.incremental import Edit, parse_after
from modelfile_ls.syntax.model import ParsedModelfile
from modelfile_ls.syntax.positions import LineIndex, PositionEncoding
from modelfile_ls.syntax.positions import Position as TextPosition

if TYPE_CHECKING:
    from modelfile_ls.analysis.incremental import Analysis

    KeyedAnalysis = tuple[int, Analysis]

_serials = itertools.count(1)


def document_path(uri: str) -> Path | None:
    """The file a document URI names, None when it is not a file (unsaved)."""
    if uri_scheme(uri) != "file":
        return None
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


def base_dir_of(uri: str) -> str | None:
    """The directory relative paths resolve against: a file's folder, None when unsaved."""
    path = document_path(uri)
    return str(path.parent) if path is not None else None


class Origin(NamedTuple):
    """How a version was made from an earlier one: that one's text with `[start, old_end)`
    replaced by this one's `[start, new_end)`; everything else is the same text."""

    serial: int
    """The earlier version's `Document.serial`."""
    start: int
    old_end: int
    new_end: int
    line_breaks: bool
    """Whether a change removed or inserted a line break (the region may also hold text
    between changes that none of them touched)."""


class Document:
    """One version of one open document; a new version is a new object, so caches never go
    stale."""

    __slots__ = (
        "_analysis",
        "_lines",
        "_parse",
        "_parsed",
        "_previous",
        "base_dir",
        "origin",
        "serial",
        "text",
        "uri",
        "version",
    )

    def __init__(
        self,
        uri: str,
        text: str,
        version: int | None,
        base_dir: str | None = None,
        parse: Callable[[str], ParsedModelfile] = parse,
        previous: KeyedAnalysis | None = None,
    ) -> None:
        self.uri = uri
        self.text = text
        self.version = version
        self.base_dir = base_dir
        self.serial = next(_serials)
        """Unique per object: the identity of this exact text (pull diagnostics' result id)."""
        self._parse: Callable[[str], ParsedModelfile] | None = parse
        self._parsed: ParsedModelfile | None = None
        self._lines: LineIndex | None = None
        self._analysis: KeyedAnalysis | None = None
        self._previous = previous
        """The analysis of the version this one was edited from, until this one's is made."""
        self.origin: Origin | None = None
        """Set by `DocumentStore.change`: the version this one was edited from, and where."""

    @property
    def parsed(self) -> ParsedModelfile:
        """The parse of this version, computed once on first use."""
        if self._parsed is None:
            assert self._parse is not None
            self._parsed, self._parse = self._parse(self.text), None
        return self._parsed

    @property
    def parsed_if_done(self) -> ParsedModelfile | None:
        """The parse if it was already needed, else None (never parses)."""
        return self._parsed

    @property
    def analysis_if_done(self) -> KeyedAnalysis | None:
        """The analysis (with its configuration generation) if it was already made."""
        return self._analysis

    @property
    def lines(self) -> LineIndex:
        """Line index of the text (shared with the parse once there is one)."""
        if self._parsed is not None:
            return self._parsed.lines
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def analysis(
        self, key: int, compute: Callable[[Document, Analysis | None], Analysis]
    ) -> Analysis:
        """The analysis of this version under configuration generation `key`, computed once,
        from the previous version's when it was made under the same generation."""
        if self._analysis is None or self._analysis[0] != key:
            previous = self._previous
            self._analysis = (
                key,
                compute(self, previous[1] if previous and previous[0] == key else None),
            )
            self._previous = None
        return self._analysis[1]

    def offset(self, position: types.Position, encoding: PositionEncoding) -> int:
        """Character offset of an LSP position in the negotiated encoding."""
        return self.lines.offset(TextPosition(position.line, position.character), encoding)


def apply_change(
    document: Document,
    change: types.TextDocumentContentChangeEvent,
    encoding: PositionEncoding,
) -> tuple[str, Edit | None]:
    """The text after one content change, and the edit as offsets (None for a full text)."""
    if isinstance(change, types.TextDocumentContentChangePartial):
        start = document.offset(change.range.start, encoding)
        end = max(start, document.offset(change.range.end, encoding))
        text = document.text[:start] + change.text + document.text[end:]
        return text, Edit(start, end, change.text)
    return change.text, None


def _analysis_to_reuse(document: Document, edit: Edit | None) -> KeyedAnalysis | None:
    """The analysis the next version may start from: only one of the parse it is edited from."""
    if edit is None or document.parsed_if_done is None:
        return None
    return document.analysis_if_done


def _parser(document: Document, edit: Edit | None) -> Callable[[str], ParsedModelfile]:
    """How to parse the next version: from the previous parse when there is one to reuse."""
    previous = document.parsed_if_done
    if edit is None or previous is None:
        return parse
    return partial(parse_after, previous, edit)


class _Region:
    """The part of the text that one didChange's changes, applied in turn, replaced: outside
    it the new text is the old one (moved after it), so diagnostics there can be reused."""

    def __init__(self) -> None:
        self.start = self.old_end = self.new_end = 0
        self.line_breaks = False
        self.full = False
        self.empty = True

    def add(self, text: str, edit: Edit | None) -> None:
        """Widen the region by an edit of `text` (the text after the changes so far)."""
        if edit is None:
            self.full = True
            return
        start, end, inserted = edit
        self.line_breaks = self.line_breaks or _has_line_break(inserted, text[start:end])
        delta = len(inserted) - (end - start)
        if self.empty:
            self.start, self.old_end, self.new_end, self.empty = start, end, end + delta, False
            return
        # The region's end in the new text moves with the edit; its end in the old text moves
        # as far as the edit reaches past it.
        self.old_end += max(end - self.new_end, 0)
        self.new_end = max(self.new_end, end) + delta
        self.start = min(self.start, start)

    def origin(self, serial: int) -> Origin | None:
        """The new version's `Origin`; None after a full-text change."""
        if self.full:
            return None
        return Origin(serial, self.start, self.old_end, self.new_end, self.line_breaks)


def _has_line_break(*texts: str) -> bool:
    return any("\n" in text or "\r" in text for text in texts)


class DocumentStore:
    """Open documents by URI."""

    def __init__(self) -> None:
        self._documents: dict[str, Document] = {}

    def __iter__(self) -> Iterator[Document]:
        return iter(list(self._documents.values()))

    def get(self, uri: str) -> Document | None:
        """The current version of an open document."""
        return self._documents.get(uri)

    def open(self, item: types.TextDocumentItem) -> Document:
        """Start tracking a document the client opened."""
        document = Document(item.uri, item.text, item.version, base_dir_of(item.uri))
        self._documents[item.uri] = document
        return document

    def change(
        self,
        uri: str,
        version: int,
        changes: Sequence[types.TextDocumentContentChangeEvent],
        encoding: PositionEncoding,
    ) -> Document | None:
        """Apply the changes of one didChange in order; None for a document never opened."""
        document = self._documents.get(uri)
        if document is None:
            return None
        first, region = document, _Region()
        for change in changes:
            text, edit = apply_change(document, change, encoding)
            region.add(document.text, edit)
            document = Document(
                uri,
                text,
                version,
                document.base_dir,
                _parser(document, edit),
                _analysis_to_reuse(document, edit),
            )
        document.origin = region.origin(first.serial)
        self._documents[uri] = document
        return document

    def close(self, uri: str) -> Document | None:
        """Forget a document the client closed."""
        return self._documents.pop(uri, None)
