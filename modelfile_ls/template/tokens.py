"""The tokens of Go's `text/template/parse` lexer (lex.go, Go 1.26): types, items, classes."""

from modelfile_ls.gostrconv import quote
from modelfile_ls.gounicode import is_digit, is_letter
from modelfile_ls.light_stdlib import IntEnum
from modelfile_ls.static_types import NamedTuple


class ItemType(IntEnum):
    """Go's `itemType`, in Go's order (keywords after `KEYWORD`)."""

    ERROR = 0
    BOOL = 1
    CHAR = 2
    CHAR_CONSTANT = 3
    COMMENT = 4
    COMPLEX = 5
    ASSIGN = 6
    DECLARE = 7
    EOF = 8
    FIELD = 9
    IDENTIFIER = 10
    LEFT_DELIM = 11
    LEFT_PAREN = 12
    NUMBER = 13
    PIPE = 14
    RAW_STRING = 15
    RIGHT_DELIM = 16
    RIGHT_PAREN = 17
    SPACE = 18
    STRING = 19
    TEXT = 20
    VARIABLE = 21
    KEYWORD = 22
    BLOCK = 23
    BREAK = 24
    CONTINUE = 25
    DOT = 26
    DEFINE = 27
    ELSE = 28
    END = 29
    IF = 30
    NIL = 31
    RANGE = 32
    TEMPLATE = 33
    WITH = 34


KEYWORDS = {
    ".": ItemType.DOT,
    "block": ItemType.BLOCK,
    "break": ItemType.BREAK,
    "continue": ItemType.CONTINUE,
    "define": ItemType.DEFINE,
    "else": ItemType.ELSE,
    "end": ItemType.END,
    "if": ItemType.IF,
    "range": ItemType.RANGE,
    "nil": ItemType.NIL,
    "template": ItemType.TEMPLATE,
    "with": ItemType.WITH,
}

LEFT_DELIM = "{{"
RIGHT_DELIM = "}}"
LEFT_COMMENT = "/*"
RIGHT_COMMENT = "*/"
SPACE_CHARS = " \t\r\n"
TRIM_MARKER = "-"
TRIM_MARKER_LEN = 2  # the marker plus the space before or after it
EOF = ""  # what `next` returns at the end of input (Go: -1)


class Item(NamedTuple):
    """A token: its type, character offset, text and the line it starts on."""

    typ: ItemType
    pos: int
    val: str
    line: int

    def __str__(self) -> str:
        """Go's `item.String`, used in `unexpected X in Y` messages."""
        if self.typ == ItemType.EOF:
            return "EOF"
        if self.typ == ItemType.ERROR:
            return self.val
        if self.typ > ItemType.KEYWORD:
            return f"<{self.val}>"
        if len(self.val.encode()) > 10:
            # `%.10q...`: the precision cuts the string to ten runes before quoting.
            return f"{quote(self.val[:10])}..."
        return quote(self.val)


def is_space(char: str) -> bool:
    """Go's `isSpace`: the four ASCII spaces."""
    return char != "" and char in SPACE_CHARS


def is_alphanumeric(char: str) -> bool:
    """Go's `isAlphaNumeric`: `_`, a Unicode letter or a decimal digit."""
    if char == "":
        return False
    if char == "_":
        return True
    return is_letter(char) or is_digit(char)
