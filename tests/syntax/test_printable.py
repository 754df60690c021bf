"""The lexer's `is_printable` answers ASCII itself and the rest from Go's tables: both agree
with `gounicode.is_print` (Go's `strconv.IsPrint`) on every rune tried."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from modelfile_ls.gounicode import is_print
from modelfile_ls.syntax.lexer import is_printable


def test_every_ascii_rune_as_go_judges_it() -> None:
    for code in range(0x80):
        assert is_printable(chr(code)) == is_print(chr(code)), hex(code)
    assert is_printable(" ") and not is_printable("\t") and not is_printable("\x7f")


@given(st.characters(min_codepoint=0x80))
def test_other_runes_as_go_judges_them(char: str) -> None:
    assert is_printable(char) == is_print(char)
