"""The `text` format written the plain way, one finding at a time with nothing remembered:
the reference the report's shared templates and bulk line layouts are held to."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.text import (
    _LABELS,
    ELLIPSIS,
    EXCERPT_LEAD,
    EXCERPT_WIDTH,
    TAB_WIDTH,
    _cell_width,
    _printable,
    _Style,
    _summary,
    _visible,
)


def reference_text(results: Sequence[FileResult], *, color: bool = False) -> str:
    """What `render_text` must print, built line by line for each finding."""
    style = _Style(color)
    out: list[str] = []
    for result in results:
        for finding in result.findings:
            out.extend(_block(result, finding, style))
            out.append("")
    out.append(_summary(results, style))
    return "\n".join(out) + "\n"


def _block(result: FileResult, finding: Finding, style: _Style) -> list[str]:
    lines, text, reset = result.lines, result.text, style.reset
    offset = min(max(finding.span.start, 0), len(text))
    line = lines.line_of(offset)
    line_start, line_end = lines.line_start(line), lines.line_end(line)
    start = min(max(finding.span.start, line_start), line_end)
    stop = min(max(finding.span.end, start), line_end)
    glyphs, cells = _layout(text[line_start:line_end])
    at = start - line_start
    first, last = 0, len(glyphs)
    if cells[-1] > EXCERPT_WIDTH:
        # A window: the span at most EXCERPT_LEAD cells in, or the window ending the line.
        lead = min(cells[at] - EXCERPT_LEAD, cells[-1] - EXCERPT_WIDTH)
        first = next(i for i, cell in enumerate(cells) if cell >= lead)
        last = max(i for i in range(first, len(cells)) if cells[i] <= cells[first] + EXCERPT_WIDTH)
    before = ELLIPSIS if first > 0 else ""
    shown = before + "".join(glyphs[first:last]) + (ELLIPSIS if last < len(glyphs) else "")
    indent = len(before) + cells[at] - cells[first]
    width = max(1, cells[min(stop - line_start, last)] - cells[at])
    painted = style.severities[finding.severity]
    number = str(line + 1)
    block = [
        f"{style.bold}{result.path}:{number}:{offset - line_start + 1}:{reset} "
        f"{painted}{finding.code}{reset} {painted}[{_LABELS[finding.severity]}]{reset} "
        f"{_printable(finding.message)}",
        f"  {style.gutter}{number} |{reset} {shown}".rstrip(),
        f"  {style.gutter}{' ' * len(number)} |{reset} {' ' * indent}"
        f"{painted}^{'~' * (width - 1)}{reset}",
    ]
    if finding.ollama_message:
        block.append(f"  {style.ollama}ollama:{reset} {_printable(finding.ollama_message)}")
    block.extend(f"  {style.fix}fix:{reset} {_printable(fix.title)}" for fix in finding.fixes)
    for related in finding.related:
        at_line, at_column = lines.line_column(related.span.start, "utf-32")
        block.append(
            f"  {style.note}note:{reset} {result.path}:{at_line + 1}:{at_column + 1}: "
            f"{_printable(related.message)}"
        )
    return block


def _layout(line: str) -> tuple[list[str], list[int]]:
    """Each character laid out on its own: tabs to the next stop, the rest as `_visible`;
    each one's glyph and the cell it starts at (and where the line ends)."""
    shown: list[str] = []
    cells = [0]
    for char in line:
        glyph = " " * (TAB_WIDTH - cells[-1] % TAB_WIDTH) if char == "\t" else _visible(char)
        shown.append(glyph)
        cells.append(cells[-1] + sum(_cell_width(c) for c in glyph))
    return shown, cells
