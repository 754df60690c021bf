"""The parser's token window and error reporting (Go's `parse.Tree` helpers, parse.go)."""

from __future__ import annotations

from modelfile_ls.static_types import NoReturn
from modelfile_ls.template.lex import Lexer
from modelfile_ls.template.tokens import Item, ItemType


class TemplateSyntaxError(Exception):
    """Go's parse error. `str()` is Go's text; `start`/`end` locate the cause in the text."""

    def __init__(self, message: str, line: int, start: int, end: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.start = start
        self.end = end


class TokenStream:
    """Go's three-token look-ahead over the lexer, and `errorf`/`unexpected`."""

    def __init__(self, name: str, parse_name: str, text: str) -> None:
        self.name = name
        self.parse_name = parse_name
        self.text = text
        self.lex: Lexer | None = None
        self.token: list[Item] = []
        self.peek_count = 0
        self.action_line = 0

    def _lexer(self) -> Lexer:
        assert self.lex is not None, "only called while parsing"
        return self.lex

    def next(self) -> Item:
        """The next token."""
        if self.peek_count > 0:
            self.peek_count -= 1
        else:
            self.token[0] = self._lexer().next_item()
        return self.token[self.peek_count]

    def backup(self) -> None:
        """Push the last token back."""
        self.peek_count += 1

    def backup2(self, t1: Item) -> None:
        """Push back two tokens (the zeroth is already there)."""
        self.token[1] = t1
        self.peek_count = 2

    def backup3(self, t2: Item, t1: Item) -> None:
        """Push back three tokens, in reverse order."""
        self.token[1] = t1
        self.token[2] = t2
        self.peek_count = 3

    def peek(self) -> Item:
        """The next token, not consumed."""
        if self.peek_count > 0:
            return self.token[self.peek_count - 1]
        self.peek_count = 1
        self.token[0] = self._lexer().next_item()
        return self.token[0]

    def next_non_space(self) -> Item:
        """The next token that is not a space."""
        while True:
            token = self.next()
            if token.typ != ItemType.SPACE:
                return token

    def peek_non_space(self) -> Item:
        """The next non-space token, not consumed."""
        token = self.next_non_space()
        self.backup()
        return token

    def errorf(
        self, message: str, at: Item | None = None, span: tuple[int, int] | None = None
    ) -> NoReturn:
        """Stop with Go's `template: NAME:LINE: message`; the line is the last token read."""
        line = self.token[0].line
        where = at or self.token[0]
        start, end = span or (where.pos, where.pos + max(len(where.val), 1))
        if span is None and where.typ == ItemType.EOF:
            start = end = len(self.text)
        raise TemplateSyntaxError(
            f"template: {self.parse_name}:{line}: {message}", line, start, end
        )

    def expect(self, expected: ItemType, context: str) -> Item:
        """Consume a token of the expected type or stop."""
        token = self.next_non_space()
        if token.typ != expected:
            self.unexpected(token, context)
        return token

    def expect_one_of(self, first: ItemType, second: ItemType, context: str) -> Item:
        """Consume a token of either type or stop."""
        token = self.next_non_space()
        if token.typ not in (first, second):
            self.unexpected(token, context)
        return token

    def unexpected(self, token: Item, context: str) -> NoReturn:
        """Go's `unexpected`: a lexer error as is, anything else as `unexpected X in Y`."""
        if token.typ == ItemType.ERROR:
            extra = ""
            if self.action_line not in (0, token.line):
                extra = f" in action started at {self.parse_name}:{self.action_line}"
                if token.val.endswith(" action"):
                    extra = extra[len(" in action") :]
            self.errorf(f"{token}{extra}", token, self._lexer_error_span(token))
        self.errorf(f"unexpected {token} in {context}", token)

    def _lexer_error_span(self, token: Item) -> tuple[int, int]:
        """The lexer stopped at `token.pos` (an item's start): from there to the line's end."""
        line_end = self.text.find("\n", token.pos)
        end = len(self.text) if line_end < 0 else line_end
        return token.pos, max(end, token.pos + 1)
