"""Formatting: canonical keyword case and spacing, without changing what Ollama reads.

What it changes, and why each change is invisible to Ollama's parser:
- keywords to upper case: keywords are matched case-insensitively;
- the blanks between keyword (or PARAMETER name, MESSAGE role) and value to one space:
  the separator is one space or tab and the value is trimmed before it is unquoted;
- blanks after an unquoted value or a closing quote: trimmed the same way.
What it never touches: value contents (inside quotes, or the lines of a multi-line value),
comments, indentation, blank lines, PARAMETER names and roles (both case-sensitive), an empty
name or role (`PARAMETER  x`: the double space is meaningful), and instructions Ollama
rejects, except for their keyword's case.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import TextEdit
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Quoting, Span


def format_edits(parsed: ParsedModelfile, span: Span | None = None) -> list[TextEdit]:
    """The edits that format the document (or the instructions overlapping `span`), in order."""
    edits: list[TextEdit] = []
    for instruction in parsed.instructions:
        if span is not None and (
            instruction.span.end < span.start or instruction.span.start > span.end
        ):
            continue
        edits.extend(_instruction_edits(parsed.text, instruction))
    return edits


def format_text(parsed: ParsedModelfile) -> str:
    """The formatted document text."""
    return apply_edits(parsed.text, format_edits(parsed))


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """Apply non-overlapping edits to a text."""
    pieces = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        pieces.append(text[position : edit.span.start])
        pieces.append(edit.new_text)
        position = edit.span.end
    pieces.append(text[position:])
    return "".join(pieces)


def _blank(text: str, start: int, end: int) -> bool:
    """Whether `start..end` holds only spaces and tabs (the only blanks formatting edits)."""
    return not text[start:end].strip(" \t")


def _instruction_edits(text: str, instruction: Instruction) -> list[TextEdit]:
    edits = []
    keyword = instruction.keyword
    written = instruction.keyword_text
    if keyword and written != keyword and written.isalpha() and written.upper() == keyword:
        edits.append(TextEdit(instruction.keyword_span, keyword))
    value = instruction.value
    if instruction.has_error or value is None:
        return edits
    qualifier = instruction.name_span or instruction.role_span
    if qualifier is not None:
        if qualifier.start == qualifier.end:
            return edits
        # Exactly one separator rune follows the keyword; a tab becomes a space.
        after_keyword = Span(instruction.keyword_span.end, qualifier.start)
        if text[after_keyword.start : after_keyword.end] != " ":
            edits.append(TextEdit(after_keyword, " "))
        separator_start = qualifier.end
    else:
        separator_start = instruction.keyword_span.end
    first = value.open_span.start if value.open_span else value.content_span.start
    if text[separator_start:first] != " " and _blank(text, separator_start, first):
        edits.append(TextEdit(Span(separator_start, first), " "))
    last = value.close_span.end if value.close_span else value.content_span.end
    trailing = value.quoting is Quoting.NONE or value.close_span is not None
    if last > first and last < value.span.end and trailing and _blank(text, last, value.span.end):
        edits.append(TextEdit(Span(last, value.span.end), ""))
    return edits
