"""Positions in a document: character offsets, (line, column) pairs, UTF-16 and byte units.

The analysis works on Python string offsets (code points). The LSP speaks UTF-16 code units
by default and tree-sitter speaks bytes; this module converts between them. Lines end at
`\\r\\n`, `\\r` or `\\n`, as LSP defines them.
"""

from __future__ import annotations

from _bisect import bisect_right
from _operator import sub
from itertools import repeat

from modelfile_ls.static_types import TYPE_CHECKING, Literal, NamedTuple, TypeVar
from modelfile_ls.syntax._scan import line_breaks, line_columns, span_regions, whole_lines

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

PositionEncoding = Literal["utf-8", "utf-16", "utf-32"]

PairT = TypeVar("PairT", bound=tuple[int, int])


class Position(NamedTuple):
    """A zero-based line and a zero-based column in the chosen unit."""

    line: int
    character: int


class LineIndex:
    """Maps character offsets of one text to positions and back."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str, starts: list[int] | None = None) -> None:
        self._text = text
        self._starts = starts if starts is not None else [0, *_breaks(text, 0, len(text))]

    def edited(self, start: int, end: int, inserted: str, text: str) -> LineIndex:
        """The index of `text`, which is this index's text with `[start, end)` replaced by
        `inserted`: only the lines around the edit are scanned again (an editor keystroke
        must not rescan a large document)."""
        starts = self._starts
        first = max(bisect_right(starts, start) - 2, 0)
        # Two lines past the edit: a CR/LF pair split or joined by the edit stays inside.
        last = bisect_right(starts, end) + 1
        delta = len(inserted) - (end - start)
        window_start = starts[first]
        if last < len(starts):
            window_end = starts[last] + delta
            found = [b for b in _breaks(text, window_start, window_end) if b < window_end]
            tail = [s + delta for s in starts[last:]]
        else:
            found, tail = _breaks(text, window_start, len(text)), []
        return LineIndex(text, [*starts[: first + 1], *found, *tail])

    def whole_lines(self, start: int, end: int) -> tuple[int, int]:
        """From the start of the line holding `start` to the start of the line after the one
        holding `end` (the text's end on the last line): those lines, line breaks included.
        On the last line, whose end has no line break, the span starts at the line break
        before it instead, so that removing the span leaves no empty line behind."""
        starts = self._starts
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end) - 1
        if last + 1 < len(starts):
            return starts[first], starts[last + 1]
        if first > 0:
            return self.line_end(first - 1), len(self._text)
        return starts[first], len(self._text)

    def whole_lines_each(self, spans: Iterable[tuple[int, int]], make: type[PairT]) -> list[PairT]:
        """`whole_lines` of each span (inside the text), each made as `make` (a tuple type:
        `Span`), in one C pass that searches each span's lines from the previous span's and
        builds each result from the line starts' own ints: a few-shot file's fixes delete a
        hundred thousand lines."""
        found = spans if isinstance(spans, list | tuple) else list(spans)
        return whole_lines(self._starts, self._text, found, make)

    @property
    def line_count(self) -> int:
        """Number of lines (a trailing line break starts a final empty line)."""
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """Zero-based line that contains the character offset."""
        return bisect_right(self._starts, offset) - 1

    def line_start(self, line: int) -> int:
        """Character offset where a zero-based line starts."""
        return self._starts[min(max(line, 0), len(self._starts) - 1)]

    def line_end(self, line: int) -> int:
        """Character offset where a line's content ends (before its line break)."""
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            text = self._text
            if end > 0 and text[end - 1] == "\n":
                end -= 1
            if end > 0 and text[end - 1] == "\r":
                end -= 1
            return end
        return len(self._text)

    def line_text(self, line: int) -> str:
        """The text of a zero-based line without its line break."""
        return self._text[self.line_start(line) : self.line_end(line)]

    def position(self, offset: int, encoding: PositionEncoding = "utf-16") -> Position:
        """The position of a character offset, with the column in the given unit."""
        offset = min(max(offset, 0), len(self._text))
        line = self.line_of(offset)
        segment = self._text[self._starts[line] : offset]
        return Position(line, _units(segment, encoding))

    def line_columns(self, offsets: Iterable[int], base: int = 0) -> tuple[list[int], list[int]]:
        """The zero-based line and code-point column of each offset (clamped into the text),
        as two lists, `base` added to every number (1 for a report's 1-based ones): a report
        needs both for every finding, a hundred thousand of them. Found in C, each search
        starting from the previous offset's line (`_scan.line_columns`): a report's offsets
        come in order, and a bisection over a 10 MB file's line starts for each missed the
        cache at every step."""
        found = offsets if isinstance(offsets, list | tuple) else list(offsets)
        return line_columns(self._starts, found, len(self._text), base)

    def regions(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """The 1-based (line, column, end line, end column) of each span, columns in code
        points, a zero-width span ending at its start: every report format locates every
        finding so, in one C pass (`_scan.span_regions`)."""
        return span_regions(self._starts, spans, len(self._text))

    def bounds(self, lines: list[int]) -> tuple[list[int], list[int]]:
        """`line_start` and `line_end` of each zero-based line (each within the text), as two
        lists, in passes of C calls when the text has no CR."""
        starts, text = self._starts, self._text
        firsts = list(map(starts.__getitem__, lines))
        if "\r" in text:
            return firsts, [self.line_end(line) for line in lines]
        # LF only: a line's content ends just before the next line's start, the last line's
        # at the text's end (one before the sentinel).
        nexts = [*starts[1:], len(text) + 1]
        return firsts, list(map(sub, map(nexts.__getitem__, lines), repeat(1)))

    def line_column(self, offset: int, encoding: PositionEncoding = "utf-16") -> tuple[int, int]:
        """`position()` as a plain pair: the cheap form for reports and keys made per finding."""
        offset = min(max(offset, 0), len(self._text))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        if encoding == "utf-32":
            return line, offset - start
        return line, _units(self._text[start:offset], encoding)

    def offset(self, position: Position, encoding: PositionEncoding = "utf-16") -> int:
        """The character offset of a position; columns past the line end clamp to it."""
        if position.line >= len(self._starts):
            return len(self._text)
        start = self.line_start(position.line)
        end = self.line_end(position.line)
        if encoding == "utf-32" or self._text[start:end].isascii():
            return min(start + max(position.character, 0), end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += _units(self._text[index], encoding)
        return end


def _breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each line break in `text[start:end]`."""
    # In C: a 10 MB file has hundreds of thousands of lines (split into strings to measure
    # them was 75 ms of its check, a match object for each three times that).
    return line_breaks(text, start, end)


def _units(segment: str, encoding: PositionEncoding) -> int:
    """Length of a string in code units of the encoding."""
    if encoding == "utf-32" or segment.isascii():
        return len(segment)
    if encoding == "utf-16":
        return len(segment.encode("utf-16-le", "surrogatepass")) // 2
    return len(segment.encode("utf-8", "surrogatepass"))
