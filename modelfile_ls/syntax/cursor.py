"""What is at a cursor: the part of an instruction being typed, the text typed so far, its span.

Completion, hover and signature-like features ask this one question. The answer follows
Ollama's own reading of the text (a line swallowed by an unterminated quote is value text,
because that is what Ollama will do with it), and works on lines still being typed
(`PARAM`, `PARAMETER te`, `FROM lla`, `TEMPLATE {{ .Sy`), since the scanner records an
instruction with spans even when Ollama would stop at it.

Lookups are bisections over the parsed instructions and comments (ordered by offset), so
the cost does not grow with the document.
"""

from __future__ import annotations

from _bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import Enum

from modelfile_ls.syntax.model import Comment, Instruction, ParsedModelfile, Quoting, Span

_IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_REFERENCE_KEYWORDS = frozenset({"FROM", "ADAPTER", "DRAFT"})


class CursorKind(Enum):
    """The kind of place a cursor is in."""

    KEYWORD = "keyword"
    """Where an instruction keyword is or can be typed (a line start)."""
    PARAMETER_NAME = "parameter-name"
    PARAMETER_VALUE = "parameter-value"
    MESSAGE_ROLE = "message-role"
    REFERENCE = "reference"
    """The value of FROM, ADAPTER or DRAFT: a model name or a path."""
    TEMPLATE = "template"
    """A TEMPLATE value, outside any `{{ }}` action."""
    TEMPLATE_ACTION = "template-action"
    """Inside a `{{ }}` action of a TEMPLATE value (closed or still being typed)."""
    COMMENT = "comment"
    VALUE = "value"
    """Any other value: SYSTEM, LICENSE, MESSAGE content, REQUIRES, RENDERER, PARSER."""
    NONE = "none"
    """Nothing meaningful can be typed here (after an unknown keyword, inside indentation)."""


@dataclass(frozen=True, slots=True)
class CursorContext:
    """The answer of `cursor_context`: where the cursor is and what has been typed there."""

    kind: CursorKind
    offset: int
    prefix: str
    """The text of the current token from its start up to the cursor."""
    token_span: Span
    """The whole token under the cursor (what a completion replaces), on the cursor's line."""
    instruction: Instruction | None = None
    keyword: str = ""
    """The instruction Ollama applies (`PARAMETER system x` is SYSTEM); "" when unknown."""
    parameter: str | None = None
    """The PARAMETER name, for PARAMETER_VALUE."""
    comment: Comment | None = None


def instruction_at(parsed: ParsedModelfile, offset: int) -> Instruction | None:
    """The instruction whose span contains the offset (its end included), by bisection."""
    items = parsed.instructions
    index = bisect_right(items, offset, key=lambda i: i.span.start) - 1
    if index >= 0 and items[index].span.contains(offset):
        return items[index]
    return None


def comment_at(parsed: ParsedModelfile, offset: int) -> Comment | None:
    """The comment whose text (after its `#`) contains the offset, by bisection."""
    items = parsed.comments
    index = bisect_left(items, offset, key=lambda c: c.span.start) - 1
    if index >= 0 and items[index].span.start < offset <= items[index].span.end:
        return items[index]
    return None


def cursor_context(parsed: ParsedModelfile, offset: int) -> CursorContext:
    """Classify the cursor at a character offset (clamped to the text)."""
    offset = min(max(offset, 0), len(parsed.text))
    instruction = instruction_at(parsed, offset)
    if instruction is not None:
        return _in_instruction(parsed, instruction, offset)
    comment = comment_at(parsed, offset)
    if comment is not None:
        start, end = _word(parsed.text, offset, comment.span.start + 1, comment.span.end)
        return _context(parsed, CursorKind.COMMENT, offset, start, end, comment=comment)
    lines = parsed.lines
    line_start = lines.line_start(lines.line_of(offset))
    # Between instructions only blanks remain; the cursor is at a line start when every
    # character before it on its line is a space or tab (Ollama skips them before keywords).
    if parsed.text[line_start:offset].strip(" \t"):
        return _context(parsed, CursorKind.NONE, offset, offset, offset)
    return _context(parsed, CursorKind.KEYWORD, offset, offset, offset)


