"""The editor features over LSP: each handler finds the document version, calls the
protocol-free function in `modelfile_ls.features` and converts its answer, in the negotiated
position encoding and in the forms the client says it understands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from lsprotocol import types

from modelfile_ls.lsp.convert import diagnostic, position, span_range
from modelfile_ls.syntax.model import Span
from modelfile_ls.vocabulary import CODE_ACTION_KINDS, TOKEN_MODIFIERS, TOKEN_TYPES

if TYPE_CHECKING:
    from modelfile_ls.analysis.finding import TextEdit
    from modelfile_ls.features import (
        CodeActionResult,
        CompletionCandidate,
        Documentation,
        SemanticToken,
        Symbol,
    )
    from modelfile_ls.lsp.documents import Document
    from modelfile_ls.lsp.server import ModelfileServer
    from modelfile_ls.registry import Registry

T = TypeVar("T")
TRIGGER_CHARACTERS = [" ", ".", ":", "/", "{", "[", '"']
TRIGGER_SUGGEST = "editor.action.triggerSuggest"
# Kinds added to the LSP after the first version, and what to send clients that predate them.
_COMPLETION_FALLBACK = {
    types.CompletionItemKind.Folder: types.CompletionItemKind.File,
    types.CompletionItemKind.EnumMember: types.CompletionItemKind.Value,
    types.CompletionItemKind.Constant: types.CompletionItemKind.Value,
}
_SYMBOL_FALLBACK = {
    types.SymbolKind.Event: types.SymbolKind.String,
    types.SymbolKind.Null: types.SymbolKind.Constant,
}


def register_features(server: ModelfileServer) -> None:
    """Register every feature handler with its options."""
    server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS),
    )(completion)
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)(document_symbols)
    server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)(folding_ranges)
    server.feature(
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
        types.SemanticTokensLegend(list(TOKEN_TYPES), list(TOKEN_MODIFIERS)),
    )(semantic_tokens)
    server.feature(types.TEXT_DOCUMENT_FORMATTING)(formatting)
    server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)(range_formatting)
    server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=list(CODE_ACTION_KINDS)),
    )(code_actions)
    server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)(document_links)
    server.feature(types.TEXT_DOCUMENT_CODE_LENS)(code_lenses)
    server.feature(types.TEXT_DOCUMENT_INLAY_HINT)(inlay_hints)


def with_registry(ls: ModelfileServer, query: Callable[[Registry | None], T]) -> T:
    """Run a feature with the registry; if the file fails mid-query (damaged, locked by a
    writer for too long), log it and answer from the language facts alone."""
    import sqlite3

    from modelfile_ls.registry import RegistryError

    registry = ls.catalog.registry
    if registry is None:
        return query(None)
    try:
        return query(registry)
    except (RegistryError, sqlite3.Error) as exc:
        ls.log(types.MessageType.Warning, f"registry query failed, answering without it: {exc}")
        return query(None)


def completion(ls: ModelfileServer, params: types.CompletionParams) -> types.CompletionList | None:
    """Instructions, parameter names and values, roles, models, paths, template names."""
    from modelfile_ls.features import complete

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    offset = document.offset(params.position, ls.encoding)
    found = with_registry(
        ls,
        lambda registry: complete(
            document.parsed,
            offset,
            registry=registry,
            base_dir=document.base_dir,
            snippets=ls.support.snippets,
        ),
    )
    items = [completion_item(ls, document, c) for c in found.items]
    return types.CompletionList(is_incomplete=found.is_incomplete, items=items)


def completion_item(
    ls: ModelfileServer, document: Document, candidate: CompletionCandidate
) -> types.CompletionItem:
    """One candidate as a completion item with a text edit."""
    support = ls.support
    kind = types.CompletionItemKind[candidate.kind.value]
    if kind not in support.completion_kinds:
        kind = _COMPLETION_FALLBACK.get(kind, types.CompletionItemKind.Text)
    edit = types.TextEdit(
        span_range(document.lines, candidate.replace_span, ls.encoding), candidate.insert_text
    )
    retrigger = candidate.retrigger and support.trigger_suggest
    return types.CompletionItem(
        label=candidate.label,
        kind=kind,
        detail=candidate.detail or None,
        documentation=_markup(candidate.documentation, support.completion_markdown),
        sort_text=candidate.sort_text or None,
        filter_text=candidate.filter_text or None,
        insert_text_format=types.InsertTextFormat.Snippet
        if candidate.is_snippet
        else types.InsertTextFormat.PlainText,
        text_edit=edit,
        command=types.Command(title="", command=TRIGGER_SUGGEST) if retrigger else None,
    )


def _markup(documentation: Documentation | None, markdown: bool) -> types.MarkupContent | None:
    if documentation is None:
        return None
    if markdown:
        return types.MarkupContent(types.MarkupKind.Markdown, documentation.markdown)
    return types.MarkupContent(types.MarkupKind.PlainText, documentation.plaintext)


def hover(ls: ModelfileServer, params: types.HoverParams) -> types.Hover | None:
    """Docs for the instruction, parameter, value, model, template name or rule under the
    cursor, in Markdown or plain text as the client prefers."""
    from modelfile_ls.features import hover as hover_at

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    offset = document.offset(params.position, ls.encoding)
    found = with_registry(
        ls,
        lambda registry: hover_at(
            document.parsed, offset, registry=registry, base_dir=document.base_dir
        ),
    )
    if found is None:
        return None
    if ls.support.hover_markdown:
        contents = types.MarkupContent(types.MarkupKind.Markdown, found.markdown)
    else:
        contents = types.MarkupContent(types.MarkupKind.PlainText, found.plaintext)
    return types.Hover(contents, span_range(document.lines, found.span, ls.encoding))


def document_symbols(
    ls: ModelfileServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | list[types.SymbolInformation] | None:
    """The outline: a tree when the client shows one, else a flat list of locations."""
    from modelfile_ls.features import document_symbols as outline

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    symbols = outline(document.parsed)
    if ls.support.hierarchical_symbols:
        return [_tree_symbol(ls, document, s) for s in symbols]
    return [info for s in symbols for info in _flat_symbols(ls, document, s, None)]


def _symbol_kind(ls: ModelfileServer, symbol: Symbol) -> types.SymbolKind:
    kind = types.SymbolKind[symbol.kind.value]
    if kind not in ls.support.symbol_kinds:
        return _SYMBOL_FALLBACK.get(kind, types.SymbolKind.Variable)
    return kind


def _tree_symbol(ls: ModelfileServer, document: Document, symbol: Symbol) -> types.DocumentSymbol:
    lines, encoding = document.lines, ls.encoding
    return types.DocumentSymbol(
        name=symbol.name,
        detail=symbol.detail or None,
        kind=_symbol_kind(ls, symbol),
        range=span_range(lines, symbol.span, encoding),
        selection_range=span_range(lines, symbol.selection_span, encoding),
        children=[_tree_symbol(ls, document, c) for c in symbol.children] or None,
    )


def _flat_symbols(
    ls: ModelfileServer, document: Document, symbol: Symbol, container: str | None
) -> list[types.SymbolInformation]:
    # A flat list has no detail column: top-level entries carry theirs in the name
    # (`FROM llama3.2`), nested ones are named by their container.
    name = symbol.name if container or not symbol.detail else f"{symbol.name} {symbol.detail}"
    found = [
        types.SymbolInformation(
            name=name,
            kind=_symbol_kind(ls, symbol),
            location=types.Location(
                document.uri, span_range(document.lines, symbol.span, ls.encoding)
            ),
            container_name=container,
        )
    ]
    for child in symbol.children:
        found += _flat_symbols(ls, document, child, name)
    return found


def folding_ranges(
    ls: ModelfileServer, params: types.FoldingRangeParams
) -> list[types.FoldingRange] | None:
    """Multi-line values and runs of comments."""
    from modelfile_ls.features import folding_ranges as folds

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    kinds, limit = ls.support.folding_kinds, ls.support.folding_limit
    ranges = [
        types.FoldingRange(
            start_line=fold.start_line,
            end_line=fold.end_line,
            kind=fold.kind if fold.kind and (not kinds or fold.kind in kinds) else None,
        )
        for fold in folds(document.parsed)
    ]
    return ranges[:limit] if limit is not None else ranges


def semantic_tokens(
    ls: ModelfileServer, params: types.SemanticTokensParams
) -> types.SemanticTokens | None:
    """Every token of the document, relative-encoded in the negotiated position units."""
    from modelfile_ls.features import semantic_tokens as tokens_of

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    return types.SemanticTokens(data=encode_tokens(document, tokens_of(document.parsed), ls))


def encode_tokens(
    document: Document, tokens: Sequence[SemanticToken], ls: ModelfileServer
) -> list[int]:
    """The LSP's five integers per token: line delta, start delta, length, type, modifiers."""
    lines, encoding = document.lines, ls.encoding
    data: list[int] = []
    previous_line = previous_start = 0
    for token in tokens:
        start = lines.position(token.span.start, encoding)
        end = lines.position(token.span.end, encoding)
        delta_line = start.line - previous_line
        delta_start = start.character - previous_start if delta_line == 0 else start.character
        data += [
            delta_line,
            delta_start,
            end.character - start.character,
            token.type_index,
            token.modifier_bits,
        ]
        previous_line, previous_start = start.line, start.character
    return data


