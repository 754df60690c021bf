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

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import files_with_findings, region, severity_counts

TAB_WIDTH = 4

_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
    Severity.HINT: ("hint", "hints"),
}
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
    """ANSI styling that is a no-op unless color is on."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def paint(self, sgr: str, text: str) -> str:
        """Wrap text in an SGR escape sequence when color is on."""
        return f"\x1b[{sgr}m{text}\x1b[0m" if self.color else text

    def severity(self, severity: Severity, text: str) -> str:
        """Text in the color of a severity."""
        return self.paint(_SEVERITY_COLORS[severity], text)


def render_text(results: Sequence[FileResult], *, color: bool = False) -> str:
    """Findings with source excerpts, then a one-line summary; ANSI color only when asked."""
    style = _Style(color)
    out: list[str] = []
    for result in results:
        for finding in result.findings:
            out.extend(_finding_block(result, finding, style))
            out.append("")
    out.append(_summary(results, style))
    return "\n".join(out) + "\n"


def _finding_block(result: FileResult, finding: Finding, style: _Style) -> list[str]:
    where = region(result.lines, finding.span)
    severity = finding.severity
    block = [
        f"{style.paint('1', f'{result.path}:{where.line}:{where.column}:')} "
        f"{style.severity(severity, finding.code)} "
        f"{style.severity(severity, f'[{severity.label}]')} {_printable(finding.message)}"
    ]
    block.extend(_excerpt(result, finding, where.line - 1, style))
    if finding.ollama_message:
        # Ollama's own words, so users can match what `ollama create` prints or search for it.
        block.append(f"  {style.paint('1;35', 'ollama:')} {_printable(finding.ollama_message)}")
    for fix in finding.fixes:
        block.append(f"  {style.paint('1;32', 'fix:')} {_printable(fix.title)}")
    for related in finding.related:
        at = region(result.lines, related.span)
        block.append(
            f"  {style.paint('1;36', 'note:')} {result.path}:{at.line}:{at.column}: "
            f"{_printable(related.message)}"
        )
    return block


def _excerpt(result: FileResult, finding: Finding, line: int, style: _Style) -> list[str]:
    """The span's first line and a caret line under the part of the span on it."""
    lines = result.lines
    line_start, line_end = lines.line_start(line), lines.line_end(line)
    start = min(max(finding.span.start, line_start), line_end)
    stop = min(max(finding.span.end, start), line_end)
    shown, cells = _layout(result.text[line_start:line_end])
    indent = cells[start - line_start]
    width = max(1, cells[stop - line_start] - indent)
    number = str(line + 1)
    gutter = " " * len(number)
    caret = style.severity(finding.severity, "^" + "~" * (width - 1))
    return [
        f"  {style.paint('34', f'{number} |')} {shown}".rstrip(),
        f"  {style.paint('34', f'{gutter} |')} {' ' * indent}{caret}",
    ]


def _layout(line: str) -> tuple[str, list[int]]:
    """The line as the terminal should show it and the display column where each character starts.

    Tabs expand to the next multiple of TAB_WIDTH, wide characters take two cells and control
    characters become visible, so the caret lands under the span whatever the line holds.
    """
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