def _context(
    parsed: ParsedModelfile,
    kind: CursorKind,
    offset: int,
    start: int,
    end: int,
    instruction: Instruction | None = None,
    parameter: str | None = None,
    comment: Comment | None = None,
) -> CursorContext:
    """Build a context whose token is `start..end`, widened to the cursor, clipped to its line."""
    lines = parsed.lines
    line = lines.line_of(offset)
    start = max(min(start, offset), lines.line_start(line))
    # The cursor may sit between the `\r` and `\n` of a CRLF, past the line's content end.
    end = min(max(end, offset), max(lines.line_end(line), offset))
    keyword = instruction.effective_keyword if instruction is not None else ""
    return CursorContext(
        kind,
        offset,
        parsed.text[start:offset],
        Span(start, end),
        instruction,
        keyword,
        parameter,
        comment,
    )


def _in_instruction(
    parsed: ParsedModelfile, instruction: Instruction, offset: int
) -> CursorContext:
    kw = instruction.keyword_span
    if offset <= kw.end:
        return _context(parsed, CursorKind.KEYWORD, offset, kw.start, kw.end, instruction)
    for span, kind in (
        (instruction.name_span, CursorKind.PARAMETER_NAME),
        (instruction.role_span, CursorKind.MESSAGE_ROLE),
    ):
        # The name or role starts right after the keyword's one separator rune.
        if span is not None and offset <= span.end:
            return _context(parsed, kind, offset, span.start, span.end, instruction)
    value = instruction.value
    if value is None or not instruction.keyword:
        return _context(parsed, CursorKind.NONE, offset, offset, offset, instruction)
    return _in_value(parsed, instruction, offset)


def _in_value(parsed: ParsedModelfile, instruction: Instruction, offset: int) -> CursorContext:
    value = instruction.value
    assert value is not None
    text = parsed.text
    keyword = instruction.effective_keyword
    content = value.content_span
    if keyword == "TEMPLATE":
        # An action is open when the last `{{` before the cursor comes after the last `}}`,
        # which also covers an action still being typed (no `}}` yet).
        opened = text.rfind("{{", content.start, offset)
        if opened != -1 and opened > text.rfind("}}", content.start, offset):
            start, end = _word(text, offset, opened + 2, content.end, lead="$.")
            return _context(parsed, CursorKind.TEMPLATE_ACTION, offset, start, end, instruction)
        start = offset
        while start > max(content.start, offset - 2) and text[start - 1] == "{":
            start -= 1
        return _context(parsed, CursorKind.TEMPLATE, offset, start, offset, instruction)
    if keyword == "PARAMETER":
        # A value is replaced whole, quotes included: `"<|eot_id|>"` is one choice.
        start = value.open_span.start if value.open_span else content.start
        end = value.close_span.end if value.close_span else content.end
        if value.quoting is not Quoting.NONE and value.close_span is None:
            end = offset
        return _context(
            parsed,
            CursorKind.PARAMETER_VALUE,
            offset,
            start,
            end,
            instruction,
            parameter=instruction.name,
        )
    kind = CursorKind.REFERENCE if keyword in _REFERENCE_KEYWORDS else CursorKind.VALUE
    if offset < content.start:
        return _context(parsed, kind, offset, offset, offset, instruction)
    return _context(parsed, kind, offset, content.start, content.end, instruction)


def _word(text: str, offset: int, lower: int, upper: int, lead: str = "") -> tuple[int, int]:
    """The identifier run around the offset within `lower..upper`, with one optional leading
    character from `lead` (the `.` of `.System`, the `$` of `$x`)."""
    start = offset
    while start > lower and text[start - 1] in _IDENTIFIER:
        start -= 1
    if start > lower and text[start - 1] in lead:
        start -= 1
    end = offset
    while end < upper and text[end] in _IDENTIFIER:
        end += 1
    return start, end
