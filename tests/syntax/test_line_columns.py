"""`LineIndex.line_columns` and `bounds`, the bulk forms a report uses, agree with the
one-offset and one-line methods, in or out of order, with or without CR; the C search
behind them agrees with a bisection."""

from __future__ import annotations

from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import line_numbers
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
@given(st.lists(st.integers(0, 50), min_size=1, max_size=30), st.lists(st.integers(0, 60)))
def test_line_numbers_are_bisections_in_any_order(gaps: list[int], offsets: list[int]) -> None:
    """The C search from the previous offset's line (forward by galloping, back by
    bisection) finds what a bisection over all the line starts finds."""
    starts = [0]
    for gap in gaps:
        starts.append(starts[-1] + gap + 1)
    assert line_numbers(starts, offsets) == [bisect_right(starts, o) - 1 for o in offsets]


def test_line_numbers_refuse_what_is_not_a_line_index() -> None:
    with pytest.raises(ValueError):
        line_numbers([0, 3], [-1])
    with pytest.raises(ValueError):
        line_numbers([1, 3], [2])
    with pytest.raises(ValueError):
        line_numbers([], [2])
