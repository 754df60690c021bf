"""The `text` format: each finding with its source line and a caret under the span, then a summary.

Modelfile:3:11: MF101 [error] unknown parameter "temperatur"
  3 | PARAMETER temperatur 0.5
    |           ^~~~~~~~~~
  ollama: unknown parameter 'temperatur'
  fix: Replace with "temperature"

Found 1 error in 1 file (1 file checked).

A line wider than `EXCERPT_WIDTH` cells (a pasted prompt on one line) is shown as a window of
that many cells around the span, `…` marking each side cut off: the span starts at most
`EXCERPT_LEAD` cells into it, or the window ends at the line's end. A terminal would wrap the
whole line into dozens of rows for each of its findings.
"""

from __future__ import annotations

import sys
from _bisect import bisect_left, bisect_right
from _operator import add, attrgetter, itemgetter
from itertools import repeat

from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.report.model import FileResult, pieces_of
from modelfile_ls.report.regions import files_with_findings, severity_counts
from modelfile_ls.static_types import TYPE_CHECKING

# The syntax layer's run finder, and report/_blocks.c compiled into the same extension module
# (it says why).
from modelfile_ls.syntax._scan import PRINTABLE, plain_lines, run_end, text_piece

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import TypeAlias

TAB_WIDTH = 4
EXCERPT_WIDTH = 120
EXCERPT_LEAD = 40
ELLIPSIS = "\u2026"

_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
    Severity.HINT: ("hint", "hints"),
}
_LABELS = {severity: severity.label for severity in Severity}
_SEVERITY_COLORS = {
    Severity.ERROR: "1;31",
    Severity.WARNING: "1;33",
    Severity.INFO: "1;34",
    Severity.HINT: "1;36",
}
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class _Style:
    """ANSI escape sequences to put around styled text: all empty unless color is on.

    Plain strings rather than a `paint()` call, so a report of 100,000 findings spends no
    time styling when color is off.
    """

    def __init__(self, color: bool) -> None:
        self.color = color
        self.reset = "\x1b[0m" if color else ""
        self.bold = self.start("1")
        self.gutter = self.start("34")
        self.ollama = self.start("1;35")
        self.fix = self.start("1;32")
        self.note = self.start("1;36")
        self.severities = {severity: self.start(sgr) for severity, sgr in _SEVERITY_COLORS.items()}

    def start(self, sgr: str) -> str:
        """The sequence that starts an SGR style (empty when color is off)."""
        return f"\x1b[{sgr}m" if self.color else ""

    def paint(self, sgr: str, text: str) -> str:
        """Wrap text in an SGR escape sequence when color is on."""
        return f"{self.start(sgr)}{text}{self.reset}"


def render_text(results: Sequence[FileResult], *, color: bool = False) -> str:
    """Findings with source excerpts, then a one-line summary; ANSI color only when asked."""
    return "".join(text_pieces(results, color=color))


def text_pieces(results: Sequence[FileResult], *, color: bool = False) -> Iterator[str]:
    """`render_text` in pieces of a few thousand blocks each, made as they are written: the
    report of a 10 MB few-shot file is 30 MB, which as one string (and its bytes) took a
    tenth of the check in memory first touched."""
    style = _Style(color)
    for result in results:
        yield from _Blocks(result, style).pieces()
    yield _summary(results, style) + "\n"


PIECE_BLOCKS = 4096
"""Blocks per piece of a text report (~1 MB)."""


_SPAN = attrgetter("span")
_START = itemgetter(0)
_KEY_FIELDS = (
    *map(Finding._fields.index, ("code", "severity", "message", "ollama_message", "related")),
    Finding._fields.index("fixes"),
    Fix._fields.index("title"),
)
"""Where a block's key reads its finding (what its text depends on but its position and
excerpt) and each fix's title (`_blocks.text_piece`)."""


