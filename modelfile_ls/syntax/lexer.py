"""Ollama's Modelfile parser, reproduced exactly, with error recovery and spans.

Ollama's `parser.ParseFile` is a rune-by-rune state machine that stops at the first error.
This scanner walks the same states a line segment at a time (`_scan.run_end` finds the runs
the state machine would consume), records every place where Ollama would fail, and then
resynchronises at the next line so the rest of the file still gets structure. The first
problem recorded is always the one Ollama reports, because both read the text in order and
agree on everything before it.
"""

from __future__ import annotations

from modelfile_ls.facts import message_roles
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax._scan import (
    BLANKS,
    LETTERS,
    NAME_CHARS,
    VALUE_CHARS,
    VISIBLE,
    WORD,
    run_end,
    scan_simple,
)
from modelfile_ls.syntax.model import (
    KEYWORDS,
    Comment,
    Instruction,
    ProblemKind,
    Quoting,
    Span,
    SyntaxProblem,
    Value,
)

if TYPE_CHECKING:
    from collections.abc import Iterable


def _one_of(words: Iterable[str]) -> str:
    """Ollama's error messages list choices quoted, with "or" before the last one."""
    quoted = [f'"{word}"' for word in words]
    return f"{', '.join(quoted[:-1])}, or {quoted[-1]}"


INVALID_COMMAND = f"command must be one of {_one_of(k.lower() for k in KEYWORDS)}"
INVALID_ROLE = f"message role must be one of {_one_of(message_roles())}"
MESSAGE_ROLES = frozenset(message_roles())
UNEXPECTED_EOF = "unexpected EOF"

_KEYWORDS_LOWER = {k.lower(): k for k in KEYWORDS}
# The character runs are found in C (`_scan.run_end`), not by regular expressions: `re` and
# the patterns it compiled were a tenth of a `--check`'s start-up (bench/lazy_imports.py,
# "check path: re").
#
# The common instruction, read in C (`_scan.c`, which documents it): a known keyword, one
# separator, for PARAMETER a name and for MESSAGE a valid role each followed by one
# separator, then a plain value (`_Scanner._value`: printable ASCII, tabs and runes already
# found printable, `_KEPT_MAP`; no opening quote) or a quoted value whose lines hold only those
# and end by LF. Anything else (a rune not met before, an invisible one, a CR inside a quoted
# value, an unterminated quote, an error) takes the rune-by-rune path.
# Most lines of large files look like this: in Python, one regular-expression match and nine
# tuples per line were most of a 10 MB file's parse, and a few-shot file's quoted MESSAGEs
# most of a 1.5k-line file's.
_SIMPLE_TYPES = (Span, Value, Instruction, Quoting.NONE, Quoting.DOUBLE, Quoting.TRIPLE)
_SIMPLE_KEYWORDS = tuple(k for k in KEYWORDS if k not in ("PARAMETER", "MESSAGE"))
_ROLES = tuple(message_roles())
_SPACE = " \t"
_LONG_VALUE = 512
_WHITESPACE = " \t\r\n"


@lru_cache(maxsize=4096)
def is_printable(char: str) -> bool:
    """Go's `strconv.IsPrint` (`gounicode.is_print`), remembered: a value repeats its runes."""
    if char.isascii():
        # Go's printable ASCII is the run from space to `~`; answered here, an ASCII file
        # never loads the Unicode tables.
        return " " <= char <= "~"
    # Lazy: Go's tables (gounicode) were ~0.2 ms of every `--check`, and most Modelfiles
    # are ASCII.
    from modelfile_ls.gounicode import is_print

    return is_print(char)


def visible_text(raw: str) -> str:
    """Drop the runes Ollama drops from a value: non-printable ones except tab, CR and LF."""
    # A long prompt is read again on every keystroke inside it: substring probes scan it
    # about fifteen times faster than the character class, which wins on short values.
    if len(raw) > _LONG_VALUE and not may_have_invisible(raw):
        return raw
    if run_end(raw, 0, len(raw), VISIBLE, _KEPT_MAP) == len(raw):
        return raw
    dropped = _dropped_runes(raw)
    return raw.translate(dict.fromkeys(map(ord, dropped))) if dropped else raw


