"""The lexer of Go's `text/template/parse` (lex.go, Go 1.26), ported state for state.

Positions are character offsets into the template text (Go counts bytes; execution errors
convert where Go's messages show a byte column). Every error string is Go's own.
"""

from __future__ import annotations

from modelfile_ls.gostrconv import format_unicode, quote
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.template.tokens import (
    EOF,
    KEYWORDS,
    LEFT_COMMENT,
    LEFT_DELIM,
    RIGHT_COMMENT,
    RIGHT_DELIM,
    SPACE_CHARS,
    TRIM_MARKER,
    TRIM_MARKER_LEN,
    Item,
    ItemType,
    is_alphanumeric,
    is_space,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeAlias


def _has_left_trim_marker(text: str, pos: int) -> bool:
    return text[pos : pos + 1] == TRIM_MARKER and is_space(text[pos + 1 : pos + 2])


def _has_right_trim_marker(text: str, pos: int) -> bool:
    return is_space(text[pos : pos + 1]) and text[pos + 1 : pos + 2] == TRIM_MARKER


State: TypeAlias = "Callable[[Lexer], State | None]"


class Lexer:
    """Go's `lexer`: `next_item` hands the parser one token at a time."""

    def __init__(self, text: str, break_ok: bool = True, continue_ok: bool = True) -> None:
        self.input = text
        self.pos = 0
        self.start = 0
        self.at_eof = False
        self.paren_depth = 0
        self.line = 1
        self.start_line = 1
        self.item = Item(ItemType.EOF, 0, "EOF", 1)
        self.inside_action = False
        self.emit_comment = False
        self.break_ok = break_ok
        self.continue_ok = continue_ok

    def next(self) -> str:
        """The next character, or EOF."""
        if self.pos >= len(self.input):
            self.at_eof = True
            return EOF
        char = self.input[self.pos]
        self.pos += 1
        if char == "\n":
            self.line += 1
        return char

    def peek(self) -> str:
        """The next character without consuming it."""
        char = self.next()
        self.backup()
        return char

    def backup(self) -> None:
        """Step back one character (never past an EOF already returned, as in Go)."""
        if not self.at_eof and self.pos > 0:
            self.pos -= 1
            if self.input[self.pos] == "\n":
                self.line -= 1

    def this_item(self, typ: ItemType) -> Item:
        """The item from `start` to `pos`; the next one starts here."""
        item = Item(typ, self.start, self.input[self.start : self.pos], self.start_line)
        self.start = self.pos
        self.start_line = self.line
        return item

    def emit(self, typ: ItemType) -> State | None:
        """Hand the pending text to the parser as an item."""
        return self.emit_item(self.this_item(typ))

    def emit_item(self, item: Item) -> State | None:
        """Hand an item to the parser."""
        self.item = item
        return None

    def ignore(self) -> None:
        """Skip the pending text, counting its newlines."""
        self.line += self.input.count("\n", self.start, self.pos)
        self.start = self.pos
        self.start_line = self.line

    def accept(self, valid: str) -> bool:
        """Consume the next character if it is in `valid`."""
        char = self.next()
        if char != EOF and char in valid:
            return True
        self.backup()
        return False

    def accept_run(self, valid: str) -> None:
        """Consume a run of characters from `valid`."""
        while True:
            char = self.next()
            if char == EOF or char not in valid:
                break
        self.backup()

    def errorf(self, message: str) -> State | None:
        """Emit an error item and stop scanning."""
        self.item = Item(ItemType.ERROR, self.start, message, self.start_line)
        self.start = 0
        self.pos = 0
        self.input = ""
        return None

    def next_item(self) -> Item:
        """Run the state machine until it emits an item."""
        self.item = Item(ItemType.EOF, self.pos, "EOF", self.start_line)
        state: State | None = lex_inside_action if self.inside_action else lex_text
        while state is not None:
            state = state(self)
        return self.item

    def at_right_delim(self) -> tuple[bool, bool]:
        """Whether a right delimiter is here, and whether a trim marker precedes it."""
        if _has_right_trim_marker(self.input, self.pos) and self.input.startswith(
            RIGHT_DELIM, self.pos + TRIM_MARKER_LEN
        ):
            return True, True
        return self.input.startswith(RIGHT_DELIM, self.pos), False

    def at_terminator(self) -> bool:
        """Whether the next character may follow an identifier."""
        char = self.peek()
        if is_space(char) or char in (EOF, ".", ",", "|", ":", ")", "("):
            return True
        return self.input.startswith(RIGHT_DELIM, self.pos)

    def scan_number(self) -> bool:
        """Consume a number's characters; False when an alphanumeric follows it."""
        self.accept("+-")
        digits = "0123456789_"
        if self.accept("0"):
            if self.accept("xX"):
                digits = "0123456789abcdefABCDEF_"
            elif self.accept("oO"):
                digits = "01234567_"
            elif self.accept("bB"):
                digits = "01_"
        self.accept_run(digits)
        if self.accept("."):
            self.accept_run(digits)
        if len(digits) == 10 + 1 and self.accept("eE"):
            self.accept("+-")
            self.accept_run("0123456789_")
        if len(digits) == 16 + 6 + 1 and self.accept("pP"):
            self.accept("+-")
            self.accept_run("0123456789_")
        self.accept("i")
        if is_alphanumeric(self.peek()):
            self.next()
            return False
        return True


def _right_trim_length(text: str) -> int:
    return len(text) - len(text.rstrip(SPACE_CHARS))


def _left_trim_length(text: str) -> int:
    return len(text) - len(text.lstrip(SPACE_CHARS))


def lex_text(lx: Lexer) -> State | None:
    """Scan text up to the next `{{`, trimming before a `{{- `."""
    found = lx.input.find(LEFT_DELIM, lx.pos)
    if found >= 0:
        if found > lx.pos:
            lx.pos = found
            trim = 0
            if _has_left_trim_marker(lx.input, lx.pos + len(LEFT_DELIM)):
                trim = _right_trim_length(lx.input[lx.start : lx.pos])
            lx.pos -= trim
            lx.line += lx.input.count("\n", lx.start, lx.pos)
            item = lx.this_item(ItemType.TEXT)
            lx.pos += trim
            lx.ignore()
            if item.val:
                return lx.emit_item(item)
        return lex_left_delim
    lx.pos = len(lx.input)
    if lx.pos > lx.start:
        lx.line += lx.input.count("\n", lx.start, lx.pos)
        return lx.emit(ItemType.TEXT)
    return lx.emit(ItemType.EOF)


def lex_left_delim(lx: Lexer) -> State | None:
    """Scan `{{` (and a trim marker), or start a comment."""
    lx.pos += len(LEFT_DELIM)
    trim = _has_left_trim_marker(lx.input, lx.pos)
    after_marker = TRIM_MARKER_LEN if trim else 0
    if lx.input.startswith(LEFT_COMMENT, lx.pos + after_marker):
        lx.pos += after_marker
        lx.ignore()
        return lex_comment
    item = lx.this_item(ItemType.LEFT_DELIM)
    lx.inside_action = True
    lx.pos += after_marker
    lx.ignore()
    lx.paren_depth = 0
    return lx.emit_item(item)


def lex_comment(lx: Lexer) -> State | None:
    """Scan a `/* ... */` comment, which must end right at the closing delimiter."""
    lx.pos += len(LEFT_COMMENT)
    found = lx.input.find(RIGHT_COMMENT, lx.pos)
    if found < 0:
        return lx.errorf("unclosed comment")
    lx.pos = found + len(RIGHT_COMMENT)
    delim, trim = lx.at_right_delim()
    if not delim:
        return lx.errorf("comment ends before closing delimiter")
    lx.line += lx.input.count("\n", lx.start, lx.pos)
    item = lx.this_item(ItemType.COMMENT)
    if trim:
        lx.pos += TRIM_MARKER_LEN
    lx.pos += len(RIGHT_DELIM)
    if trim:
        lx.pos += _left_trim_length(lx.input[lx.pos :])
    lx.ignore()
    if lx.emit_comment:
        return lx.emit_item(item)
    return lex_text


def lex_right_delim(lx: Lexer) -> State | None:
    """Scan `}}` (and a trim marker before it)."""
    _, trim = lx.at_right_delim()
    if trim:
        lx.pos += TRIM_MARKER_LEN
        lx.ignore()
    lx.pos += len(RIGHT_DELIM)
    item = lx.this_item(ItemType.RIGHT_DELIM)
    if trim:
        lx.pos += _left_trim_length(lx.input[lx.pos :])
        lx.ignore()
    lx.inside_action = False
    return lx.emit_item(item)


def lex_inside_action(lx: Lexer) -> State | None:
    """Scan one token inside an action."""
    delim, _ = lx.at_right_delim()
    if delim:
        if lx.paren_depth == 0:
            return lex_right_delim
        return lx.errorf("unclosed left paren")
    char = lx.next()
    if char == EOF:
        return lx.errorf("unclosed action")
    if is_space(char):
        lx.backup()  # put the space back in case it starts " -}}"
        return lex_space
    simple = {"=": ItemType.ASSIGN, "|": ItemType.PIPE}
    if char in simple:
        return lx.emit(simple[char])
    if char == ":":
        if lx.next() != "=":
            return lx.errorf("expected :=")
        return lx.emit(ItemType.DECLARE)
    states: dict[str, State] = {
        '"': lex_quote,
        "`": lex_raw_quote,
        "$": lex_variable,
        "'": lex_char,
    }
    if char in states:
        return states[char]
    if char == "." and lx.pos < len(lx.input) and not "0" <= lx.input[lx.pos] <= "9":
        return lex_field
    if char in "+-.0123456789":
        lx.backup()
        return lex_number
    if is_alphanumeric(char):
        lx.backup()
        return lex_identifier
    if char == "(":
        lx.paren_depth += 1
        return lx.emit(ItemType.LEFT_PAREN)
    if char == ")":
        lx.paren_depth -= 1
        if lx.paren_depth < 0:
            return lx.errorf("unexpected right paren")
        return lx.emit(ItemType.RIGHT_PAREN)
    if " " <= char <= "~":
        return lx.emit(ItemType.CHAR)
    return lx.errorf(f"unrecognized character in action: {format_unicode(char)}")


def lex_space(lx: Lexer) -> State | None:
    """Scan a run of spaces, stopping before a " -}}"."""
    spaces = 0
    while is_space(lx.peek()):
        lx.next()
        spaces += 1
    if _has_right_trim_marker(lx.input, lx.pos - 1) and lx.input.startswith(
        RIGHT_DELIM, lx.pos - 1 + TRIM_MARKER_LEN
    ):
        lx.backup()  # before the space
        if spaces == 1:
            return lex_right_delim
    return lx.emit(ItemType.SPACE)


def lex_identifier(lx: Lexer) -> State | None:
    """Scan an identifier or keyword."""
    while True:
        char = lx.next()
        if is_alphanumeric(char):
            continue
        lx.backup()
        word = lx.input[lx.start : lx.pos]
        if not lx.at_terminator():
            return lx.errorf(f"bad character {format_unicode(char)}")
        keyword = KEYWORDS.get(word)
        if keyword is not None and keyword > ItemType.KEYWORD:
            if (keyword == ItemType.BREAK and not lx.break_ok) or (
                keyword == ItemType.CONTINUE and not lx.continue_ok
            ):
                return lx.emit(ItemType.IDENTIFIER)
            return lx.emit(keyword)
        if word[0] == ".":
            return lx.emit(ItemType.FIELD)
        if word in ("true", "false"):
            return lx.emit(ItemType.BOOL)
        return lx.emit(ItemType.IDENTIFIER)


def lex_field(lx: Lexer) -> State | None:
    """Scan `.Field` (the dot is consumed)."""
    return _lex_field_or_variable(lx, ItemType.FIELD)


def lex_variable(lx: Lexer) -> State | None:
    """Scan `$name` or `$` (the dollar is consumed)."""
    if lx.at_terminator():
        return lx.emit(ItemType.VARIABLE)
    return _lex_field_or_variable(lx, ItemType.VARIABLE)


def _lex_field_or_variable(lx: Lexer, typ: ItemType) -> State | None:
    if lx.at_terminator():
        return lx.emit(ItemType.VARIABLE if typ == ItemType.VARIABLE else ItemType.DOT)
    while True:
        char = lx.next()
        if not is_alphanumeric(char):
            lx.backup()
            break
    if not lx.at_terminator():
        return lx.errorf(f"bad character {format_unicode(char) if char else 'U+FFFFFFFF'}")
    return lx.emit(typ)


def _lex_quoted(lx: Lexer, closing: str, typ: ItemType, error: str) -> State | None:
    while True:
        char = lx.next()
        if char == "\\":
            escaped = lx.next()
            if escaped not in (EOF, "\n"):
                continue
            return lx.errorf(error)
        if char in (EOF, "\n"):
            return lx.errorf(error)
        if char == closing:
            return lx.emit(typ)


def lex_char(lx: Lexer) -> State | None:
    """Scan a character constant (checked by the parser)."""
    return _lex_quoted(lx, "'", ItemType.CHAR_CONSTANT, "unterminated character constant")


def lex_quote(lx: Lexer) -> State | None:
    """Scan a quoted string."""
    return _lex_quoted(lx, '"', ItemType.STRING, "unterminated quoted string")


def lex_raw_quote(lx: Lexer) -> State | None:
    """Scan a raw (back-quoted) string, which may span lines."""
    while True:
        char = lx.next()
        if char == EOF:
            return lx.errorf("unterminated raw quoted string")
        if char == "`":
            return lx.emit(ItemType.RAW_STRING)


def lex_number(lx: Lexer) -> State | None:
    """Scan a number, or a complex `1+2i`."""
    if not lx.scan_number():
        return lx.errorf(f"bad number syntax: {quote(lx.input[lx.start : lx.pos])}")
    if lx.peek() in ("+", "-"):
        if not lx.scan_number() or lx.input[lx.pos - 1] != "i":
            return lx.errorf(f"bad number syntax: {quote(lx.input[lx.start : lx.pos])}")
        return lx.emit(ItemType.COMPLEX)
    return lx.emit(ItemType.NUMBER)
