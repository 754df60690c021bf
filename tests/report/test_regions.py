"""1-based regions with code-point columns and exclusive ends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.report.regions import Region, region
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

from .builders import span_of


def test_first_character_is_line_1_column_1() -> None:
    text = "FROM llama3.2\n"
    assert region(LineIndex(text), Span(0, 4)) == Region(1, 1, 1, 5)


def test_end_points_just_past_the_last_character() -> None:
    text = "FROM llama3.2\nPARAMETER temperatur 0.5\n"
    span = span_of(text, "temperatur")
    assert region(LineIndex(text), span) == Region(2, 11, 2, 21)


def test_columns_count_code_points_not_utf16_units_or_bytes() -> None:
    text = 'SYSTEM "é😀 bad"\n'
    span = span_of(text, "bad")
    # S,Y,S,T,E,M,space,quote,é,😀,space: 11 code points (12 UTF-16 units, 16 bytes) before it.
    assert region(LineIndex(text), span) == Region(1, 12, 1, 15)


def test_zero_width_span_ends_where_it_starts() -> None:
    text = "FROM\n"
    assert region(LineIndex(text), Span(4, 4)) == Region(1, 5, 1, 5)


def test_multi_line_span() -> None:
    text = 'FROM x\nSYSTEM """one\ntwo"""\n'
    span = Span(text.index('"""'), text.index("two") + 6)
    assert region(LineIndex(text), span) == Region(2, 8, 3, 7)


def test_span_that_takes_the_line_break_ends_on_the_next_line() -> None:
    text = "FROM x\nFROM y\n"
    assert region(LineIndex(text), Span(0, 7)) == Region(1, 1, 2, 1)


def test_crlf_line_breaks() -> None:
    text = "FROM x\r\nPARAMETER bad 1\r\n"
    assert region(LineIndex(text), span_of(text, "bad")) == Region(2, 11, 2, 14)


TEXTS = st.lists(
    st.sampled_from(["FROM x", "\n", "\r\n", "\r", "é", "😀", "\t", "ab", '"""']), max_size=25
).map("".join)


@given(
    TEXTS,
    st.lists(st.tuples(st.integers(-3, 80), st.integers(-3, 80)), max_size=12),
    st.booleans(),
)
@settings(max_examples=600, deadline=None)
def test_regions_are_each_spans_region(
    text: str, pairs: list[tuple[int, int]], ordered: bool
) -> None:
    """The report formats' one-pass `LineIndex.regions` (in C, each search from the previous
    span's line) agrees with `region` span by span, in order or not: ends on the start's
    line, on later lines, past the text, zero-width and reversed spans included."""
    lines = LineIndex(text)
    spans = [Span(start, end) for start, end in pairs]
    if ordered:
        spans.sort()
    assert lines.regions(spans) == [region(lines, span) for span in spans]
