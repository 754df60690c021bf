"""`LineIndex.whole_lines_each`, the bulk form the delete fixes use, agrees with
`whole_lines` span by span, with LF, CRLF and lone CR line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import lf_whole_lines
from modelfile_ls.syntax.positions import LineIndex

PIECES = st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "FROM x"]), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(PIECES.map("".join), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=12))
def test_each_span_as_whole_lines_gives_it(text: str, fractions: list[tuple[float, float]]) -> None:
    lines = LineIndex(text)
    spans = []
    for first, second in fractions:
        start, end = sorted((int(first * len(text)), int(second * len(text))))
        spans.append((start, end))
    assert lines.whole_lines_each(spans) == [lines.whole_lines(s, e) for s, e in spans]


def test_spans_before_the_last_line_of_an_lf_text() -> None:
    text = "a\nbb\r\nccc\nd"
    lines = LineIndex(text)
    spans = [(0, 1), (2, 4), (6, 9), (2, 9)]
    assert lines.whole_lines_each(spans) == [lines.whole_lines(s, e) for s, e in spans]


def test_the_c_search_refuses_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError):
        lf_whole_lines("a\nb\n", [(2, 9)])
    with pytest.raises(ValueError):
        lf_whole_lines("a\nb\n", [(2, 1)])
    assert lf_whole_lines("a\nb", [(0, 1), (2, 3)]) is None