_KEPT_RUNES = set("\t\r\n" + "".join(map(chr, range(0x20, 0x7F))))
"""Runes a value keeps (tab, CR, LF and Go-printable ones): printable ASCII from the start,
each other one once met, until `_KEPT_RUNES_LIMIT` of them are known."""
_KEPT_RUNES_LIMIT = 1 << 16
_KEPT_MAP = bytearray(0x110000 // 8)
"""The runes of `_KEPT_RUNES` above ASCII, a bit each (bit c % 8 of byte c // 8), for the C
fast path: once the rune-by-rune path has met an accented or CJK rune, the lines that hold it
are simple too (a French few-shot file of 10 MB: every line read rune by rune before). Bits
are only ever set, for runes `is_print` kept: a missing one only sends a line the slow way."""


def _dropped_runes(text: str) -> list[str]:
    """The distinct runes of `text` Ollama drops. The text is read in C (`set`, a difference
    with the runes known to be kept, then `str.translate` or `str.find`), and only a rune not
    met before is judged in Python: a French or Chinese file repeats a few hundred runes, all
    printable, in every line (rune by rune in Python was 40% of checking one of 10 MB)."""
    unmet = set(text).difference(_KEPT_RUNES)
    if not unmet:
        return []
    dropped = [rune for rune in unmet if not is_printable(rune)]
    if len(_KEPT_RUNES) < _KEPT_RUNES_LIMIT:
        kept = unmet.difference(dropped)
        _KEPT_RUNES.update(kept)
        for code in map(ord, kept):
            _KEPT_MAP[code >> 3] |= 1 << (code & 7)
    return dropped


_ASCII_CONTROLS = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))


def may_have_invisible(text: str) -> bool:
    """False when the text is plain printable ASCII (plus tabs and line breaks), so nothing in
    it can be dropped; a cheap pre-check before looking at each value."""
    if not text.isascii():
        return True
    # Substring probes run at memchr speed, far faster than a character-class scan.
    return any(control in text for control in _ASCII_CONTROLS)


def invisible_offsets(text: str, start: int, end: int) -> list[int]:
    """Offsets in `text[start:end]` of characters Ollama silently drops from a value."""
    if run_end(text, start, end, VISIBLE, _KEPT_MAP) >= end:
        return []
    offsets = []
    for rune in _dropped_runes(text[start:end]):
        at = text.find(rune, start, end)
        while at != -1:
            offsets.append(at)
            at = text.find(rune, at + 1, end)
    return sorted(offsets)


def unquote(trimmed: str) -> tuple[str, bool]:
    """Ollama's `unquote`: strip one pair of `\"\"\"` or `\"` delimiters; False if unterminated."""
    if trimmed.startswith('"""'):
        if len(trimmed) >= 6 and trimmed.endswith('"""'):
            return trimmed[3:-3], True
        return "", False
    if trimmed.startswith('"'):
        if len(trimmed) >= 2 and trimmed.endswith('"'):
            return trimmed[1:-1], True
        return "", False
    return trimmed, True


