"""What the client supports, read once at `initialize`, so handlers choose snippet or plain
text, Markdown or plain text, tree or flat symbols, and so on without digging each time."""

from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types

# What a client supports when it sends no value set (LSP: "the initial version", 1..18 and
# 1..25 are the later additions; Folder, EnumMember and Constant are 19..21).
_BASE_COMPLETION_KINDS = frozenset(types.CompletionItemKind(k) for k in range(1, 19))
_BASE_SYMBOL_KINDS = frozenset(types.SymbolKind(k) for k in range(1, 19))
_VSCODE_FAMILY = ("visual studio code", "vscodium", "code - oss", "cursor", "windsurf")


@dataclass(frozen=True, slots=True)
class ClientSupport:
    """The client features the server's answers depend on."""

    snippets: bool = False
    completion_markdown: bool = False
    completion_kinds: frozenset[types.CompletionItemKind] = _BASE_COMPLETION_KINDS
    trigger_suggest: bool = False
    """The client runs VS Code's `editor.action.triggerSuggest` command (the VS Code family)."""
    hover_markdown: bool = False
    hierarchical_symbols: bool = False
    symbol_kinds: frozenset[types.SymbolKind] = _BASE_SYMBOL_KINDS
    link_tooltips: bool = False
    code_action_literals: bool = False
    preferred_actions: bool = False
    document_changes: bool = False
    folding_kinds: frozenset[str] = field(default_factory=frozenset)
    folding_limit: int | None = None
    work_done_progress: bool = False
    code_lens_refresh: bool = False
    inlay_hint_refresh: bool = False

    @classmethod
    def of(cls, params: types.InitializeParams) -> ClientSupport:
        """Read the support out of the initialize request."""
        capabilities = params.capabilities
        document = capabilities.text_document or types.TextDocumentClientCapabilities()
        workspace = capabilities.workspace or types.WorkspaceClientCapabilities()
        window = capabilities.window or types.WindowClientCapabilities()
        completion = document.completion or types.CompletionClientCapabilities()
        item = completion.completion_item or types.ClientCompletionItemOptions()
        item_kinds = completion.completion_item_kind
        hover = document.hover or types.HoverClientCapabilities()
        symbols = document.document_symbol or types.DocumentSymbolClientCapabilities()
        action = document.code_action or types.CodeActionClientCapabilities()
        folding = document.folding_range or types.FoldingRangeClientCapabilities()
        folding_kinds = folding.folding_range_kind
        client = (params.client_info.name if params.client_info else "").lower()
        return cls(
            snippets=bool(item.snippet_support),
            completion_markdown=_prefers_markdown(item.documentation_format),
            completion_kinds=frozenset(types.CompletionItemKind(k) for k in item_kinds.value_set)
            if item_kinds and item_kinds.value_set
            else _BASE_COMPLETION_KINDS,
            trigger_suggest=client.startswith(_VSCODE_FAMILY),
            hover_markdown=_prefers_markdown(hover.content_format),
            hierarchical_symbols=bool(symbols.hierarchical_document_symbol_support),
            symbol_kinds=frozenset(symbols.symbol_kind.value_set)
            if symbols.symbol_kind and symbols.symbol_kind.value_set
            else _BASE_SYMBOL_KINDS,
            link_tooltips=bool(document.document_link and document.document_link.tooltip_support),
            code_action_literals=action.code_action_literal_support is not None,
            preferred_actions=bool(action.is_preferred_support),
            document_changes=bool(
                workspace.workspace_edit and workspace.workspace_edit.document_changes
            ),
            folding_kinds=frozenset(str(k) for k in folding_kinds.value_set or ())
            if folding_kinds
            else frozenset(),
            folding_limit=folding.range_limit,
            work_done_progress=bool(window.work_done_progress),
            code_lens_refresh=bool(workspace.code_lens and workspace.code_lens.refresh_support),
            inlay_hint_refresh=bool(workspace.inlay_hint and workspace.inlay_hint.refresh_support),
        )


def _prefers_markdown(formats: object) -> bool:
    """Whether Markdown comes before plain text in a client's list (absent: plain text)."""
    if not isinstance(formats, list | tuple):
        return False
    for kind in formats:
        if kind in (types.MarkupKind.Markdown, types.MarkupKind.PlainText):
            return bool(kind == types.MarkupKind.Markdown)
    return False
