"""Building blocks for fixes: delete an instruction, replace a span."""

from __future__ import annotations

from _operator import itemgetter
from itertools import repeat

from modelfile_ls.analysis.finding import Fix, TextEdit
from modelfile_ls.static_types import TYPE_CHECKING, Protocol
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span
from modelfile_ls.syntax.positions import LineIndex

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


class DocumentText(Protocol):
    """A document's text and line index: a `ParsedModelfile`, or the scope a rule over one
    instruction is given."""

    @property
    def text(self) -> str:
        """The document text."""
        ...

    @property
    def lines(self) -> LineIndex:
        """Its line index."""
        ...


_new = tuple.__new__
_SPAN = itemgetter(Instruction._fields.index("span"))


def replace(span: Span, new_text: str, title: str) -> Fix:
    """A fix that replaces one span."""
    return Fix(title, (TextEdit(span, new_text),))


def change_to(span: Span, new_text: str) -> Fix:
    """The usual did-you-mean fix: replace a span with the suggested text."""
    return replace(span, new_text, f"Change to `{new_text}`")


def delete_instruction(document: DocumentText, instruction: Instruction, title: str) -> Fix:
    """A fix that removes an instruction's whole lines, line break included."""
    span = instruction.span
    # Built in C: every duplicate of a few-shot file gets one (hundreds of thousands in 10 MB).
    removed = _new(Span, document.lines.whole_lines(span.start, span.end))
    return _new(Fix, (title, (_new(TextEdit, (removed, "")),)))


def delete_instructions(
    document: DocumentText, instructions: Iterable[Instruction], title: str
) -> Iterator[Fix]:
    """`delete_instruction` for each of `instructions`, made in C (`map`): MF301 and MF108
    fix every duplicate line of a few-shot file, a hundred thousand in 10 MB."""
    whole = document.lines.whole_lines_each(list(map(_SPAN, instructions)), Span)
    edits = map(_new, repeat(TextEdit), zip(whole, repeat("")))
    return map(_new, repeat(Fix), zip(repeat(title), zip(edits)))


def line_indent(document: DocumentText, offset: int) -> str:
    """The leading spaces and tabs of the line containing `offset`."""
    text = document.lines.line_text(document.lines.line_of(offset))
    return text[: len(text) - len(text.lstrip(" \t"))]


def newline_of(parsed: ParsedModelfile) -> str:
    """The document's line break style (CRLF if its first line break is CRLF)."""
    index = parsed.text.find("\n")
    return "\r\n" if index > 0 and parsed.text[index - 1] == "\r" else "\n"
