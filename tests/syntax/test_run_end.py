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
    _scan.PRINTABLE: r"[ -~]*",
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


@settings(max_examples=800, deadline=None)
@given(TEXTS, st.sets(st.sampled_from("\u00a0\u00e9\u200b\u4e2d\U0001f600\x7f\x01")))
def test_known_runes_join_the_value_classes(text: str, known: set[str]) -> None:
    """VALUE_CHARS and VISIBLE also take the runes above ASCII set in `kept`; no other class
    reads it, and ASCII is judged as without it."""
    kept = bytearray(0x110000 // 8)
    for code in map(ord, known):
        kept[code >> 3] |= 1 << (code & 7)
    extra = "".join(sorted(rune for rune in known if rune >= "\x80"))
    for run, pattern in CLASSES.items():
        if run in (_scan.VALUE_CHARS, _scan.VISIBLE) and extra:
            pattern = pattern[:-2] + re.escape(extra) + "]*"
        match = re.compile(pattern).match(text)
        assert _scan.run_end(text, 0, len(text), run, kept) == (match.end() if match else 0)
