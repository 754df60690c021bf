"""Building blocks for fixes: delete an instruction, replace a span."""

from __future__ import annotations

from modelfile_ls.analysis.finding import Fix, TextEdit
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span


def replace(span: Span, new_text: str, title: str) -> Fix:
    """A fix that replaces one span."""
    return Fix(title, (TextEdit(span, new_text),))


def change_to(span: Span, new_text: str) -> Fix:
    """The usual did-you-mean fix: replace a span with the suggested text."""
    return replace(span, new_text, f"Change to `{new_text}`")


def delete_instruction(parsed: ParsedModelfile, instruction: Instruction, title: str) -> Fix:
    """A fix that removes an instruction's whole lines, line break included."""
    lines = parsed.lines
    first = lines.line_of(instruction.span.start)
    last = lines.line_of(instruction.span.end)
    start = lines.line_start(first)
    end = lines.line_start(last + 1) if last + 1 < lines.line_count else len(parsed.text)
    if end == len(parsed.text) and start > 0 and last + 1 >= lines.line_count:
        start = lines.line_end(first - 1)
    return Fix(title, (TextEdit(Span(start, end), ""),))


def line_indent(parsed: ParsedModelfile, offset: int) -> str:
    """The leading spaces and tabs of the line containing `offset`."""
    text = parsed.lines.line_text(parsed.lines.line_of(offset))
    return text[: len(text) - len(text.lstrip(" \t"))]


def newline_of(parsed: ParsedModelfile) -> str:
    """The document's line break style (CRLF if its first line break is CRLF)."""
    index = parsed.text.find("\n")
    return "\r\n" if index > 0 and parsed.text[index - 1] == "\r" else "\n"
