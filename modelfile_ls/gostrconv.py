"""Go's `strconv` quoting and number parsing, as `text/template/parse` and `ollama create` use
them.

Ported from Go's `strconv` (quote.go, atoi.go, atof.go) for exactly the behaviour the template
parser and the CLI's PARAMETER conversion (`analysis/values.py`) depend on: `Quote` (for `%q`
in error messages), `Unquote` and `UnquoteChar` (string and character constants, with Go's
error text `invalid syntax`), `ParseInt`/`ParseUint` with base 0 and `ParseFloat` (number
constants, including `_` separators and hex floats).
"""

from __future__ import annotations

from modelfile_ls.lazy_pattern import LazyPattern


class StrconvError(ValueError):
    """A `strconv` failure; `str()` is Go's error text."""


INVALID_SYNTAX = "invalid syntax"

# Float classes without `math`: its import (a shared library) was ~0.2 ms of every `--check`.
INFINITY = float("inf")


def is_finite(number: float) -> bool:
    """Neither infinite nor NaN (NaN compares false with everything)."""
    return -INFINITY < number < INFINITY


def is_nan(number: float) -> bool:
    """NaN, the one float that differs from itself."""
    return number != number


_SIMPLE_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}


def quote_rune_in(char: str, quote: str, ascii_only: bool = False) -> str:
    """One rune as Go's `appendEscapedRune` writes it inside a quoted literal."""
    if char == quote or char == "\\":
        return "\\" + char
    # Lazy: a PARAMETER's number reads this module on every `--check`, Go's rune tables
    # (~0.2 ms) only a quoted template message.
    from modelfile_ls.gounicode import is_print

    if (char.isascii() or not ascii_only) and is_print(char):
        return char
    if char in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[char]
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if code == 0xFFFD:
        return "\\ufffd"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def quote(text: str) -> str:
    """Go's `strconv.Quote` (and `%q` of a string)."""
    return '"' + "".join(quote_rune_in(c, '"') for c in text) + '"'


def quote_ascii(text: str) -> str:
    """Go's `strconv.QuoteToASCII` (and `%+q` of a string)."""
    return '"' + "".join(quote_rune_in(c, '"', ascii_only=True) for c in text) + '"'


def quote_rune(char: str) -> str:
    """Go's `strconv.QuoteRune` (and `%q` of a rune)."""
    return "'" + quote_rune_in(char, "'") + "'"


def format_unicode(char: str) -> str:
    """Go's `%#U` of a rune: `U+0024 '$'`, without the character when it is not printable."""
    # Lazy, as in `quote_rune_in`.
    from modelfile_ls.gounicode import is_print

    code = f"U+{ord(char):04X}"
    return f"{code} '{char}'" if is_print(char) else code


def unquote_char(s: str, quote_char: str) -> tuple[str, str]:
    """Go's `strconv.UnquoteChar`: the first (possibly escaped) character and the rest."""
    if not s:
        raise StrconvError(INVALID_SYNTAX)
    c = s[0]
    if c == quote_char and quote_char in "'\"":
        raise StrconvError(INVALID_SYNTAX)
    if c != "\\":
        return c, s[1:]
    if len(s) <= 1:
        raise StrconvError(INVALID_SYNTAX)
    c = s[1]
    s = s[2:]
    simple = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
    if c in simple:
        return simple[c], s
    if c in "xuU":
        size = {"x": 2, "u": 4, "U": 8}[c]
        if len(s) < size or not all(ch in "0123456789abcdefABCDEF" for ch in s[:size]):
            raise StrconvError(INVALID_SYNTAX)
        value = int(s[:size], 16)
        s = s[size:]
        if c == "x":
            # A \x escape is a single byte; inside a Go string it need not be valid UTF-8.
            return chr(value), s
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise StrconvError(INVALID_SYNTAX)
        return chr(value), s
    if c in "01234567":
        if len(s) < 2 or not all(ch in "01234567" for ch in s[:2]):
            raise StrconvError(INVALID_SYNTAX)
        value = int(c + s[:2], 8)
        if value > 255:
            raise StrconvError(INVALID_SYNTAX)
        return chr(value), s[2:]
    if c == "\\":
        return "\\", s
    if c in "'\"":
        if c != quote_char:
            raise StrconvError(INVALID_SYNTAX)
        return c, s
    raise StrconvError(INVALID_SYNTAX)


def unquote(s: str) -> str:
    """Go's `strconv.Unquote` for `"..."`, `` `...` `` and `'...'` literals."""
    if len(s) < 2 or s[0] != s[-1] or s[0] not in "\"'`":
        raise StrconvError(INVALID_SYNTAX)
    quote_char = s[0]
    body = s[1:-1]
    if quote_char == "`":
        if "`" in body:
            raise StrconvError(INVALID_SYNTAX)
        # Go drops carriage returns from raw strings.
        return body.replace("\r", "")
    if "\n" in body:
        raise StrconvError(INVALID_SYNTAX)
    if "\\" not in body and quote_char not in body:
        if quote_char == '"':
            return body
        if len(body) == 1:
            return body
    out = []
    while body:
        char, body = unquote_char(body, quote_char)
        out.append(char)
        if quote_char == "'":
            break
    if quote_char == "'" and (body or len(out) != 1):
        raise StrconvError(INVALID_SYNTAX)
    return "".join(out)