class _Blocks:
    """Lays out the findings of one file: each line of it once however many findings point
    into it (a long line with many invisible characters), and each block's text through one
    template per shape (message, fixes, notes, caret and gutter width), since a few-shot file
    repeats one message, fix and note thousands of times: a 10 MB file can carry a hundred
    thousand findings, whose blocks then differ only in their numbers and excerpt."""

    def __init__(self, result: FileResult, style: _Style) -> None:
        self.result = result
        self.style = style
        self.printable: dict[str, str] = {}
        self.gutter = (f"  {style.gutter}", f" |{style.reset}")
        """What an excerpt line has before and after its number."""
        self.glyphs: dict[int, list[str]] = {}
        self.templates: dict[_Key, tuple[str, str]] = {}
        self.last_line: tuple[int, _Line] | None = None
        """The number and layout of the previous piece's last line: the next piece's findings
        may start on it (a long line's thousands), and it is laid out once."""

    def shown(self, text: str) -> str:
        """`_printable(text)`, remembered."""
        found = self.printable.get(text)
        if found is None:
            found = self.printable[text] = _printable(text)
        return found

    def pieces(self) -> Iterator[str]:
        """Every finding's block (location and message, excerpt, caret, Ollama's words, fixes
        and notes), each followed by a line break, `PIECE_BLOCKS` blocks to a piece: a piece's
        lists are made, used and freed before the next one's, so a report of a hundred
        thousand findings reuses the memory of its first piece."""
        head = f"{self.style.bold}{self.result.path}:"
        for chunk in pieces_of(self.result.findings, PIECE_BLOCKS):
            spans = list(map(_SPAN, chunk))
            numbers, columns = self.result.lines.line_columns(map(_START, spans))
            # The blocks made in C, from a template per key.
            yield text_piece(
                head,
                chunk,
                _KEY_FIELDS,
                spans,
                columns,
                self._layouts(numbers),
                self.templates,
                self._template,
                self._placed,
                _ONE_CELL_EACH,
            )

    def _layouts(self, numbers: list[int]) -> list[_Line]:
        """The layout of each finding's line (its 0-based number), each line laid out once
        (findings sorted by position start their piece on the previous piece's last line)."""
        distinct = list(dict.fromkeys(numbers))
        last = self.last_line
        if last is not None and distinct[0] == last[0]:
            laid_out = [last[1], *self._lines(distinct[1:])]
        else:
            laid_out = self._lines(distinct)
        self.last_line = (distinct[-1], laid_out[-1])
        if len(distinct) == len(numbers):
            return laid_out
        return list(map(dict(zip(distinct, laid_out, strict=True)).__getitem__, numbers))

    def _placed(self, span_start: int, span_end: int, laid_out: _Line) -> tuple[str, int, int]:
        """A finding's excerpt line, and its caret's indent and width: the span clamped into
        its first line, the line's own window when the line is too wide to share."""
        line_start, line_end, excerpt, cells, label = laid_out
        start = min(max(span_start, line_start), line_end)
        stop = min(max(span_end, start), line_end)
        if excerpt is None:
            return self._window(line_start, line_end, cells, label, start, stop)
        indent = cells[start - line_start]
        return excerpt, indent, cells[stop - line_start] - indent

    def _lines(self, numbers: list[int]) -> list[_Line]:
        """Of each line: its start and content end, excerpt line (its number in the gutter),
        layout and number, all lines at once."""
        lines, text = self.result.lines, self.result.text
        starts, ends = lines.bounds(numbers)
        opening, closing = self.gutter
        # Lines of printable ASCII, the usual case, laid out in C.
        plain = plain_lines(
            text, starts, ends, numbers, opening, closing, _ONE_CELL_EACH, EXCERPT_WIDTH
        )
        if plain is not None:
            return plain
        # Any other line may be wider than it is long (a tab takes up to TAB_WIDTH cells).
        texts = list(map(text.__getitem__, map(slice, starts, ends)))
        shown, cells = zip(*map(_layout, texts), strict=True)
        labels = list(map(str, map(add, numbers, repeat(1))))
        excerpts = [
            None if layout[length] > EXCERPT_WIDTH else excerpt
            for layout, length, excerpt in zip(
                cells, map(len, texts), self._excerpts(labels, shown), strict=True
            )
        ]
        return list(zip(starts, ends, excerpts, cells, labels, strict=True))

    def _window(
        self,
        line_start: int,
        line_end: int,
        cells: Sequence[int],
        label: str,
        start: int,
        stop: int,
    ) -> tuple[str, int, int]:
        """The excerpt of a line wider than `EXCERPT_WIDTH`, with the caret's indent and width
        (the characters from `start` to `stop` underlined, as far as the window shows them)."""
        size = line_end - line_start
        at = start - line_start
        lead = min(cells[at] - EXCERPT_LEAD, cells[size] - EXCERPT_WIDTH)
        first = bisect_left(cells, lead, 0, size + 1) if lead > 0 else 0
        last = bisect_right(cells, cells[first] + EXCERPT_WIDTH, first, size + 1) - 1
        text = self.result.text[line_start + first : line_start + last]
        if not (text.isascii() and text.isprintable()):
            text = "".join(self._glyphs(line_start, line_end, cells)[first:last])
        before = ELLIPSIS if first else ""
        shown = before + text + (ELLIPSIS if last < size else "")
        indent = len(before) + cells[at] - cells[first]
        width = cells[min(stop - line_start, last)] - cells[at]
        return self._excerpts([label], [shown])[0], indent, width

    def _excerpts(self, labels: Iterable[str], shown: Iterable[str]) -> list[str]:
        """Each line as shown after its number in the gutter, without trailing blanks (none
        after the gutter on a blank line)."""
        opening, closing = self.gutter
        return [
            f"{opening}{label}{closing} {tail}" if tail else f"{opening}{label}{closing}"
            for label, tail in zip(labels, map(str.rstrip, shown), strict=True)
        ]

    def _glyphs(self, line_start: int, line_end: int, cells: Sequence[int]) -> list[str]:
        """How each character of a wide line is shown (a tab as the spaces to its stop), made
        once per line: a pasted prompt's line can carry thousands of findings."""
        glyphs = self.glyphs.get(line_start)
        if glyphs is None:
            line = self.result.text[line_start:line_end]
            glyphs = self.glyphs[line_start] = [
                " " * (cells[i + 1] - cells[i]) if char == "\t" else _glyph(char)[0]
                for i, char in enumerate(line)
            ]
        return glyphs

    def _template(self, key: _Key) -> tuple[str, str]:
        """A shape's text around the excerpt: after the location, and from the caret on."""
        code, severity, message, ollama_message, related, fixes, digits, indent, width = key
        titles = (fixes,) if isinstance(fixes, str) else fixes
        style, shown, reset = self.style, self.shown, self.style.reset
        painted = style.severities[severity]
        head = f":{reset} {painted}{code}{reset} {painted}[{_LABELS[severity]}]{reset} "
        parts = [
            f"  {style.gutter}{' ' * digits} |{reset} {' ' * indent}"
            f"{painted}^{'~' * (width - 1)}{reset}"
        ]
        if ollama_message:
            # Ollama's own words, so users can match what `ollama create` prints or search.
            parts.append(f"  {style.ollama}ollama:{reset} {shown(ollama_message)}")
        parts.extend(f"  {style.fix}fix:{reset} {shown(title)}" for title in titles)
        parts.extend(self._note(note) for note in related)
        return f"{head}{shown(message)}\n", "\n" + "\n".join(parts) + "\n"

    def _note(self, related: Related) -> str:
        style = self.style
        at_line, at_column = self.result.lines.line_column(related.span.start, "utf-32")
        return (
            f"  {style.note}note:{style.reset} {self.result.path}:{at_line + 1}:{at_column + 1}: "
            f"{self.shown(related.message)}"
        )