class _Scanner:
    """One pass over a text; `run()` fills `instructions`, `comments` and `problems`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.instructions: list[Instruction] = []
        self.comments: list[Comment] = []
        self.problems: list[SyntaxProblem] = []
        self._counted_to = 0
        self._newlines_before = 0

    def run(self) -> None:
        text, length, instructions = self.text, self.length, self.instructions
        # Bound once: this loop runs once per line that is not simple.
        instruction = self._instruction
        pos = 0
        while True:
            pos = scan_simple(
                text, pos, instructions, _SIMPLE_TYPES, _SIMPLE_KEYWORDS, _ROLES, _KEPT_MAP
            )
            pos = run_end(text, pos, length, BLANKS)
            if pos >= length:
                return
            if text[pos] == "#":
                end = self._line_end(pos)
                self.comments.append(Comment(Span(pos, end), text[pos + 1 : end]))
                pos = end
            else:
                pos = instruction(pos)

    def _line_end(self, pos: int) -> int:
        """The first CR or LF at or after `pos`, else the text's end."""
        text = self.text
        end = text.find("\n", pos)
        end = self.length if end == -1 else end
        carriage = text.find("\r", pos, end)
        return end if carriage == -1 else carriage

    def _ollama_line(self, pos: int) -> int:
        """Ollama's line number for an error raised by the rune at `pos`.

        Ollama increments its counter before handling each `\\r` and `\\n`, so the rune that
        triggers an error counts too (an error caused by a newline names the next line).
        """
        stop = min(pos + 1, self.length)
        if stop < self._counted_to:
            self._counted_to, self._newlines_before = 0, 0
        text = self.text
        self._newlines_before += text.count("\n", self._counted_to, stop) + text.count(
            "\r", self._counted_to, stop
        )
        self._counted_to = stop
        return self._newlines_before + 1

    def _problem(
        self,
        kind: ProblemKind,
        span: Span,
        trigger: int | None,
        context: str | None = None,
        detail: str = "",
        related: Span | None = None,
    ) -> None:
        """Record a problem; `trigger` is the rune offset for a line-numbered parser error,
        None for an EOF error (`context` is the partial name/role Ollama appends)."""
        if trigger is None:
            message = UNEXPECTED_EOF if context is None else f"{UNEXPECTED_EOF}: {context}"
        else:
            base = INVALID_ROLE if kind is ProblemKind.INVALID_ROLE else INVALID_COMMAND
            message = f"(line {self._ollama_line(trigger)}): {base}"
        self.problems.append(SyntaxProblem(kind, span, message, detail, related))

    def _instruction(self, start: int) -> int:
        text, length = self.text, self.length
        first = text[start]
        word_end = run_end(text, start + 1, length, LETTERS)
        # Ollama accepts any first rune as the start of a keyword but keeps it only when it
        # is printable, so an invisible rune (NBSP, ZWSP, a stray BOM) before FROM vanishes.
        kw_start = start if is_printable(first) else start + 1
        buffer = text[kw_start:word_end]
        keyword = _KEYWORDS_LOWER.get(buffer.lower(), "")
        after = text[word_end] if word_end < length else ""

        if after in _SPACE and after:
            kw_span = Span(kw_start, word_end)
            if not keyword:
                self._problem(ProblemKind.UNKNOWN_KEYWORD, kw_span, word_end, detail=buffer)
                return self._after_keyword("", buffer, kw_span, word_end + 1, error=True)
            return self._after_keyword(keyword, buffer, kw_span, word_end + 1, error=False)

        if not after or after in "\r\n":
            kw_span = Span(kw_start, word_end)
            kind = ProblemKind.MISSING_VALUE if keyword else ProblemKind.UNKNOWN_KEYWORD
            self._problem(kind, kw_span, word_end if after else None, detail=buffer)
            self.instructions.append(
                Instruction(keyword, buffer, kw_span, kw_span, None, has_error=True)
            )
            return word_end

        # A digit, colon, '=' or an invisible rune inside or right after the keyword.
        token_end = run_end(text, word_end, length, WORD)
        kw_span = Span(kw_start, token_end)
        self._problem(
            ProblemKind.BAD_KEYWORD_CHARACTER,
            kw_span,
            word_end,
            detail=text[kw_start:token_end],
            related=Span(word_end, word_end + 1),
        )
        if token_end < length and text[token_end] in _SPACE:
            return self._after_keyword(
                keyword, text[kw_start:token_end], kw_span, token_end + 1, error=True
            )
        self.instructions.append(
            Instruction(keyword, text[kw_start:token_end], kw_span, kw_span, None, has_error=True)
        )
        return token_end

    def _after_keyword(
        self, keyword: str, keyword_text: str, kw_span: Span, pos: int, error: bool
    ) -> int:
        """Scan what follows a keyword and its separator: name, role, then the value."""
        if keyword == "PARAMETER" and not error:
            return self._named(keyword_text, kw_span, pos, parameter=True)
        if keyword == "MESSAGE" and not error:
            return self._named(keyword_text, kw_span, pos, parameter=False)
        value, end = self._value(pos)
        error = error or self._unterminated_at(value)
        self.instructions.append(
            Instruction(
                keyword, keyword_text, kw_span, Span(kw_span.start, end), value, has_error=error
            )
        )
        return end

    @staticmethod
    def _unterminated_at(value: Value | None) -> bool:
        """Whether a value's opening quote was never closed."""
        return value is not None and value.quoting is not Quoting.NONE and value.close_span is None

    def _named(self, keyword_text: str, kw_span: Span, pos: int, parameter: bool) -> int:
        """PARAMETER <name> <value> and MESSAGE <role> <content>."""
        text, length = self.text, self.length
        word_end = run_end(text, pos, length, NAME_CHARS if parameter else LETTERS)
        word = text[pos:word_end]
        after = text[word_end] if word_end < length else ""
        keyword = "PARAMETER" if parameter else "MESSAGE"
        missing = (
            ProblemKind.MISSING_PARAMETER_VALUE
            if parameter
            else ProblemKind.MISSING_MESSAGE_CONTENT
        )
        bad = ProblemKind.BAD_PARAMETER_NAME if parameter else ProblemKind.BAD_ROLE_CHARACTER
        error = False

        if after and after in _SPACE:
            word_span = Span(pos, word_end)
            if not parameter and word not in MESSAGE_ROLES:
                self._problem(ProblemKind.INVALID_ROLE, word_span, word_end, detail=word)
                error = True
            value, end = self._value(word_end + 1)
        elif not after or after in "\r\n":
            word_span = Span(pos, word_end)
            self._problem(
                missing,
                Span(kw_span.start, word_end),
                None,
                None if not after else word,
                detail=word,
            )
            value, end, error = None, word_end, True
        else:
            token_end = run_end(text, word_end, length, WORD)
            word_span = Span(pos, token_end)
            self._problem(
                bad,
                word_span,
                None,
                word,
                detail=text[pos:token_end],
                related=Span(word_end, word_end + 1),
            )
            word, error = text[pos:token_end], True
            if token_end < length and text[token_end] in _SPACE:
                value, end = self._value(token_end + 1)
            else:
                value, end = None, token_end

        error = error or self._unterminated_at(value)
        self.instructions.append(
            Instruction(
                keyword,
                keyword_text,
                kw_span,
                Span(kw_span.start, end),
                value,
                name=word if parameter else None,
                name_span=word_span if parameter else None,
                role=None if parameter else word,
                role_span=None if parameter else word_span,
                has_error=error,
            )
        )
        return end

    def _value(self, pos: int) -> tuple[Value, int]:
        """Read a value from `pos` with Ollama's rule: it ends at the first newline where the
        trimmed buffer is unquoted or ends with its closing delimiter."""
        text = self.text
        end = self._line_end(pos)
        if run_end(text, pos, end, VALUE_CHARS, _KEPT_MAP) == end:
            # The common case: a line of printable ASCII, tabs and runes already found
            # printable. Unless it opens a quote, nothing in it is dropped or unquoted, so the
            # trimmed text is the value.
            line = text[pos:end]
            content = line.strip(_SPACE)
            if not content.startswith('"'):
                start = pos + len(line) - len(line.lstrip(_SPACE)) if content else end
                content_span = Span(start, start + len(content))
                return Value(Span(pos, end), content, Quoting.NONE, content_span, None, None), end
        first = visible_text(text[pos:end]).strip(_SPACE)
        if not first.startswith('"'):
            return self._finish(pos, end, Quoting.NONE), end
        if first.startswith('"""'):
            quoting, delimiter = Quoting.TRIPLE, '"""'
        else:
            quoting, delimiter = Quoting.DOUBLE, '"'
        if len(first) >= 2 * len(delimiter) and first.endswith(delimiter):
            return self._finish(pos, end, quoting), end
        while end < self.length:
            line_start = end + 1
            end = self._line_end(line_start)
            # Only a line with a quote can end with the delimiter once invisible runes are
            # dropped; the cheap `in` test keeps long multi-line values fast.
            if text.find('"', line_start, end) != -1 and visible_text(text[line_start:end]).rstrip(
                _SPACE
            ).endswith(delimiter):
                return self._finish(pos, end, quoting), end
        return self._unterminated(pos, quoting), self.length

    def _finish(self, pos: int, end: int, quoting: Quoting) -> Value:
        text = self.text
        raw = text[pos:end]
        value_text, _ = unquote(visible_text(raw).strip(_WHITESPACE))
        if quoting is Quoting.NONE:
            lead = len(raw) - len(raw.lstrip(_WHITESPACE))
            trail = len(raw.rstrip(_WHITESPACE))
            content = Span(pos + lead, pos + max(trail, lead))
            return Value(Span(pos, end), value_text, quoting, content, None, None)
        delimiter = '"""' if quoting is Quoting.TRIPLE else '"'
        size = len(delimiter)
        open_at = text.index('"', pos, end)
        close_at = text.rfind(delimiter, open_at + size, end)
        if close_at == -1:
            # Invisible runes inside the closing quotes (`""\u200b"`): Ollama drops them
            # before matching, so the close is the run that ends at the last quote.
            close_at = max(open_at + size, text.rfind('"', open_at + size, end) + 1 - size)
        return Value(
            Span(pos, end),
            value_text,
            quoting,
            Span(open_at + size, close_at),
            Span(open_at, open_at + size),
            Span(close_at, close_at + size),
        )

    def _unterminated(self, pos: int, quoting: Quoting) -> Value:
        text = self.text
        open_at = text.index('"', pos)
        size = len(quoting.delimiter)
        first_line_end = self._line_end(pos)
        closing = text.rfind('"', open_at + size, first_line_end)
        related = None
        if closing != -1 and text[closing + 1 : first_line_end].strip(_SPACE):
            # `SYSTEM "abc" def`: the quote closed but text follows, so Ollama keeps reading.
            related = Span(closing + 1, first_line_end)
        open_span = Span(open_at, open_at + size)
        self._problem(
            ProblemKind.UNTERMINATED_QUOTE,
            open_span,
            None,
            detail=quoting.delimiter,
            related=related,
        )
        return Value(
            Span(pos, self.length), "", quoting, Span(open_at + size, self.length), open_span, None
        )


def reread_value(text: str, value: Value, delta: int) -> Value:
    """A closed quoted value read again after an edit inside one of its middle lines that
    changed no line break and no quote, so the value still ends where it did, `delta` later."""
    return _Scanner(text)._finish(value.span.start, value.span.end + delta, value.quoting)


def scan(text: str) -> tuple[list[Instruction], list[Comment], list[SyntaxProblem]]:
    """Scan decoded Modelfile text into instructions, comments and problems."""
    scanner = _Scanner(text)
    scanner.run()
    return scanner.instructions, scanner.comments, scanner.problems
