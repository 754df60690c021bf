"""The suppression comment, `# modelfile-ls: ignore[MF101,MF102]` on its own line before an
instruction: the one place it is parsed and written (the analysis, code actions, completion
and hover all use this module)."""

from __future__ import annotations

from modelfile_ls.lazy_pattern import LazyPattern
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import re
    from collections.abc import Iterable

_MARK = "modelfile-ls"
"""What every suppression holds: a comment without it is ruled out before any pattern is
compiled (with `re`, off the `--check` path: bench/lazy_imports.py, "check path: re")."""
_OPENING = LazyPattern(rf"\s*{_MARK}:\s*ignore\[")
_CODES = LazyPattern(r"[A-Za-z0-9_,\s]*")
_CLOSING = LazyPattern(r"\]\s*$")


class Directive(NamedTuple):
    """A parsed suppression: its codes and where their list lies in the comment's text."""

    codes: tuple[str, ...]
    """Upper-case codes or prefixes (`MF1`), in the order written."""
    codes_start: int
    codes_end: int
    """Offsets of the text between the brackets, in the comment text (after the `#`)."""


def _opening(comment_text: str) -> re.Match[str] | None:
    """Where a suppression's `modelfile-ls: ignore[` ends in a comment's text, if it has one."""
    return _OPENING.match(comment_text) if _MARK in comment_text else None


def is_directive(comment_text: str) -> bool:
    """Whether a comment (its text after the `#`) is meant as a suppression, even unfinished."""
    return _opening(comment_text) is not None


def parse_directive(comment_text: str) -> Directive | None:
    """The suppression a comment's text (after the `#`) holds, or None if it holds none."""
    opening = _opening(comment_text)
    if opening is None:
        return None
    codes = _CODES.match(comment_text, opening.end())
    assert codes is not None  # the pattern also matches the empty string
    if _CLOSING.match(comment_text, codes.end()) is None:
        return None
    written = tuple(c.strip().upper() for c in codes.group().split(",") if c.strip())
    return Directive(written, codes.start(), codes.end())


def in_code_list(comment_text_before_cursor: str) -> bool:
    """Whether the cursor (at the end of this comment text) is inside the `[...]` list."""
    opening = _opening(comment_text_before_cursor)
    if opening is None:
        return False
    codes = _CODES.match(comment_text_before_cursor, opening.end())
    return codes is not None and codes.end() == len(comment_text_before_cursor)


def directive_comment(codes: Iterable[str]) -> str:
    """The comment line (without indentation or line break) that suppresses `codes`."""
    return f"# modelfile-ls: ignore[{directive_codes(codes)}]"


def directive_codes(codes: Iterable[str]) -> str:
    """The text between the brackets for `codes`."""
    return ",".join(codes)
