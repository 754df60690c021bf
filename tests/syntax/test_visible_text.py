"""The runes Ollama drops from a value, found per distinct rune, against the rune-by-rune
definition (`strconv.IsPrint`, tab, CR and LF kept)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.gounicode import is_print
from modelfile_ls.syntax.lexer import invisible_offsets, visible_text

RUNES = st.sampled_from(
    "ab \t\r\n\x00\x01\x1b\x7f\u00a0\u00ad\u00e9\u200b\u200d\u2028\u3000\u4e2d\ufeff\U0001f600"
)


def _kept(rune: str) -> bool:
    return rune in "\t\r\n" or is_print(rune)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=RUNES, max_size=40))
def test_visible_text_drops_exactly_the_invisible_runes(text: str) -> None:
    assert visible_text(text) == "".join(rune for rune in text if _kept(rune))


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=RUNES, max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_invisible_offsets_are_each_dropped_rune(text: str, start: int, end: int) -> None:
    expected = [i for i in range(start, min(end, len(text))) if not _kept(text[i])]
    assert invisible_offsets(text, start, end) == expected


def test_a_long_prompt_keeps_its_text() -> None:
    prompt = "Réponds en français, sans détour. " * 400
    assert visible_text(prompt) is prompt
    assert visible_text(prompt + "\u200b") == prompt
    assert invisible_offsets(prompt + "\u200b", 0, len(prompt) + 1) == [len(prompt)]
