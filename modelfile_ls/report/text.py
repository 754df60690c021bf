"""The `text` format: each finding with its source line and a caret under the span, then a summary.

Modelfile:3:11: MF101 [error] unknown parameter "temperatur"
  3 | PARAMETER temperatur 0.5
    |           ^~~~~~~~~~
  ollama: unknown parameter 'temperatur'
  fix: Replace with "temperature"

Found 1 error in 1 file (1 file checked).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from modelfile_ls.analysis.finding import Related, Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import files_with_findings, severity_counts

TAB_WIDTH = 4

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
    style = _Style(color)
    out: list[str] = []
    for result in results:
        _Blocks(result, style).add_all(out)
    out.append(_summary(results, style))
    return "\n".join(out) + "\n"


class _Blocks:
    """Lays out the findings of one file, each line of it once however many findings point
    into it (a long line with many invisible characters), and each line of output that
    findings share once however many share it (a few-shot file repeats one message, fix and
    note thousands of times): a 10 MB file can carry a hundred thousand findings."""

    def __init__(self, result: FileResult, style: _Style) -> None:
        self.result = result
        self.style = style
        self.printable: dict[str, str] = {}
        self.carets: dict[tuple[int, int, int, Severity], str] = {}

    def shown(self, text: str) -> str:
        """`_printable(text)`, remembered."""
        found = self.printable.get(text)
        if found is None:
            found = self.printable[text] = _printable(text)
        return found

    def add_all(self, out: list[str]) -> None:
        """Append every finding's block (location and message, excerpt, Ollama's words, fixes
        and notes) as one string ending in the empty line that follows it."""
        result, style = self.result, self.style
        lines, path, text, reset = result.lines, result.path, result.text, style.reset
        bold, shown, carets = style.bold, self.shown, self.carets
        length = len(text)
        append = out.append
        findings = result.findings
        # What follows the location on a finding's first line, per code, severity and
        # message; and the lines after its caret, per Ollama message, fixes and notes.
        heads: dict[tuple[str, Severity, str], str] = {}
        tails: dict[tuple[str | None, tuple[str, ...], tuple[Related, ...]], str] = {}
        # Findings come sorted by position: each one's line is searched for from the
        # previous one's (`LineIndex.locate_each`), and the findings on one line follow each
        # other, so its layout is made once for all of them.
        located = lines.locate_each([finding.span.start for finding in findings])
        last_line = -1
        number, excerpt = "", ""
        cells: Sequence[int] = range(0)
        for finding, (line, line_start, line_end) in zip(findings, located, strict=True):
            code, severity, message, (span_start, span_end), fixes, related, ollama, _ = finding
            if line != last_line:
                last_line, number = line, str(line + 1)
                laid_out, cells = _layout(text[line_start:line_end])
                excerpt = f"  {style.gutter}{number} |{reset} {laid_out}".rstrip()
            if 0 <= span_start <= length:
                column = span_start - line_start + 1
            else:
                column = min(max(span_start, 0), length) - line_start + 1
            if line_start <= span_start <= span_end <= line_end:
                start, stop = span_start, span_end
            else:
                start = min(max(span_start, line_start), line_end)
                stop = min(max(span_end, start), line_end)
            indent = cells[start - line_start]
            width = cells[stop - line_start] - indent
            if width < 1:
                width = 1
            head = heads.get((code, severity, message))
            if head is None:
                painted = style.severities[severity]
                head = heads[(code, severity, message)] = (
                    f"{painted}{code}{reset} {painted}[{_LABELS[severity]}]{reset} {shown(message)}"
                )
            titles = (fixes[0].title,) if len(fixes) == 1 else tuple(f.title for f in fixes)
            tail = tails.get((ollama, titles, related))
            if tail is None:
                tail = tails[(ollama, titles, related)] = self._tail(ollama, titles, related)
            caret_key = (len(number), indent, width, severity)
            caret = carets.get(caret_key) or self._caret(*caret_key)
            append(f"{bold}{path}:{number}:{column}:{reset} {head}\n{excerpt}\n{caret}{tail}\n")

    def _tail(
        self, ollama: str | None, titles: tuple[str, ...], related: tuple[Related, ...]
    ) -> str:
        """The lines after a finding's caret, each after a line break: Ollama's own words (so
        users can match what `ollama create` prints, or search for it), fixes, then notes."""
        style = self.style
        parts = [f"  {style.ollama}ollama:{style.reset} {self.shown(ollama)}"] if ollama else []
        parts += (f"  {style.fix}fix:{style.reset} {self.shown(title)}" for title in titles)
        parts += (self._note(note) for note in related)
        return "".join("\n" + part for part in parts)

    def _caret(self, digits: int, indent: int, width: int, severity: Severity) -> str:
        """The caret line under the part of the span on its first line (`digits` wide gutter),
        remembered."""
        key = (digits, indent, width, severity)
        found = self.carets.get(key)
        if found is None:
            style = self.style
            found = self.carets[key] = (
                f"  {style.gutter}{' ' * digits} |{style.reset} {' ' * indent}"
                f"{style.severities[severity]}^{'~' * (width - 1)}{style.reset}"
            )
        return found

    def _note(self, related: Related) -> str:
        style = self.style
        at_line, at_column = self.result.lines.line_column(related.span.start, "utf-32")
        return (
            f"  {style.note}note:{style.reset} {self.result.path}:{at_line + 1}:{at_column + 1}: "
            f"{self.shown(related.message)}"
        )


def _layout(line: str) -> tuple[str, Sequence[int]]:
    """The line as the terminal should show it and the display column where each character starts.

    Tabs expand to the next multiple of TAB_WIDTH, wide characters take two cells and control
    characters become visible, so the caret lands under the span whatever the line holds.
    """
    if line.isascii() and line.isprintable():
        # The usual line: every character is one cell and shown as it is.
        return line, range(len(line) + 1)
    shown: list[str] = []
    cells = [0]
    column = 0
    for char in line:
        text = " " * (TAB_WIDTH - column % TAB_WIDTH) if char == "\t" else _visible(char)
        shown.append(text)
        column += sum(_cell_width(c) for c in text)
        cells.append(column)
    return "".join(shown), cells


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