_Key = tuple[
    str, Severity, str, str | None, tuple[Related, ...], str | tuple[str, ...], int, int, int
]
"""What a block's text depends on but its numbers and excerpt: the finding's code, severity,
message, Ollama's words and notes, its fixes' titles (the one title as it is), the gutter's
width and the caret's indent and width."""

_Line: TypeAlias = "tuple[int, int, str | None, Sequence[int], str]"
"""A line's start and content end, its excerpt line (None: too wide to share, each finding
gets its own window of it), its layout's cells and its number."""

_ONE_CELL_EACH = range(sys.maxsize)
"""The cells of a line of printable ASCII, shared by all: character i starts at column i."""


def _layout(line: str) -> tuple[str, Sequence[int]]:
    """The line as the terminal should show it and the display column where each character starts.

    Tabs expand to the next multiple of TAB_WIDTH, wide characters take two cells and control
    characters become visible, so the caret lands under the span whatever the line holds.
    """
    if line.isascii() and line.isprintable():
        # The usual line: every character is one cell and shown as it is.
        return line, _ONE_CELL_EACH
    shown: list[str] = []
    cells = [0]
    column = 0
    at = 0
    # Runs of printable ASCII (one cell a character, shown as they are) in one step each, the
    # characters between them one by one: a pasted prompt's 10,000-character line may hold a
    # few invisible characters.
    while at < len(line):
        printable_end = run_end(line, at, len(line), PRINTABLE)
        if printable_end > at:
            shown.append(line[at:printable_end])
            cells.extend(range(column + 1, column + printable_end - at + 1))
            column += printable_end - at
            at = printable_end
            continue
        if line[at] == "\t":
            text = " " * (TAB_WIDTH - column % TAB_WIDTH)
            column += len(text)
        else:
            text, width = _glyph(line[at])
            column += width
        shown.append(text)
        cells.append(column)
        at += 1
    return "".join(shown), cells


@lru_cache(maxsize=4096)
def _glyph(char: str) -> tuple[str, int]:
    """How a character other than a tab is shown, and how many cells that takes."""
    text = _visible(char)
    return text, sum(_cell_width(c) for c in text)


def _visible(char: str) -> str:
    """A character that cannot move the cursor or restyle the terminal."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in _BIDI_CONTROLS:
        return "\ufffd"
    return char


def _cell_width(char: str) -> int:
    # Imported here: only a line holding a control or non-ASCII character needs it, and its
    # import (a shared library) is ~0.1 ms of every other `--check`.
    import unicodedata

    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(text: str) -> str:
    # `isprintable` is False for every character `_visible` replaces (controls, bidi formats).
    if text.isprintable():
        return text
    return "".join(_visible(char) for char in text)


def _summary(results: Sequence[FileResult], style: _Style) -> str:
    checked = _count(len(results), ("file", "files"))
    counts = severity_counts(results)
    if not counts:
        return style.paint("1;32", f"All checks passed ({checked}).")
    found = ", ".join(
        _count(counts[severity], _NOUNS[severity])
        for severity in sorted(counts, reverse=True)
        if counts[severity]
    )
    files = _count(files_with_findings(results), ("file", "files"))
    worst = max(counts)
    sgr = _SEVERITY_COLORS[worst] if worst >= Severity.WARNING else "1"
    return style.paint(sgr, f"Found {found} in {files} ({checked} checked).")


def _count(number: int, nouns: tuple[str, str]) -> str:
    return f"{number} {nouns[0] if number == 1 else nouns[1]}"
