"""cursor_context: what is at the cursor, on complete and half-typed lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import parse
from modelfile_ls.syntax.cursor import CursorKind, comment_at, cursor_context, instruction_at
from tests.features.conftest import cursor

K = CursorKind

CASES = [
    # (document with cursor, kind, prefix, keyword, parameter)
    ("‸", K.KEYWORD, "", "", None),
    ("PARAM‸", K.KEYWORD, "PARAM", "", None),
    ("FROM x\nfr‸", K.KEYWORD, "fr", "", None),
    ("FROM x\n  ‸", K.KEYWORD, "", "", None),
    ("FR‸OM x", K.KEYWORD, "FR", "FROM", None),
    ("FROM‸", K.KEYWORD, "FROM", "FROM", None),
    ("PARAMETER ‸", K.PARAMETER_NAME, "", "PARAMETER", None),
    ("PARAMETER te‸", K.PARAMETER_NAME, "te", "PARAMETER", None),
    ("PARAMETER te‸\nFROM x\n", K.PARAMETER_NAME, "te", "PARAMETER", None),
    ("PARAMETER te‸mperature 0.5", K.PARAMETER_NAME, "te", "PARAMETER", None),
    ("PARAMETER temperature ‸", K.PARAMETER_VALUE, "", "PARAMETER", "temperature"),
    ('PARAMETER stop "<|‸', K.PARAMETER_VALUE, '"<|', "PARAMETER", "stop"),
    ("PARAMETER use_mmap t‸rue", K.PARAMETER_VALUE, "t", "PARAMETER", "use_mmap"),
    ("PARAMETER system hi‸", K.VALUE, "hi", "SYSTEM", None),
    ("PARAMETER model lla‸", K.REFERENCE, "lla", "FROM", None),
    ("MESSAGE ‸", K.MESSAGE_ROLE, "", "MESSAGE", None),
    ("MESSAGE us‸", K.MESSAGE_ROLE, "us", "MESSAGE", None),
    ("MESSAGE user hé‸llo", K.VALUE, "hé", "MESSAGE", None),
    ("FROM lla‸", K.REFERENCE, "lla", "FROM", None),
    ("FROM ‸", K.REFERENCE, "", "FROM", None),
    ("FROM llama3.2:‸", K.REFERENCE, "llama3.2:", "FROM", None),
    ("ADAPTER ./lo‸", K.REFERENCE, "./lo", "ADAPTER", None),
    ('DRAFT "./d‸"', K.REFERENCE, "./d", "DRAFT", None),
    ("TEMPLATE {{ .Sy‸", K.TEMPLATE_ACTION, ".Sy", "TEMPLATE", None),
    ("TEMPLATE {{ .Sy‸stem }}", K.TEMPLATE_ACTION, ".Sy", "TEMPLATE", None),
    ("TEMPLATE {{ $.Sy‸", K.TEMPLATE_ACTION, ".Sy", "TEMPLATE", None),
    ("TEMPLATE {{ pri‸", K.TEMPLATE_ACTION, "pri", "TEMPLATE", None),
    ("TEMPLATE {{ .Messages }}‸", K.TEMPLATE, "", "TEMPLATE", None),
    ("TEMPLATE {{ .Prompt }} {‸", K.TEMPLATE, "{", "TEMPLATE", None),
    ('TEMPLATE """héllo 😀\n{{‸', K.TEMPLATE_ACTION, "", "TEMPLATE", None),
    ('TEMPLATE """\n{{ if .System }}\n{{ .Re‸', K.TEMPLATE_ACTION, ".Re", "TEMPLATE", None),
    ('SYSTEM """first\nsec‸ond', K.VALUE, "first\nsec"[-3:], "SYSTEM", None),
    ("# comm‸ent", K.COMMENT, "comm", "", None),
    ("# modelfile-ls: ignore[MF1‸", K.COMMENT, "MF1", "", None),
    ("‸# comment", K.KEYWORD, "", "", None),
    ("FROM x ‸", K.REFERENCE, "x ", "FROM", None),
    ("BADCMD x‸", K.NONE, "", "", None),
    ("PARAMETER  ‸x", K.PARAMETER_VALUE, "", "PARAMETER", ""),
    ("PARAMETER ‸ x", K.PARAMETER_NAME, "", "PARAMETER", None),
    ("FROM 😀‸", K.REFERENCE, "😀", "FROM", None),
    ("FROM x\r\nPARAMETER te‸\r\n", K.PARAMETER_NAME, "te", "PARAMETER", None),
]


@pytest.mark.parametrize(("document", "kind", "prefix", "keyword", "parameter"), CASES)
def test_cursor_context(
    document: str, kind: CursorKind, prefix: str, keyword: str, parameter: str | None
) -> None:
    text, offset = cursor(document)
    context = cursor_context(parse(text), offset)
    assert context.kind is kind
    assert context.prefix == prefix
    assert context.keyword == keyword
    assert context.parameter == parameter
    assert text[context.token_span.start : offset] == prefix


def test_token_span_covers_the_whole_word() -> None:
    text, offset = cursor("PARAMETER te‸mperature 0.5")
    context = cursor_context(parse(text), offset)
    assert text[context.token_span.start : context.token_span.end] == "temperature"


def test_token_span_stays_on_the_cursor_line() -> None:
    text, offset = cursor('PARAMETER stop """a\nb‸\nc"""\n')
    context = cursor_context(parse(text), offset)
    lines = parse(text).lines
    assert lines.line_of(context.token_span.start) == lines.line_of(context.token_span.end) == 1


def test_a_line_swallowed_by_an_open_quote_is_value_text() -> None:
    # Ollama keeps reading the unterminated quote, so `PARAMETER` here is SYSTEM text.
    text, offset = cursor('SYSTEM "open\nPARAM‸')
    assert cursor_context(parse(text), offset).kind is CursorKind.VALUE


def test_offsets_are_clamped() -> None:
    parsed = parse("FROM x")
    assert cursor_context(parsed, 99).offset == 6
    assert cursor_context(parsed, -3).kind is CursorKind.KEYWORD


def test_lookups_by_bisection() -> None:
    parsed = parse("# one\nFROM x\n# two\nSYSTEM y\n")
    assert instruction_at(parsed, 8) is parsed.instructions[0]
    assert instruction_at(parsed, 15) is None
    assert comment_at(parsed, 15) is parsed.comments[1]
    assert comment_at(parsed, 13) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='FROMPARETSYGLIC {}."#\n\r\t:xé😀\u200b', max_size=60), st.data())
def test_any_text_and_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    context = cursor_context(parse(text), offset)
    assert context.token_span.start <= offset <= context.token_span.end
    assert context.prefix == text[context.token_span.start : offset]
