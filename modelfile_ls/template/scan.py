"""The `{{ ... }}` actions of a template, found by Go's own lexer (for editor features).

The parser stops at the first error; the lexer alone reads on through parse errors (an
undefined function, an unclosed `if`), so highlighting and symbols keep working while a
template is being written. It stops only where Go's lexer stops (an unclosed action).
"""

from modelfile_ls.static_types import NamedTuple
from modelfile_ls.template.lex import Lexer
from modelfile_ls.template.tokens import LEFT_DELIM, RIGHT_DELIM, Item, ItemType


class Action(NamedTuple):
    """One action or comment: its span, and the text between delimiters and trim markers."""

    start: int
    end: int
    body: str
    body_start: int
    tokens: tuple[Item, ...] = ()

    @property
    def is_comment(self) -> bool:
        """Whether this is a `{{/* ... */}}` comment."""
        return self.body.lstrip().startswith("/*")


def actions(text: str) -> tuple[list[Action], str | None]:
    """The template's actions in order, and Go's lexer error that ended the scan, if any."""
    lexer = Lexer(text)
    lexer.emit_comment = True
    found: list[Action] = []
    tokens: list[Item] = []
    start = body_start = 0
    while True:
        item = lexer.next_item()
        if item.typ in (ItemType.EOF, ItemType.ERROR):
            return found, item.val if item.typ == ItemType.ERROR else None
        if item.typ == ItemType.LEFT_DELIM:
            start = item.pos
            body_start = item.pos + len(LEFT_DELIM)
            if _is_marker(text, body_start, body_start + 1):
                body_start += 1  # the trim marker; the space after it stays in the body
            tokens = []
        elif item.typ == ItemType.RIGHT_DELIM:
            body_end = item.pos
            if _is_marker(text, body_end - 1, body_end - 2):
                body_end -= 1
            body = text[body_start:body_end]
            found.append(
                Action(start, item.pos + len(RIGHT_DELIM), body, body_start, tuple(tokens))
            )
        elif item.typ == ItemType.COMMENT:
            comment_start = text.rfind(LEFT_DELIM, 0, item.pos)
            comment_end = text.find(RIGHT_DELIM, item.pos + len(item.val)) + len(RIGHT_DELIM)
            found.append(Action(comment_start, comment_end, item.val, item.pos))
        elif item.typ != ItemType.TEXT:
            tokens.append(item)


def _is_marker(text: str, marker: int, space: int) -> bool:
    """A `-` at `marker` with one of Go's four spaces at `space`: a trim marker."""
    return (
        0 <= marker < len(text)
        and 0 <= space < len(text)
        and text[marker] == "-"
        and text[space] in " \t\r\n"
    )
