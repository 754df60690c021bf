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
        self.layouts: dict[int, tuple[str, Sequence[int], str]] = {}
        self.printable: dict[str, str] = {}
        self.carets: dict[tuple[int, int, int, Severity], str] = {}
        self.fixes: dict[str, str] = {}
        self.notes: dict[Related, str] = {}

    def shown(self, text: str) -> str:
        """`_printable(text)`, remembered."""
        found = self.printable.get(text)
        if found is None:
            found = self.printable[text] = _printable(text)
        return found

    def add_all(self, out: list[str]) -> None:
        """Append every finding's lines (location and message, excerpt, Ollama's words, fixes
        and notes), each block followed by an empty line."""
        result, style = self.result, self.style
        lines, path, text, reset = result.lines, result.path, result.text, style.reset
        bold, severities, layouts, shown = style.bold, style.severities, self.layouts, self.shown
        length = len(text)
        append = out.append
        findings = result.findings
        # Findings come sorted by position: each one's line is searched for from the
        # previous one's (`LineIndex.locate_each`).
        located = lines.locate_each([finding.span.start for finding in findings])
        for finding, (line, line_start, line_end) in zip(findings, located, strict=True):
            span = finding.span
            column = min(max(span.start, 0), length) - line_start + 1
            start = min(max(span.start, line_start), line_end)
            stop = min(max(span.end, start), line_end)
            severity = finding.severity
            painted = severities[severity]
            laid_out = layouts.get(line)
            if laid_out is None:
                laid_out = layouts[line] = self._excerpt(line, text[line_start:line_end])
            _, cells, excerpt = laid_out
            indent = cells[start - line_start]
            width = max(1, cells[stop - line_start] - indent)
            append(
                f"{bold}{path}:{line + 1}:{column}:{reset} "
                f"{painted}{finding.code}{reset} {painted}[{_LABELS[severity]}]{reset} "
                f"{shown(finding.message)}"
            )
            append(excerpt)
            append(self._caret(line, indent, width, severity))
            if finding.ollama_message:
                # Ollama's own words, so users can match what `ollama create` prints or search.
                append(f"  {style.ollama}ollama:{reset} {shown(finding.ollama_message)}")
            for fix in finding.fixes:
                append(self.fixes.get(fix.title) or self._fix(fix.title))
            for related in finding.related:
                append(self.notes.get(related) or self._note(related))
            append("")

    def _excerpt(self, line: int, text: str) -> tuple[str, Sequence[int], str]:
        """The line's layout and its excerpt line: the span's first line, with its number."""
        shown, cells = _layout(text)
        style = self.style
        return shown, cells, f"  {style.gutter}{line + 1} |{style.reset} {shown}".rstrip()

    def _caret(self, line: int, indent: int, width: int, severity: Severity) -> str:
        """The caret line under the part of the span on its first line, remembered."""
        digits = len(str(line + 1))
        key = (digits, indent, width, severity)
        found = self.carets.get(key)
        if found is None:
            style = self.style
            found = self.carets[key] = (
                f"  {style.gutter}{' ' * digits} |{style.reset} {' ' * indent}"
                f"{style.severities[severity]}^{'~' * (width - 1)}{style.reset}"
            )
        return found

    def _fix(self, title: str) -> str:
        style = self.style
        found = self.fixes[title] = f"  {style.fix}fix:{style.reset} {self.shown(title)}"
        return found

    def _note(self, related: Related) -> str:
        style = self.style
        at_line, at_column = self.result.lines.line_column(related.span.start, "utf-32")
        found = self.notes[related] = (
            f"  {style.note}note:{style.reset} {self.result.path}:{at_line + 1}:{at_column + 1}: "
            f"{self.shown(related.message)}"
        )
        return found


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
