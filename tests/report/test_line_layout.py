"""The text report's layout of a line, its printable-ASCII runs found in C (`_scan.run_end`,
PRINTABLE), is the reference's character-by-character layout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.report.text import _layout

from .reference_text import _layout as reference_layout

LINES = st.text(
    alphabet=st.sampled_from("ab ~\t\x00\x1b\x7f\u00e9\u200b\u4e2d\U0001f600\ufeff"), max_size=30
)


@settings(max_examples=1000, deadline=None)
@given(LINES)
def test_a_line_is_laid_out_as_the_reference_lays_it_out(line: str) -> None:
    shown, cells = _layout(line)
    glyphs, reference_cells = reference_layout(line)
    assert shown == "".join(glyphs)
    assert list(cells[: len(line) + 1]) == reference_cells
