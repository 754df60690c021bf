"""`_scan.run_end`, the lexer's character runs, against the regular expressions it replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import _scan

CLASSES = {
    _scan.BLANKS: r"[ \t\r\n]*",
    _scan.LETTERS: r"[A-Za-z]*",
    _scan.NAME_CHARS: r"[A-Za-z0-9_]*",
    _scan.WORD: r"[^ \t\r\n]*",
    _scan.VALUE_CHARS: r"[\t -~]*",
    _scan.VISIBLE: r"[\t\n\r -~]*",
}
TEXTS = st.text(
    alphabet=st.sampled_from(
        "aZz09_- \t\r\n#\"'~\x7f\x00\x01\x0b\u00a0\u00e9\u200b\ufeff\u4e2d\U0001f600"
    ),
    max_size=30,
)


@settings(max_examples=800, deadline=None)
@given(TEXTS, st.integers(-2, 32), st.integers(-2, 40), st.sampled_from(sorted(CLASSES)))
def test_runs_end_where_the_pattern_stops(text: str, pos: int, end: int, run: int) -> None:
    start = max(pos, 0)
    stop = min(max(end, 0), len(text))
    match = re.compile(CLASSES[run]).match(text, start, stop) if start <= stop else None
    expected = match.end() if match else start
    assert _scan.run_end(text, pos, end, run) == expected


def test_unknown_classes_are_refused() -> None:
    for run in (-1, max(CLASSES) + 1):
        try:
            _scan.run_end("abc", 0, 3, run)
        except ValueError as error:
            assert "character class" in str(error)
        else:
            raise AssertionError(f"class {run} accepted")