_INT64_MAX = (1 << 63) - 1
_UINT64_MAX = (1 << 64) - 1


def _underscore_ok(s: str) -> bool:
    """Go's `underscoreOK`: `_` only between digits or between a base prefix and a digit."""
    saw = "^"
    i = 0
    if s[:1] in ("+", "-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "box":
        i = 2
        saw = "0"
        hexa = s[1].lower() == "x"
    for ch in s[i:]:
        if "0" <= ch <= "9" or (hexa and "a" <= ch.lower() <= "f"):
            saw = "0"
        elif ch == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def _special_float(text: str) -> float | None:
    """Go's `special`: `inf` or `infinity` after an optional sign, or `nan` (unsigned), in any
    ASCII case (`commonPrefixLenIgnoreCase` folds ASCII letters only: `ınf` is no infinity)."""
    if not text.isascii():
        return None
    folded = text.lower()
    if folded == "nan":
        return float("nan")
    body = folded[1:] if folded[:1] in ("+", "-") else folded
    if body in ("inf", "infinity"):
        return -INFINITY if folded[0] == "-" else INFINITY
    return None


def _is_decimal_float(text: str) -> bool:
    """Whether `text` is a decimal float Go's `readFloat` accepts whole: an optional sign, a
    digit first (or a point then a digit), digits and `_` with at most one point, and an
    exponent of a sign and digits (a digit first). `_underscore_ok` judges the `_`s."""
    at = 1 if text[:1] in ("+", "-") else 0
    if text[at : at + 1] not in _DIGITS and not (
        text[at : at + 1] == "." and text[at + 1 : at + 2] in _DIGITS
    ):
        return False
    at = _run_end(text, at, _DIGITS_AND_UNDERSCORES)
    if text[at : at + 1] == ".":
        at = _run_end(text, at + 1, _DIGITS_AND_UNDERSCORES)
    if text[at : at + 1] in ("e", "E"):
        exponent = at + 1
        if text[exponent : exponent + 1] in ("+", "-"):
            exponent += 1
        if text[exponent : exponent + 1] in _DIGITS:
            at = _run_end(text, exponent + 1, _DIGITS_AND_UNDERSCORES)
    return at == len(text)


def _run_end(text: str, at: int, members: frozenset[str]) -> int:
    while at < len(text) and text[at] in members:
        at += 1
    return at


def parse_uint(text: str) -> int:
    """Go's `strconv.ParseUint(text, 0, 64)`."""
    if not text:
        raise StrconvError(INVALID_SYNTAX)
    base, digits = 10, text
    if text[0] == "0":
        prefix = text[1:2].lower()
        if len(text) >= 3 and prefix in ("b", "o", "x"):
            base, digits = {"b": 2, "o": 8, "x": 16}[prefix], text[2:]
        else:
            base, digits = 8, text[1:]
    value = 0
    underscores = False
    for ch in digits:
        if ch == "_":
            underscores = True
            continue
        if "0" <= ch <= "9":
            digit = ord(ch) - ord("0")
        elif "a" <= ch.lower() <= "z" and ch.isascii():
            digit = ord(ch.lower()) - ord("a") + 10
        else:
            raise StrconvError(INVALID_SYNTAX)
        if digit >= base:
            raise StrconvError(INVALID_SYNTAX)
        value = value * base + digit
        if value > _UINT64_MAX:
            raise StrconvError("value out of range")
    if underscores and not _underscore_ok(text):
        raise StrconvError(INVALID_SYNTAX)
    return value


def parse_int(text: str) -> int:
    """Go's `strconv.ParseInt(text, 0, 64)`."""
    if not text:
        raise StrconvError(INVALID_SYNTAX)
    negative = text[0] == "-"
    body = text[1:] if text[0] in "+-" else text
    value = parse_uint(body)
    if value > _INT64_MAX + (1 if negative else 0):
        raise StrconvError("value out of range")
    return -value if negative else value


# Hex floats are rare enough to be read by a pattern, compiled (with `re`) on first use.
_HEX_FLOAT = LazyPattern(
    r"[+-]?0[xX](?=\.?[0-9a-fA-F_])[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?[pP][+-]?[0-9][0-9_]*"
)
_DIGITS = frozenset("0123456789")
_DIGITS_AND_UNDERSCORES = frozenset("0123456789_")


def parse_float(text: str) -> float:
    """Go's `strconv.ParseFloat(text, 64)`: decimal and hex floats, `_` separators, inf, NaN."""
    special = _special_float(text)
    if special is not None:
        return special
    body = text[1:] if text[:1] in ("+", "-") else text
    hexa = body[:2] in ("0x", "0X") and _HEX_FLOAT.fullmatch(text) is not None
    if not hexa and not _is_decimal_float(text):
        raise StrconvError(INVALID_SYNTAX)
    if "_" in text and not _underscore_ok(text):
        raise StrconvError(INVALID_SYNTAX)
    plain = text.replace("_", "")
    value = float.fromhex(plain) if hexa else float(plain)
    if value in (INFINITY, -INFINITY):
        raise StrconvError("value out of range")
    return value
