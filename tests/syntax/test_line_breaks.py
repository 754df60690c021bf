"""The line breaks a line index is built from (C: `_scan.line_breaks`) are those of the LSP's
definition (CR LF, CR or LF), found by a regular expression, in any part of any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax._scan import line_breaks

PIECES = st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r", "\r\n", "FROM x"]), max_size=40)


@settings(max_examples=2000, deadline=None)
@given(PIECES.map("".join), st.floats(0, 1), st.floats(0, 1))
def test_breaks_are_the_regular_expressions(text: str, first: float, second: float) -> None:
    start, end = sorted((int(first * len(text)), int(second * len(text))))
    expected = [m.end() for m in re.compile(r"\r\n|\r|\n").finditer(text, start, end)]
    assert line_breaks(text, start, end) == expected


def test_a_large_lf_text() -> None:
    text = "PARAMETER top_k 4\n" * 10_000 + "end"
    assert line_breaks(text, 0, len(text)) == [18 * (n + 1) for n in range(10_000)]
