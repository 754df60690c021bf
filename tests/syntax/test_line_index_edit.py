"""An edited line index equals one built from scratch, whatever the edit does to line breaks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax.positions import LineIndex, Position

PIECES = st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r", "\r\n", "FROM x"]), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(PIECES.map("".join), st.integers(0), st.integers(0), PIECES.map("".join))
def test_edited_matches_fresh_index(text: str, at: int, length: int, inserted: str) -> None:
    start = at % (len(text) + 1)
    end = min(len(text), start + length % 8)
    new_text = text[:start] + inserted + text[end:]
    edited = LineIndex(text).edited(start, end, inserted, new_text)
    fresh = LineIndex(new_text)
    assert edited.line_count == fresh.line_count
    for line in range(fresh.line_count):
        assert edited.line_start(line) == fresh.line_start(line)
    for offset in range(len(new_text) + 1):
        assert edited.position(offset) == fresh.position(offset)
    assert edited.offset(Position(0, 0)) == 0
