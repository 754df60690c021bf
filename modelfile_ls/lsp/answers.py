"""The answers to document requests: each calls the protocol-free function in
`modelfile_ls.features` on a snapshot and converts its result to LSP types, in the negotiated
position encoding and in the forms the client says it understands.

Loaded after the `initialize` result has gone out (see `features.py`), so everything it needs
is imported here at the top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TypeVar

from lsprotocol import types

from modelfile_ls import features
from modelfile_ls.analysis.finding import TextEdit
from modelfile_ls.lsp.convert import diagnostic
from modelfile_ls.lsp.documents import document_path
from modelfile_ls.lsp.snapshot import Snapshot
from modelfile_ls.registry import Registry, RegistryError
from modelfile_ls.syntax.model import Span

T = TypeVar("T")
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


def with_registry(snapshot: Snapshot, query: Callable[[Registry | None], T]) -> T:
    """Run a feature with the registry; if the file fails mid-query (damaged, locked by a
    writer for too long), log it and answer from the language facts alone."""
    if snapshot.registry is None:
        return query(None)
    try:
        return query(snapshot.registry)
    except (RegistryError, sqlite3.Error) as exc:
        message = f"registry query failed, answering without it: {exc}"
        snapshot.log(types.MessageType.Warning, message)
        return query(None)


class TwoForms(Protocol):
    """A text in both forms (`Documentation`, `HoverResult`)."""

    @property
    def markdown(self) -> str:
        """The Markdown form."""

    @property
    def plaintext(self) -> str:
        """The plain-text form."""


def markup(documentation: TwoForms, markdown: bool) -> types.MarkupContent:
    """A text as Markdown or plain text, whichever the client prefers."""
    if markdown:
        return types.MarkupContent(types.MarkupKind.Markdown, documentation.markdown)
    return types.MarkupContent(types.MarkupKind.PlainText, documentation.plaintext)


def text_edits(snapshot: Snapshot, edits: Sequence[TextEdit]) -> list[types.TextEdit]:
    """Analysis text edits as LSP text edits."""
    return [types.TextEdit(snapshot.range(e.span), e.new_text) for e in edits]


def completion(snapshot: Snapshot, params: types.CompletionParams) -> types.CompletionList:
    """Instructions, parameter names and values, roles, models, paths, template names."""
    document, offset = snapshot.document, snapshot.offset(params.position)
    found = with_registry(
        snapshot,
        lambda registry: features.complete(
            document.parsed,
            offset,
            registry=registry,
            base_dir=document.base_dir,
            snippets=snapshot.support.snippets,
        ),
    )
    items = [completion_item(snapshot, c) for c in found.items]
    return types.CompletionList(is_incomplete=found.is_incomplete, items=items)


def completion_item(
    snapshot: Snapshot, candidate: features.CompletionCandidate
) -> types.CompletionItem:
    """One candidate as a completion item with a text edit."""
    support = snapshot.support
    kind = types.CompletionItemKind[candidate.kind.value]
    if kind not in support.completion_kinds:
        kind = _COMPLETION_FALLBACK.get(kind, types.CompletionItemKind.Text)
    retrigger = candidate.retrigger and support.trigger_suggest
    documentation = candidate.documentation
    return types.CompletionItem(
        label=candidate.label,
        kind=kind,
        detail=candidate.detail or None,
        documentation=markup(documentation, support.completion_markdown)
        if documentation is not None
        else None,
        sort_text=candidate.sort_text or None,
        filter_text=candidate.filter_text or None,
        insert_text_format=types.InsertTextFormat.Snippet
        if candidate.is_snippet
        else types.InsertTextFormat.PlainText,
        text_edit=types.TextEdit(snapshot.range(candidate.replace_span), candidate.insert_text),
        command=types.Command(title="", command=TRIGGER_SUGGEST) if retrigger else None,
    )


def hover(snapshot: Snapshot, params: types.HoverParams) -> types.Hover | None:
    """Docs for the instruction, parameter, value, model, template name or rule under the
    cursor, in Markdown or plain text as the client prefers."""
    document, offset = snapshot.document, snapshot.offset(params.position)
    found = with_registry(
        snapshot,
        lambda registry: features.hover(
            document.parsed, offset, registry=registry, base_dir=document.base_dir
        ),
    )
    if found is None:
        return None
    contents = markup(found, snapshot.support.hover_markdown)
    return types.Hover(contents, snapshot.range(found.span))


def document_symbols(
    snapshot: Snapshot, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | list[types.SymbolInformation]:
    """The outline: a tree when the client shows one, else a flat list of locations."""
    symbols = features.document_symbols(snapshot.document.parsed)
    if snapshot.support.hierarchical_symbols:
        return [_tree_symbol(snapshot, s) for s in symbols]
    return [info for s in symbols for info in _flat_symbols(snapshot, s, None)]


def _symbol_kind(snapshot: Snapshot, symbol: features.Symbol) -> types.SymbolKind:
    kind = types.SymbolKind[symbol.kind.value]
    if kind not in snapshot.support.symbol_kinds:
        return _SYMBOL_FALLBACK.get(kind, types.SymbolKind.Variable)
    return kind


def _tree_symbol(snapshot: Snapshot, symbol: features.Symbol) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=symbol.name,
        detail=symbol.detail or None,
        kind=_symbol_kind(snapshot, symbol),
        range=snapshot.range(symbol.span),
        selection_range=snapshot.range(symbol.selection_span),
        children=[_tree_symbol(snapshot, c) for c in symbol.children] or None,
    )


def _flat_symbols(
    snapshot: Snapshot, symbol: features.Symbol, container: str | None
) -> list[types.SymbolInformation]:
    # A flat list has no detail column: top-level entries carry theirs in the name
    # (`FROM llama3.2`), nested ones are named by their container.
    name = symbol.name if container or not symbol.detail else f"{symbol.name} {symbol.detail}"
    found = [
        types.SymbolInformation(
            name=name,
            kind=_symbol_kind(snapshot, symbol),
            location=types.Location(snapshot.uri, snapshot.range(symbol.span)),
            container_name=container,
        )
    ]
    for child in symbol.children:
        found += _flat_symbols(snapshot, child, name)
    return found


def folding_ranges(
    snapshot: Snapshot, params: types.FoldingRangeParams
) -> list[types.FoldingRange]:
    """Multi-line values and runs of comments."""
    kinds, limit = snapshot.support.folding_kinds, snapshot.support.folding_limit
    ranges = [
        types.FoldingRange(
            start_line=fold.start_line,
            end_line=fold.end_line,
            kind=fold.kind if fold.kind and (not kinds or fold.kind in kinds) else None,
        )
        for fold in features.folding_ranges(snapshot.document.parsed)
    ]
    return ranges[:limit] if limit is not None else ranges


def semantic_tokens(snapshot: Snapshot, params: types.SemanticTokensParams) -> types.SemanticTokens:
    """Every token of the document, relative-encoded in the negotiated position units."""
    tokens = features.semantic_tokens(snapshot.document.parsed)
    return types.SemanticTokens(data=encode_tokens(snapshot, tokens))


def encode_tokens(snapshot: Snapshot, tokens: Sequence[features.SemanticToken]) -> list[int]:
    """The LSP's five integers per token: line delta, start delta, length, type, modifiers."""
    lines, encoding = snapshot.document.lines, snapshot.encoding
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


