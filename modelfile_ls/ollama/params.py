"""Read the `parameters` text of `/api/show`: one `name<padding>value` line per value.

Values are printed with Go's `%v`-style formatting: strings double-quoted with Go escapes
(`"\\u003c"`, `"\\x00"`, `"\\n"`), numbers and booleans bare.
"""

from __future__ import annotations

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def unquote_go(text: str) -> str:
    """The string a Go double-quoted literal denotes; raises ValueError when malformed."""
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a Go string literal: {text!r}")
    body = text[1:-1]
    out: list[str] = []
    pending = bytearray()
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            if pending:
                out.append(pending.decode("utf-8", errors="replace"))
                pending.clear()
            out.append(char)
            i += 1
            continue
        if i + 1 >= len(body):
            raise ValueError(f"dangling backslash in {text!r}")
        code = body[i + 1]
        if code in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[code])
            i += 2
        elif code in _HEX_ESCAPES:
            width = _HEX_ESCAPES[code]
            digits = body[i + 2 : i + 2 + width]
            if len(digits) != width:
                raise ValueError(f"short \\{code} escape in {text!r}")
            value = int(digits, 16)
            if code == "x":
                # \xNN are raw bytes; consecutive ones may form one UTF-8 character.
                pending.append(value)
            else:
                out.append(chr(value))
            i += 2 + width
        elif code in "01234567":
            digits = body[i + 1 : i + 4]
            pending.append(int(digits, 8))
            i += 4
        else:
            raise ValueError(f"unknown escape \\{code} in {text!r}")
    if pending:
        out.append(pending.decode("utf-8", errors="replace"))
    return "".join(out)


def parse_parameters(text: str) -> list[tuple[str, str]]:
    """(name, value) pairs in the order given; unreadable lines are skipped."""
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        name, _, rest = line.strip().partition(" ")
        value = rest.strip()
        if not name or not value:
            continue
        if value.startswith('"'):
            try:
                value = unquote_go(value)
            except ValueError:
                continue
        pairs.append((name, value))
    return pairs
