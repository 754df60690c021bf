"""semantic_tokens(): typed, sorted, non-overlapping, single-line tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.features import TOKEN_MODIFIERS, TOKEN_TYPES, SemanticToken, semantic_tokens
from modelfile_ls.syntax import parse, parse_bytes
from tests.conftest import require_corpus


def described(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (text[t.span.start : t.span.end], t.type, t.modifiers) for t in semantic_tokens(parse(text))
    ]


def test_instructions() -> None:
    text = (
        "# note\nFROM llama3.2\nFROM ./m.gguf\nPARAMETER temperature 0.7\n"
        "PARAMETER use_mmap true\nPARAMETER mirostat 1\nPARAMETER stop <｜User｜>\n"
        "MESSAGE user héllo 😀\n"
    )
    assert described(text) == [
        ("# note", "comment", ()),
        ("FROM", "keyword", ()),
        ("llama3.2", "namespace", ()),
        ("FROM", "keyword", ()),
        ("./m.gguf", "string", ()),
        ("PARAMETER", "keyword", ()),
        ("temperature", "property", ()),
        ("0.7", "number", ()),
        ("PARAMETER", "keyword", ()),
        ("use_mmap", "property", ()),
        ("true", "keyword", ()),
        ("PARAMETER", "keyword", ()),
        ("mirostat", "property", ("deprecated",)),
        ("1", "number", ()),
        ("PARAMETER", "keyword", ()),
        ("stop", "property", ()),
        ("<｜User｜>", "string", ()),
        ("MESSAGE", "keyword", ()),
        ("user", "enumMember", ()),
        ("héllo 😀", "string", ()),
    ]


def test_template_actions() -> None:
    text = 'TEMPLATE """Hi {{- if .System }}{{ .System | printf "%s" }}{{ end -}}\n{{/* c */}}"""'
    assert described(text) == [
        ("TEMPLATE", "keyword", ()),
        ('"""', "string", ()),
        ("Hi ", "string", ()),
        ("{{-", "macro", ()),
        ("if", "keyword", ()),
        (".System", "variable", ("defaultLibrary",)),
        ("}}", "macro", ()),
        ("{{", "macro", ()),
        (".System", "variable", ("defaultLibrary",)),
        ("|", "operator", ()),
        ("printf", "function", ("defaultLibrary",)),
        ('"%s"', "string", ()),
        ("}}", "macro", ()),
        ("{{", "macro", ()),
        ("end", "keyword", ()),
        ("-}}", "macro", ()),
        ("{{", "macro", ()),
        ("/* c */", "comment", ()),
        ("}}", "macro", ()),
        ('"""', "string", ()),
    ]


def test_multi_line_values_are_split_per_line() -> None:
    text = 'SYSTEM """one 😀\r\ntwo\r\n\r\nthree"""\r\n'
    assert described(text)[1:] == [
        ('"""one 😀', "string", ()),
        ("two", "string", ()),
        ('three"""', "string", ()),
    ]


def test_indexes_and_bits() -> None:
    token = SemanticToken(
        parse("x").instructions[0].span, "property", ("deprecated", "defaultLibrary")
    )
    assert token.type_index == TOKEN_TYPES.index("property")
    assert token.modifier_bits == 0b11 == (1 << len(TOKEN_MODIFIERS)) - 1


def check_invariants(text: str) -> None:
    parsed = parse(text)
    previous_end = 0
    for token in semantic_tokens(parsed):
        assert token.span.start >= previous_end
        assert token.span.end > token.span.start
        assert parsed.lines.line_of(token.span.start) == parsed.lines.line_of(token.span.end)
        assert token.type in TOKEN_TYPES
        previous_end = token.span.end


def test_corpus_tokens_are_well_formed() -> None:
    for path in require_corpus():
        check_invariants(parse_bytes(path.read_bytes()).text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='FROMPARETSYGLIC {}.|"#\n\r\t:x/*é😀\u200b', max_size=80))
def test_any_text_gives_well_formed_tokens(text: str) -> None:
    check_invariants(text)