def formatting(snapshot: Snapshot, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    """Whole-document formatting."""
    return _format(snapshot, None)


def range_formatting(
    snapshot: Snapshot, params: types.DocumentRangeFormattingParams
) -> list[types.TextEdit]:
    """Formatting of the instructions a selection touches."""
    return _format(snapshot, snapshot.span(params.range))


def _format(snapshot: Snapshot, span: Span | None) -> list[types.TextEdit]:
    return text_edits(snapshot, features.format_edits(snapshot.document.parsed, span))


def code_actions(
    snapshot: Snapshot, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Quick fixes from the findings in range, suppression comments, and fix-all; then
    "Save as element" on the selection (a command: the registry is written when it runs)."""
    if not snapshot.support.code_action_literals:
        return None
    parsed, span, only = snapshot.document.parsed, snapshot.span(params.range), params.context.only
    found = features.code_actions(parsed, span, snapshot.findings, only=only)
    actions = [_code_action(snapshot, action) for action in found]
    for action in features.element_actions(parsed, span, only=only):
        arguments = {"uri": snapshot.uri, "range": _range_json(snapshot.range(action.span))}
        command = types.Command(action.title, action.command, arguments=[arguments])
        actions.append(types.CodeAction(title=action.title, kind=action.kind, command=command))
    return actions


def _range_json(found: types.Range) -> dict[str, object]:
    """A range as the JSON a command argument carries."""
    return {
        "start": {"line": found.start.line, "character": found.start.character},
        "end": {"line": found.end.line, "character": found.end.character},
    }


def _code_action(snapshot: Snapshot, action: features.CodeActionResult) -> types.CodeAction:
    document, session = snapshot.document, snapshot.session
    edits = text_edits(snapshot, action.edits)
    edit: types.WorkspaceEdit | None
    if not edits:
        edit = None
    elif snapshot.support.document_changes:
        identifier = types.OptionalVersionedTextDocumentIdentifier(
            version=document.version, uri=document.uri
        )
        edit = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(identifier, list(edits))]
        )
    else:
        edit = types.WorkspaceEdit(changes={document.uri: edits})
    return types.CodeAction(
        title=action.title,
        kind=action.kind,
        diagnostics=[
            diagnostic(
                f, document.uri, document.lines, session.encoding, session.diagnostic_support
            )
            for f in action.findings
        ]
        or None,
        is_preferred=action.is_preferred if snapshot.support.preferred_actions else None,
        edit=edit,
        command=_command(snapshot, action.title, action.command, action.arguments),
    )


def _command(
    snapshot: Snapshot, title: str, command: str | None, arguments: Mapping[str, str]
) -> types.Command | None:
    """A server command acting on this document: its one argument object gets the `uri`."""
    if command is None:
        return None
    return types.Command(title, command, arguments=[{"uri": snapshot.uri, **arguments}])


def document_links(
    snapshot: Snapshot, params: types.DocumentLinkParams
) -> list[types.DocumentLink]:
    """FROM/ADAPTER/DRAFT paths to their files, model names to their library pages."""
    tooltips = snapshot.support.link_tooltips
    document = snapshot.document
    return [
        types.DocumentLink(
            range=snapshot.range(link.span),
            target=link.target,
            tooltip=link.tooltip if tooltips else None,
        )
        for link in features.document_links(document.parsed, document.base_dir)
    ]


def code_lenses(snapshot: Snapshot, params: types.CodeLensParams) -> list[types.CodeLens]:
    """The base model's status above each FROM, "Pull" when it is not installed, "Create
    model" above the first."""
    document = snapshot.document
    path = document_path(document.uri)
    lenses = with_registry(
        snapshot,
        lambda registry: features.code_lenses(
            document.parsed, registry=registry, base_dir=document.base_dir, path=path
        ),
    )
    return [
        types.CodeLens(
            range=snapshot.range(lens.span),
            command=_command(snapshot, lens.title, lens.command, lens.arguments)
            or types.Command(title=lens.title, command=""),
        )
        for lens in lenses
    ]


def inlay_hints(snapshot: Snapshot, params: types.InlayHintParams) -> list[types.InlayHint]:
    """Default values and the base model's context length, in the visible range."""
    span = snapshot.span(params.range)
    parsed = snapshot.document.parsed
    hints = with_registry(
        snapshot, lambda registry: features.inlay_hints(parsed, span, registry=registry)
    )
    return [
        types.InlayHint(
            position=snapshot.position(hint.offset),
            label=hint.label,
            kind=types.InlayHintKind[hint.kind],
            tooltip=hint.tooltip or None,
            padding_left=hint.padding_left or None,
        )
        for hint in hints
    ]
