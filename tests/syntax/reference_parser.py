"""A literal, rune-by-rune port of Ollama's `parser.ParseFile` (v0.33.0-rc2), as a test oracle.

It is deliberately naive and slow: it mirrors the Go state machine line for line so that the
fast scanner in `modelfile_ls.syntax.lexer` can be checked against it on random input.
"""

from __future__ import annotations

from modelfile_ls.gounicode import is_print

INVALID_COMMAND = (
    'command must be one of "from", "license", "template", "system", "adapter", "draft",'
    ' "renderer", "parser", "parameter", "message", or "requires"'
)
INVALID_ROLE = 'message role must be one of "system", "user", or "assistant"'
COMMANDS = {
    "from", "license", "template", "system", "adapter", "draft",
    "renderer", "parser", "parameter", "message", "requires",
}  # fmt: skip
NIL, NAME, VALUE, PARAMETER, MESSAGE, COMMENT = range(6)


class EOFError_(Exception):
    """Go's io.ErrUnexpectedEOF."""


class InvalidCommand(Exception):
    """Go's errInvalidCommand."""


def is_alpha(r: str) -> bool:
    return "a" <= r <= "z" or "A" <= r <= "Z"


def is_space(r: str) -> bool:
    return r in " \t"


def is_newline(r: str) -> bool:
    return r in "\r\n"


def unquote(s: str) -> tuple[str, bool]:
    if s.startswith('"""'):
        if len(s) >= 6 and s.endswith('"""'):
            return s[3:-3], True
        return "", False
    if s.startswith('"'):
        if len(s) >= 2 and s.endswith('"'):
            return s[1:-1], True
        return "", False
    return s, True


def parse_rune(r: str, state: int) -> tuple[int, str]:
    if state == NIL:
        if r == "#":
            return COMMENT, "\0"
        if is_space(r) or is_newline(r):
            return NIL, "\0"
        return NAME, r
    if state == NAME:
        if is_alpha(r):
            return NAME, r
        if is_space(r):
            return VALUE, "\0"
        raise InvalidCommand
    if state == VALUE:
        return (NIL, r) if is_newline(r) or is_space(r) else (VALUE, r)
    if state == PARAMETER:
        if is_alpha(r) or "0" <= r <= "9" or r == "_":
            return PARAMETER, r
        if is_space(r):
            return VALUE, "\0"
        raise EOFError_
    if state == MESSAGE:
        if is_alpha(r):
            return MESSAGE, r
        if is_space(r):
            return VALUE, "\0"
        raise EOFError_
    if state == COMMENT:
        return (NIL, "\0") if is_newline(r) else (COMMENT, "\0")
    raise AssertionError(state)


def parse_file(text: str) -> tuple[list[tuple[str, str]] | None, str | None]:
    """(commands, None) or (None, error) exactly as Go's ParseFile."""
    commands: list[tuple[str, str]] = []
    name = ""
    state = NIL
    line = 1
    buffer: list[str] = []
    role = ""
    for r in text:
        if is_newline(r):
            line += 1
        try:
            following, r = parse_rune(r, state)
        except EOFError_:
            return None, f"unexpected EOF: {''.join(buffer)}"
        except InvalidCommand:
            return None, f"(line {line}): {INVALID_COMMAND}"
        if following != state:
            if state == NAME:
                word = "".join(buffer)
                if word.lower() not in COMMANDS:
                    return None, f"(line {line}): {INVALID_COMMAND}"
                lowered = word.lower()
                if lowered == "from":
                    name = "model"
                elif lowered == "parameter":
                    following = PARAMETER
                elif lowered == "message":
                    following = MESSAGE
                    name = lowered
                else:
                    name = lowered
            elif state == PARAMETER:
                name = "".join(buffer)
            elif state == MESSAGE:
                word = "".join(buffer)
                if word not in ("system", "user", "assistant"):
                    return None, f"(line {line}): {INVALID_ROLE}"
                role = word
            elif state == VALUE:
                value, ok = unquote("".join(buffer).strip(" \t\r\n"))
                if not ok or is_space(r):
                    buffer.append(r)
                    continue
                if role:
                    value = f"{role}: {value}"
                    role = ""
                commands.append((name, value))
            buffer = []
            state = following
        if r != "\0" and is_print(r):
            buffer.append(r)
    if state == VALUE:
        value, ok = unquote("".join(buffer).strip(" \t\r\n"))
        if not ok:
            return None, "unexpected EOF"
        if role:
            value = f"{role}: {value}"
        commands.append((name, value))
    elif state not in (NIL, COMMENT):
        return None, "unexpected EOF"
    if not any(command == "model" for command, _ in commands):
        return None, "no FROM line"
    return commands, None
