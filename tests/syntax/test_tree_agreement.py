"""The tree-sitter grammar and the lexer agree on where every instruction starts and ends,
on every corpus file and on randomly mutated ones (errors included).

Invisible runes are inserted only before a letter: one where an instruction starts and not
directly before a keyword's letters, and a NUL inside a word, are where the two differ (the
README's design notes say why)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.lexer import is_printable
from modelfile_ls.syntax.tree import instruction_spans
from tests.conftest import corpus_files, corpus_params

GOLDEN = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.Modelfile"))
SEEDS = [parse_bytes(p.read_bytes()).text for p in [*GOLDEN, *corpus_files()]]
PIECES = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    '"',
    '"""',
    "#",
    "x",
    "0",
    ":",
    "=",
    "é",
    "😀",
    "\u200bx",
    "\ufeffFROM x",
    "FROM ",
    "from",
    "PARAMETER ",
    "PARAMETER  ",
    "MESSAGE user ",
    "MESSAGE usr ",
    "MESSAGE ",
    "SYSTEM ",
    'SYSTEM """',
    "TEMPLATE ",
    "BADCMD ",
    "\\",
]


def _blank(text: str, at_end: bool) -> bool:
    """Only what sits between a value and its line break: spaces, tabs, invisible runes
    (and line breaks too at the end of the text, where an unterminated value stops)."""
    breaks = "" if at_end else "\r\n"
    return all(c in " \t" or (c not in breaks and not is_printable(c)) for c in text)


def assert_agree(text: str) -> None:
    lexed = [(i.span.start, i.span.end) for i in parse(text).instructions]
    tree = instruction_spans(text)
    assert [start for start, _ in tree] == [start for start, _ in lexed]
    for (_, tree_end), (_, lexer_end) in zip(tree, lexed, strict=True):
        low, high = sorted((tree_end, lexer_end))
        assert _blank(text[low:high], high == len(text)), (text[low:high], tree_end, lexer_end)


@pytest.mark.parametrize("path", corpus_params(corpus_files(), lambda p: p.stem))
def test_corpus_files(path: Path) -> None:
    assert_agree(parse_bytes(path.read_bytes()).text)


_INVISIBLE_ALONE = re.compile(r"[\u200b\ufeff](?![A-Za-z])")
"""An inserted invisible rune that a later mutation separated from its letter (a deletion
after `\u200bx`): the class outside the property."""


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    seeded = len(_INVISIBLE_ALONE.findall(text))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        inserted = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=4)))
        text = text[:start] + inserted + text[end:]
    assume(len(_INVISIBLE_ALONE.findall(text)) <= seeded)
    return text


@settings(max_examples=1500, deadline=None)
@given(mutated())
def test_mutated_files(text: str) -> None:
    assert_agree(text)
