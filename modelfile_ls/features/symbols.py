"""Document symbols: the outline of instructions, with the templates a TEMPLATE defines."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from modelfile_ls.analysis.finding import shorten
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span
from modelfile_ls.template.scan import actions


class SymbolKind(Enum):
    """What a symbol is; values are the LSP `SymbolKind` member names."""

    MODULE = "Module"
    PROPERTY = "Property"
    STRING = "String"
    EVENT = "Event"
    PACKAGE = "Package"
    CONSTANT = "Constant"
    FUNCTION = "Function"
    NULL = "Null"


@dataclass(frozen=True, slots=True)
class Symbol:
    """One outline entry; `selection_span` is the part to highlight (keyword and name)."""

    name: str
    detail: str
    kind: SymbolKind
    span: Span
    selection_span: Span
    children: tuple[Symbol, ...] = ()


_KINDS = {
    "FROM": SymbolKind.MODULE,
    "PARAMETER": SymbolKind.PROPERTY,
    "TEMPLATE": SymbolKind.STRING,
    "SYSTEM": SymbolKind.STRING,
    "LICENSE": SymbolKind.STRING,
    "MESSAGE": SymbolKind.EVENT,
    "ADAPTER": SymbolKind.PACKAGE,
    "DRAFT": SymbolKind.PACKAGE,
    "REQUIRES": SymbolKind.CONSTANT,
    "RENDERER": SymbolKind.CONSTANT,
    "PARSER": SymbolKind.CONSTANT,
}
_DEFINERS = ("define", "block")


def document_symbols(parsed: ParsedModelfile) -> list[Symbol]:
    """One symbol per instruction, in order; TEMPLATE lists its `define`/`block` names."""
    return [_symbol(parsed, instruction) for instruction in parsed.instructions]


def _symbol(parsed: ParsedModelfile, instruction: Instruction) -> Symbol:
    keyword = instruction.keyword
    selection = instruction.keyword_span
    name = keyword or instruction.keyword_text or "?"
    qualifier = instruction.name_span or instruction.role_span
    if qualifier is not None:
        qualified = parsed.text[qualifier.start : qualifier.end]
        name = f"{name} {qualified}" if qualified else name
        selection = Span(selection.start, qualifier.end)
    value = instruction.value
    detail = shorten(value.text) if value is not None else ""
    children: tuple[Symbol, ...] = ()
    if instruction.effective_keyword == "TEMPLATE" and value is not None:
        children = _definitions(parsed, value.content_span)
    return Symbol(
        name,
        detail,
        _KINDS.get(keyword, SymbolKind.NULL),
        instruction.span,
        selection,
        children,
    )


def _definitions(parsed: ParsedModelfile, content: Span) -> tuple[Symbol, ...]:
    """`{{ define "name" }}` and `{{ block "name" . }}` actions of a template."""
    found, _ = actions(parsed.text[content.start : content.end])
    symbols = []
    for action in found:
        words = action.body.split(None, 2)
        if len(words) >= 2 and words[0] in _DEFINERS:
            span = Span(content.start + action.start, content.start + action.end)
            symbols.append(Symbol(words[1].strip('"`'), words[0], SymbolKind.FUNCTION, span, span))
    return tuple(symbols)
