"""`LineIndex.line_columns` and `bounds`, the bulk forms a report uses, agree with the
one-offset and one-line methods, in or out of order, with or without CR."""

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
    expected = [lines.line_column(offset, "utf-32") for offset in offsets]
    found_lines, columns = lines.line_columns(offsets)
    assert list(zip(found_lines, columns, strict=True)) == expected
    assert lines.bounds(found_lines) == (
        [lines.line_start(line) for line in found_lines],
        [lines.line_end(line) for line in found_lines],
    )


@settings(max_examples=1000, deadline=None)
@given(PIECES.map("".join), st.lists(st.tuples(st.integers(-3, 200), st.integers(0, 40))))
def test_a_line_no_later_than_each_offset_gives_the_same_answer(
    text: str, pairs: list[tuple[int, int]]
) -> None:
    lines = LineIndex(text)
    starts = [start for start, _ in pairs]
    ends = [start + length for start, length in pairs]
    first_lines, _ = lines.line_columns(starts)
    assert lines.line_columns(ends, first_lines) == lines.line_columns(ends)
