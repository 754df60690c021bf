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


def fast_scan(text: str) -> tuple[int, list[object]]:
    """Where the C path stops reading `text` from its start, and the instructions it read."""
    found: list[object] = []
    stopped = lexer.scan_simple(
        text, 0, found, lexer._SIMPLE_TYPES, lexer._SIMPLE_KEYWORDS, lexer._ROLES, lexer._KEPT_MAP
    )
    return stopped, found


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


@given(
    st.sampled_from(["SYSTEM", "PARAMETER stop", "MESSAGE user", 'MESSAGE assistant """']),
    st.text(alphabet=st.characters(min_codepoint=0x80, max_codepoint=0x3100), max_size=10),
    st.sampled_from(["", " x", "\t", '"""', "\n", "\r\n"]),
)
@settings(max_examples=1500, deadline=None)
def test_runes_met_before_are_read_alike_by_the_fast_path(
    opening: str, runes: str, rest: str
) -> None:
    """Once the rune-by-rune path has met a rune (and found it printable), the C path reads
    values holding it; the instructions are the same either way."""
    text = f"{opening} {runes}{rest}\nFROM x\n"
    lexer.scan(text)  # meets the runes: the printable ones join `lexer._KEPT_MAP`
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_scan(text, monkeypatch)


def test_an_accented_line_is_simple_once_its_runes_are_known() -> None:
    line = "MESSAGE user Où est la capitale ? C'est à Paris, répond-il.\n"
    lexer.scan(line)
    stopped, found = fast_scan(line * 3)
    assert len(found) == 3 and not (line * 3)[stopped:].strip()
    invisible = "MESSAGE user Où\u200b est\n"
    lexer.scan(invisible)
    assert fast_scan(invisible)[0] == 0  # a dropped rune is never known


QUOTED_PIECES = ['"', '""', '"""', '""""', " ", "\t", "\n", "\r\n", "x", "a b", "#", "\u200b", "é"]


@given(
    st.sampled_from(["SYSTEM", "TEMPLATE", "PARAMETER stop", "MESSAGE assistant", "FROM"]),
    st.sampled_from([" ", "\t", "  ", " \t"]),
    st.sampled_from(['"', '"""', '""', '""""']),
    st.lists(st.sampled_from(QUOTED_PIECES), max_size=14).map("".join),
    st.sampled_from(['"', '"""', '""""', '"""  ', '" \t', "", "x"]),
    st.sampled_from(["", "\n", "\r\n", " \n", "\nFROM y\n"]),
)
@settings(max_examples=2000, deadline=None)
def test_quoted_values_over_any_lines_scan_alike(
    keyword: str, separator: str, opening: str, body: str, closing: str, ending: str
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_scan(f"{keyword}{separator}{opening}{body}{closing}{ending}", monkeypatch)


def test_quoted_values_are_read_in_the_same_call() -> None:
    text = (
        'MESSAGE assistant """Open Settings.\nEnable it."""\nPARAMETER stop "<|eot|>" \n'
        'SYSTEM """""" \nPARAMETER stop ""\nTEMPLATE "a\n\tb" \nFROM x\n'
    )
    stopped, found = fast_scan(text)
    assert stopped == len(text) - 1
    assert found == lexer.scan(text)[0]
    assert [i.value.text for i in found] == [
        "Open Settings.\nEnable it.",
        "<|eot|>",
        "",
        "",
        "a\n\tb",
        "x",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'SYSTEM """never closed\nFROM x\n',
        'SYSTEM "a\r\nb"\n',
        'SYSTEM """a\u200b"""\n',
        'SYSTEM """a\n\u200b\n"""\n',
    ],
)
def test_a_quoted_value_the_python_scanner_must_read_stops_the_fast_path(text: str) -> None:
    stopped, found = fast_scan(text)
    assert (stopped, found) == (0, [])


def test_a_run_of_simple_lines_is_read_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "FROM x\nPARAMETER temperature 0.7\nMESSAGE user hi\n\n  SYSTEM be brief\n"
        "from y\nParameter num_ctx\t8\nmessage assistant ok # not a comment\nsystem\t\n"
    )
    stopped, found = fast_scan(text)
    assert stopped == len(text) - 1  # at the last line break: nothing simple follows it
    assert found == lexer.scan(text)[0]
    keywords = [i.keyword for i in lexer.scan(text)[0]]
    assert keywords == ["FROM", "PARAMETER", "MESSAGE", "SYSTEM"] * 2


def test_it_stops_before_the_blanks_of_a_line_that_is_not_simple() -> None:
    text = 'FROM x\n\n  SYSTEM "quoted\u200b"\n'
    stopped, found = fast_scan(text)
    assert stopped == len("FROM x")
    assert len(found) == 1


@pytest.mark.parametrize("path", corpus_params([*GOLDEN, *corpus_files()], lambda p: p.stem))
def test_corpus_and_golden_files_scan_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_scan(parse_bytes(path.read_bytes()).text, monkeypatch)


def test_equal_parameter_values_are_one_string() -> None:
    """A few-shot file's repeated `PARAMETER temperature 0.7` lines share one value text (the
    parameter rules key on name and value), quoted or not; other values are their own."""
    text = 'PARAMETER temperature 0.7\nPARAMETER temperature 0.7\nPARAMETER stop "x"\n' * 2
    text += "SYSTEM same\nSYSTEM same\n"
    values = [i.value.text for i in parse_bytes(text.encode()).instructions if i.value]
    assert values[0] is values[1] is values[3] is values[4]
    assert values[2] is values[5]
    assert values[6] == values[7]
