"""`LineIndex.whole_lines_each`, the bulk form the delete fixes use, agrees with
`whole_lines` span by span, in order or not, with LF, CRLF and lone CR line breaks, and makes
what it is asked to make."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import whole_lines
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

PIECES = st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "FROM x"]), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(
    PIECES.map("".join),
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=12),
    st.booleans(),
)
def test_each_span_as_whole_lines_gives_it(
    text: str, fractions: list[tuple[float, float]], ordered: bool
) -> None:
    lines = LineIndex(text)
    spans = []
    for first, second in fractions:
        start, end = sorted((int(first * len(text)), int(second * len(text))))
        spans.append((start, end))
    if ordered:
        spans.sort()
    found = lines.whole_lines_each(spans, Span)
    assert found == [lines.whole_lines(s, e) for s, e in spans]
    assert all(type(span) is Span for span in found)


def test_spans_before_the_last_line_of_an_lf_text() -> None:
    text = "a\nbb\r\nccc\nd"
    lines = LineIndex(text)
    spans = [(0, 1), (2, 4), (6, 9), (2, 9)]
    assert lines.whole_lines_each(iter(spans), tuple) == [lines.whole_lines(s, e) for s, e in spans]


def test_the_c_pass_refuses_a_span_outside_the_text_and_what_is_not_a_span() -> None:
    starts = [0, 2, 4]
    for span in ((2, 9), (2, 1), (-1, 1)):
        with pytest.raises(ValueError):
            whole_lines(starts, "a\nb\n", [span], tuple)
    with pytest.raises(TypeError):
        whole_lines(starts, "a\nb\n", [(0, 1, 2)], tuple)
    with pytest.raises(TypeError):
        whole_lines(starts, "a\nb\n", [(0, 1)], list)  # type: ignore[type-var]
