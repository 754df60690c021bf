"""The parser against Ollama's own: `tests/syntax/gen/decode_verdicts.json` holds what Ollama's
`parser.ParseFile`, built with the Go release Ollama uses, returns for bytes and runes where Go
and Python differ unless mirrored exactly (ill-formed UTF-8 with and without a BOM, broken
UTF-16, runes newer than Python's or Go's Unicode tables), and quoted values over lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls import gounicode
from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.decode import decode_modelfile
from modelfile_ls.syntax.ollama_view import ollama_verdict

TABLE = json.loads((Path(__file__).parent / "gen" / "decode_verdicts.json").read_text())
CASES: list[dict[str, Any]] = TABLE["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['why']}" for i, c in enumerate(CASES)])
def test_the_parser_returns_what_ollamas_returns(case: dict[str, Any]) -> None:
    data = bytes.fromhex(case["hex"])
    expected = dict(case["verdict"])
    expected.setdefault("ok", False)
    assert ollama_verdict(parse_bytes(data)) == expected


def test_the_table_covers_each_kind_of_difference() -> None:
    kinds = {case["why"] for case in CASES}
    assert {"ill-formed UTF-8", "ill-formed UTF-8 after a BOM", "utf-16-le", "utf-16-be"} <= kinds
    assert "quoted values over lines" in kinds
    assert any("(15.0) in a value" in kind for kind in kinds)
    assert any("(16.0) in a value" in kind for kind in kinds)


def test_a_cut_sequence_is_one_replacement_without_a_bom_and_one_per_byte_after_one() -> None:
    plain = decode_modelfile(b"a\xe2\x80b")
    with_bom = decode_modelfile(b"\xef\xbb\xbfa\xe2\x80b")
    assert (plain.text, plain.replaced_bytes) == ("a\ufffdb", 2)
    assert (with_bom.text, with_bom.replaced_bytes) == ("a\ufffd\ufffdb", 2)
    assert decode_modelfile("a\ufffdb".encode()).replaced_bytes == 0


def test_utf16_surrogates_decode_as_go_decodes_them() -> None:
    def units(*values: int) -> bytes:
        return b"\xff\xfe" + b"".join(v.to_bytes(2, "little") for v in values)

    assert decode_modelfile(units(0xD83D, 0xDE00)).text == "\U0001f600"
    # Go pairs a unit with any following DC00-DFFF unit: two lows are one U+FFFD.
    assert decode_modelfile(units(0xDC00, 0xDC00, 0x41)).text == "\ufffdA"
    assert decode_modelfile(units(0xD800, 0x41)).text == "\ufffdA"
    assert decode_modelfile(units(0x41) + b"\x42").text == "A\ufffd"


@pytest.mark.parametrize(
    ("char", "printable"),
    [
        (" ", True),
        ("~", True),
        ("\t", False),
        ("\x7f", False),
        ("\u00a0", False),
        ("\u200b", False),
        ("\U0001fa77", True),
        ("\U00031350", True),
        ("\U0002ebf0", False),
        ("\U0001fae9", False),
        ("\U0010ffff", False),
    ],
)
def test_is_print_is_gos_unicode_15(char: str, printable: bool) -> None:
    assert gounicode.UNICODE_VERSION == "15.0.0"
    assert gounicode.is_print(char) is printable


def test_go_letters_digits_and_graphic_runes() -> None:
    assert gounicode.is_letter("\U00011f04") and not gounicode.is_letter("\U0001fa77")
    assert gounicode.is_digit("\u0663") and not gounicode.is_digit("\u00b2")
    assert gounicode.is_graphic("\u00a0") and not gounicode.is_print("\u00a0")
    assert not gounicode.is_letter("_") and not gounicode.is_digit("a")
