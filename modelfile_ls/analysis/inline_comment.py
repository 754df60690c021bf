"""Ollama's comments start a line: a ` # note` after a value is part of the value. Where such a
would-be comment starts (MF009, MF105, MF201 and hover share this one definition)."""

from __future__ import annotations

from modelfile_ls.syntax.model import Span


def find_inline_comment(text: str, start: int = 0, end: int | None = None) -> Span | None:
    """The first `#` after a space or tab in `text[start:end]`, from the blanks before it
    to the `#` (inclusive), or None."""
    stop = len(text) if end is None else end
    at = text.find("#", start + 1, stop)
    while at != -1 and text[at - 1] not in " \t":
        at = text.find("#", at + 1, stop)
    if at == -1:
        return None
    blanks = at - 1
    while blanks > start and text[blanks - 1] in " \t":
        blanks -= 1
    return Span(blanks, at + 1)


def before_inline_comment(value: str) -> str | None:
    """What a value would be without its would-be comment; None when it has none."""
    found = find_inline_comment(value)
    return None if found is None else value[: found.start].rstrip()


def may_have_inline_comment(text: str, extent: Span) -> bool:
    """Whether a `#` follows a space or tab anywhere in `extent` (else no value there holds a
    would-be comment); `#` is rare, so finding each one (at memchr speed) beats searching for
    the two-character pairs."""
    at = text.find("#", extent.start, extent.end)
    while at != -1:
        if at > 0 and text[at - 1] in " \t":
            return True
        at = text.find("#", at + 1, extent.end)
    return False
