"""`LineIndex.line_columns` and `bounds`, the bulk forms a report uses, agree with the
one-offset and one-line methods, in or out of order, with or without CR; the C search
behind them agrees with a bisection."""

from __future__ import annotations

from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import line_columns, span_regions
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
    assert lines.line_columns(iter(offsets), base=1) == (
        [line + 1 for line in found_lines],
        [column + 1 for column in columns],
    )
    assert lines.bounds(found_lines) == (
        [lines.line_start(line) for line in found_lines],
        [lines.line_end(line) for line in found_lines],
    )


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=30), st.lists(st.integers(0, 60)))
def test_line_search_is_a_bisection_in_any_order(gaps: list[int], offsets: list[int]) -> None:
    """The C search from the previous offset's line (forward by galloping, back by
    bisection) finds what a bisection over all the line starts finds."""
    starts = [0]
    for gap in gaps:
        starts.append(starts[-1] + gap + 1)
    lines = [bisect_right(starts, o) - 1 for o in offsets]
    assert line_columns(starts, offsets, 10_000, 0) == (
        lines,
        [o - starts[line] for o, line in zip(offsets, lines, strict=True)],
    )


def test_the_c_search_refuses_what_is_not_a_line_index() -> None:
    for starts in ([1, 3], []):
        with pytest.raises(ValueError):
            line_columns(starts, [2], 5, 0)
        with pytest.raises(ValueError):
            span_regions(starts, [(0, 2)], 5)
    with pytest.raises(TypeError):
        line_columns([0, 3], ["2"], 5, 0)
    with pytest.raises(TypeError):
        span_regions([0, 3], [(0, 2, 4)], 5)
    with pytest.raises(TypeError):
        span_regions([0, 3], [("0", 2)], 5)
