"""`LineIndex.locate_each` finds the same lines as a fresh search, in or out of order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax.positions import LineIndex

PIECES = st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "FROM x"]), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(PIECES.map("".join), st.lists(st.integers(-3, 200), max_size=12), st.booleans())
def test_each_offset_is_located_as_by_a_fresh_search(
    text: str, offsets: list[int], ordered: bool
) -> None:
    if ordered:
        offsets.sort()
    lines = LineIndex(text)
    expected = []
    for offset in offsets:
        line = lines.line_of(min(max(offset, 0), len(text)))
        expected.append((line, lines.line_start(line), lines.line_end(line)))
    assert list(lines.locate_each(offsets)) == expected
