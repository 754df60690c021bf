"""document_symbols(): one entry per instruction, TEMPLATE definitions as children."""

from __future__ import annotations

from modelfile_ls.features import SymbolKind, document_symbols
from modelfile_ls.syntax import parse


def test_outline() -> None:
    text = (
        "# comment\nFROM llama3.2\nparameter temperature 0.7\nMESSAGE user héllo 😀\n"
        'SYSTEM """multi\nline"""\nBADCMD x\n'
    )
    symbols = document_symbols(parse(text))
    assert [(s.name, s.detail, s.kind) for s in symbols] == [
        ("FROM", "llama3.2", SymbolKind.MODULE),
        ("PARAMETER temperature", "0.7", SymbolKind.PROPERTY),
        ("MESSAGE user", "héllo 😀", SymbolKind.EVENT),
        ("SYSTEM", "multi line", SymbolKind.STRING),
        ("BADCMD", "x", SymbolKind.NULL),
    ]
    parameter = symbols[1]
    assert text[parameter.selection_span.start : parameter.selection_span.end] == (
        "parameter temperature"
    )
    system = symbols[3]
    assert text[system.span.start : system.span.end] == 'SYSTEM """multi\nline"""'


def test_template_definitions_are_children() -> None:
    text = 'TEMPLATE """{{ define "tools" }}x{{ end }}{{ block "main" . }}y{{ end }}"""\n'
    (template,) = document_symbols(parse(text))
    assert [(c.name, c.detail, c.kind) for c in template.children] == [
        ("tools", "define", SymbolKind.FUNCTION),
        ("main", "block", SymbolKind.FUNCTION),
    ]
    assert text[template.children[0].span.start : template.children[0].span.end] == (
        '{{ define "tools" }}'
    )


def test_symbol_names_are_never_empty() -> None:
    (symbol,) = document_symbols(parse("\u00a0 x\n"))
    assert symbol.name
    assert document_symbols(parse("")) == []
