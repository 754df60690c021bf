"""The lexer's C fast path (`syntax/_scan.c`) reads simple lines exactly as the rune-by-rune
path does: with it and without it, every text scans to the same instructions, comments and
problems, spans and strings included."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import lexer, parse_bytes
from tests.conftest import corpus_files, corpus_params

GOLDEN = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.Modelfile"))

PIECES = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    '"',
    '"""',
    "#",
    "# note",
    "x",
    "0.7",
    "a b",
    "_",
    "-",
    ":",
    "é",
    "😀",
    "\u200b",
    "\x00",
    "\x7f",
    "\x01",
    "~",
    "FROM",
    "from",
    "FrOm",
    "FROMX",
    "LICENSE",
    "TEMPLATE",
    "SYSTEM",
    "ADAPTER",
    "DRAFT",
    "RENDERER",
    "PARSER",
    "REQUIRES",
    "PARAMETER",
    "parameter",
    "PARAMETERS",
    "MESSAGE",
    "message",
    "system",
    "user",
    "User",
    "assistant",
    "users",
    "BADCMD",
    "temperature",
    "num_ctx",
    "stop",
    "llama3.2:1b",
]

TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def scanned_without_fast_path(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    """The scan with the C path answering "no simple line here" everywhere."""
    with monkeypatch.context() as patched:
        patched.setattr(lexer, "scan_simple", lambda text, pos, *rest: pos)
        return lexer.scan(text)


def assert_same_scan(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = lexer.scan(text)
    assert fast == scanned_without_fast_path(text, monkeypatch), repr(text)


@given(TEXTS)
@settings(max_examples=1500, deadline=None)
def test_random_texts_scan_alike(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_scan(text, monkeypatch)


@given(
    st.sampled_from(["FROM", "SYSTEM", "PARAMETER temperature", "MESSAGE user", "ADAPTER"]),
    st.sampled_from([" ", "\t", "  ", " \t"]),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=12),
    st.sampled_from(["", "\n", "\r\n", "\r", " \n", "\t"]),
)
@settings(max_examples=1500, deadline=None)
def test_one_instruction_with_any_value_scans_alike(
    keyword: str, separator: str, value: str, ending: str
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_scan(f"{keyword}{separator}{value}{ending}FROM x\n", monkeypatch)


def test_a_run_of_simple_lines_is_read_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "FROM x\nPARAMETER temperature 0.7\nMESSAGE user hi\n\n  SYSTEM be brief\n"
        "from y\nParameter num_ctx\t8\nmessage assistant ok # not a comment\nsystem\t\n"
    )
    found: list[object] = []
    stopped = lexer.scan_simple(
        text, 0, found, lexer._SIMPLE_TYPES, lexer._SIMPLE_KEYWORDS, lexer._ROLES
    )
    assert stopped == len(text) - 1  # at the last line break: nothing simple follows it
    assert found == lexer.scan(text)[0]
    keywords = [i.keyword for i in lexer.scan(text)[0]]
    assert keywords == ["FROM", "PARAMETER", "MESSAGE", "SYSTEM"] * 2


def test_it_stops_before_the_blanks_of_a_line_that_is_not_simple() -> None:
    text = 'FROM x\n\n  SYSTEM "quoted"\n'
    found: list[object] = []
    stopped = lexer.scan_simple(
        text, 0, found, lexer._SIMPLE_TYPES, lexer._SIMPLE_KEYWORDS, lexer._ROLES
    )
    assert stopped == len("FROM x")
    assert len(found) == 1


@pytest.mark.parametrize("path", corpus_params([*GOLDEN, *corpus_files()], lambda p: p.stem))
def test_corpus_and_golden_files_scan_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_scan(parse_bytes(path.read_bytes()).text, monkeypatch)