def formatting(
    ls: ModelfileServer, params: types.DocumentFormattingParams
) -> list[types.TextEdit] | None:
    """Whole-document formatting."""
    return _format(ls, params.text_document.uri, None)


def range_formatting(
    ls: ModelfileServer, params: types.DocumentRangeFormattingParams
) -> list[types.TextEdit] | None:
    """Formatting of the instructions a selection touches."""
    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    start = document.offset(params.range.start, ls.encoding)
    end = document.offset(params.range.end, ls.encoding)
    return _format(ls, document.uri, Span(start, end))


def _format(ls: ModelfileServer, uri: str, span: Span | None) -> list[types.TextEdit] | None:
    from modelfile_ls.features import format_edits

    document = ls.documents.get(uri)
    if document is None:
        return None
    return text_edits(document, format_edits(document.parsed, span), ls)


def text_edits(
    document: Document, edits: Sequence[TextEdit], ls: ModelfileServer
) -> list[types.TextEdit]:
    """Analysis text edits as LSP text edits."""
    return [
        types.TextEdit(span_range(document.lines, e.span, ls.encoding), e.new_text) for e in edits
    ]


def code_actions(
    ls: ModelfileServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Quick fixes from the findings in range, suppression comments, and fix-all."""
    from modelfile_ls.features import code_actions as actions_for

    document = ls.documents.get(params.text_document.uri)
    if document is None or not ls.support.code_action_literals:
        return None
    span = Span(
        document.offset(params.range.start, ls.encoding),
        document.offset(params.range.end, ls.encoding),
    )
    found = actions_for(document.parsed, span, ls.findings(document), only=params.context.only)
    return [_code_action(ls, document, action) for action in found]


def _code_action(
    ls: ModelfileServer, document: Document, action: CodeActionResult
) -> types.CodeAction:
    edits = text_edits(document, action.edits, ls)
    if ls.support.document_changes:
        identifier = types.OptionalVersionedTextDocumentIdentifier(
            version=document.version, uri=document.uri
        )
        edit = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(identifier, list(edits))]
        )
    else:
        edit = types.WorkspaceEdit(changes={document.uri: edits})
    support = ls.diagnostics.support
    return types.CodeAction(
        title=action.title,
        kind=action.kind,
        diagnostics=[
            diagnostic(f, document.uri, document.lines, ls.encoding, support)
            for f in action.findings
        ]
        or None,
        is_preferred=action.is_preferred if ls.support.preferred_actions else None,
        edit=edit,
    )


def document_links(
    ls: ModelfileServer, params: types.DocumentLinkParams
) -> list[types.DocumentLink] | None:
    """FROM/ADAPTER/DRAFT paths to their files, model names to their library pages."""
    from modelfile_ls.features import document_links as links_of

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    tooltips = ls.support.link_tooltips
    return [
        types.DocumentLink(
            range=span_range(document.lines, link.span, ls.encoding),
            target=link.target,
            tooltip=link.tooltip if tooltips else None,
        )
        for link in links_of(document.parsed, document.base_dir)
    ]


def code_lenses(ls: ModelfileServer, params: types.CodeLensParams) -> list[types.CodeLens] | None:
    """The base model's status above each FROM; "pull" when it is not installed."""
    from modelfile_ls.features import code_lenses as lenses_of

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    lenses = with_registry(
        ls,
        lambda registry: lenses_of(document.parsed, registry=registry, base_dir=document.base_dir),
    )
    return [
        types.CodeLens(
            range=span_range(document.lines, lens.span, ls.encoding),
            command=types.Command(
                title=lens.title, command=lens.command or "", arguments=list(lens.arguments) or None
            ),
        )
        for lens in lenses
    ]


def inlay_hints(ls: ModelfileServer, params: types.InlayHintParams) -> list[types.InlayHint] | None:
    """Default values and the base model's context length, in the visible range."""
    from modelfile_ls.features import inlay_hints as hints_in

    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    span = Span(
        document.offset(params.range.start, ls.encoding),
        document.offset(params.range.end, ls.encoding),
    )
    hints = with_registry(ls, lambda registry: hints_in(document.parsed, span, registry=registry))
    return [
        types.InlayHint(
            position=position(document.lines, hint.offset, ls.encoding),
            label=hint.label,
            kind=types.InlayHintKind[hint.kind],
            tooltip=hint.tooltip or None,
            padding_left=hint.padding_left or None,
        )
        for hint in hints
    ]
