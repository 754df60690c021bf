"""Every editor feature over LSP, with VS Code's and Neovim's capabilities, and with a
downgraded client (no snippets, plain text, flat symbols) to prove the gating."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from lsprotocol import types

from modelfile_ls.lsp.commands import COMMANDS
from modelfile_ls.lsp.element_commands import ELEMENT_COMMANDS
from modelfile_ls.vocabulary import PULL
from tests.lsp.conftest import Session, Shared

pytestmark = pytest.mark.asyncio(loop_scope="module")
_uris = itertools.count()
EMOJI_TEMPLATE = 'FROM llama3.2\nTEMPLATE """😀 {{ .Prompt }}"""\n'


def uri() -> str:
    """A fresh document URI (the shared servers outlive each test)."""
    return f"untitled:features-{next(_uris)}"


def pos(line: int, character: int) -> types.Position:
    return types.Position(line, character)


def doc(identifier: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(identifier)


async def complete(session: Session, text: str, line: int, character: int) -> types.CompletionList:
    document = session.open(text, uri())
    result = await session.client.text_document_completion_async(
        types.CompletionParams(doc(document), pos(line, character))
    )
    assert isinstance(result, types.CompletionList)
    return result


def item(result: types.CompletionList, label: str) -> types.CompletionItem:
    return next(i for i in result.items if i.label == label)


async def test_advertised_capabilities(shared: Shared) -> None:
    capabilities = (await shared()).result.capabilities
    assert capabilities.completion_provider is not None
    assert " " in (capabilities.completion_provider.trigger_characters or [])
    assert capabilities.hover_provider
    assert capabilities.document_symbol_provider
    assert capabilities.folding_range_provider
    assert capabilities.document_formatting_provider
    assert capabilities.document_range_formatting_provider
    assert capabilities.document_link_provider
    assert capabilities.code_lens_provider
    assert capabilities.inlay_hint_provider
    tokens = capabilities.semantic_tokens_provider
    assert isinstance(tokens, types.SemanticTokensOptions) and tokens.full
    assert "keyword" in tokens.legend.token_types
    actions = capabilities.code_action_provider
    assert isinstance(actions, types.CodeActionOptions)
    assert list(actions.code_action_kinds or ()) == [
        "quickfix",
        "source.fixAll.modelfile-ls",
        "refactor.extract.modelfile-ls",
    ]
    assert capabilities.execute_command_provider is not None
    assert set(capabilities.execute_command_provider.commands) == {
        *COMMANDS,
        *ELEMENT_COMMANDS,
    }


async def test_completion_uses_snippets_only_when_the_client_has_them(shared: Shared) -> None:
    full = await complete(await shared(), "FROM llama3.2\nPAR\n", 1, 3)
    parameter = item(full, "PARAMETER")
    assert parameter.insert_text_format == types.InsertTextFormat.Snippet
    assert isinstance(parameter.text_edit, types.TextEdit)
    assert parameter.text_edit.new_text == "PARAMETER ${1:name} ${2:value}"
    assert parameter.text_edit.range == types.Range(pos(1, 0), pos(1, 3))

    plain = await complete(await shared("downgraded"), "FROM llama3.2\nPAR\n", 1, 3)
    parameter = item(plain, "PARAMETER")
    assert parameter.insert_text_format == types.InsertTextFormat.PlainText
    assert isinstance(parameter.text_edit, types.TextEdit)
    assert parameter.text_edit.new_text == "PARAMETER "
    assert not any(
        "$" in i.text_edit.new_text for i in plain.items if isinstance(i.text_edit, types.TextEdit)
    )


async def test_completion_documentation_follows_the_client_format(shared: Shared) -> None:
    text = "FROM llama3.2\nPARAMETER te\n"
    full = item(await complete(await shared(), text, 1, 12), "temperature")
    plain = item(await complete(await shared("downgraded"), text, 1, 12), "temperature")
    assert isinstance(full.documentation, types.MarkupContent)
    assert full.documentation.kind == types.MarkupKind.Markdown
    assert isinstance(plain.documentation, types.MarkupContent)
    assert plain.documentation.kind == types.MarkupKind.PlainText
    assert "`" not in plain.documentation.value and "**" not in plain.documentation.value
    assert full.kind == types.CompletionItemKind.Property


async def test_retrigger_command_only_for_the_vscode_family(shared: Shared) -> None:
    session = await shared()
    keyword = item(await complete(session, "FROM llama3.2\nADA\n", 1, 3), "ADAPTER")
    if session.name == "visual-studio-code":
        assert keyword.command == types.Command(title="", command="editor.action.triggerSuggest")
    else:
        assert keyword.command is None


async def test_model_completion_reads_the_registry(shared: Shared) -> None:
    result = await complete(await shared(), "FROM lla\n", 0, 8)
    model = item(result, "llama3.2")
    assert model.kind == types.CompletionItemKind.Module
    assert isinstance(model.text_edit, types.TextEdit)
    assert model.text_edit.range == types.Range(pos(0, 5), pos(0, 8))


async def test_hover_is_markdown_or_plain_text_as_the_client_prefers(shared: Shared) -> None:
    text = "FROM llama3.2\nPARAMETER temperature 0.7\n"
    for variant, kind in (("full", types.MarkupKind.Markdown), ("downgraded", "plaintext")):
        session = await shared(variant)
        document = session.open(text, uri())
        found = await session.client.text_document_hover_async(
            types.HoverParams(doc(document), pos(1, 12))
        )
        assert found is not None and isinstance(found.contents, types.MarkupContent)
        assert found.contents.kind == kind
        assert "temperature" in found.contents.value
        assert found.range == types.Range(pos(1, 10), pos(1, 21))
        if kind == "plaintext":
            assert "`" not in found.contents.value


async def test_hover_range_after_an_emoji_is_in_the_negotiated_encoding(shared: Shared) -> None:
    session = await shared()
    document = session.open(EMOJI_TEMPLATE, uri())
    start = session.units('TEMPLATE """😀 {{ ')
    found = await session.client.text_document_hover_async(
        types.HoverParams(doc(document), pos(1, start + 2))
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert ".Prompt" in found.contents.value
    assert found.range == types.Range(pos(1, start), pos(1, start + len(".Prompt")))


async def test_hover_outside_anything_is_empty(shared: Shared) -> None:
    session = await shared()
    document = session.open("FROM llama3.2\n\n\n", uri())
    found = await session.client.text_document_hover_async(
        types.HoverParams(doc(document), pos(2, 0))
    )
    assert found is None


async def test_document_symbols_tree_or_flat(shared: Shared) -> None:
    text = 'FROM llama3.2\nPARAMETER temperature 0.7\nTEMPLATE """{{ define "x" }}a{{ end }}"""\n'
    session = await shared()
    document = session.open(text, uri())
    tree = await session.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(doc(document))
    )
    assert tree is not None
    assert all(isinstance(s, types.DocumentSymbol) for s in tree)
    first = tree[0]
    assert isinstance(first, types.DocumentSymbol)
    assert (first.name, first.detail, first.kind) == ("FROM", "llama3.2", types.SymbolKind.Module)
    assert first.selection_range == types.Range(pos(0, 0), pos(0, 4))
    template = tree[2]
    assert isinstance(template, types.DocumentSymbol) and template.children
    assert template.children[0].name == "x"

    session = await shared("downgraded")
    document = session.open(text, uri())
    flat = await session.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(doc(document))
    )
    assert flat is not None
    assert [(s.name, s.container_name) for s in flat] == [
        ("FROM llama3.2", None),
        ("PARAMETER temperature 0.7", None),
        ('TEMPLATE {{ define "x" }}a{{ end }}', None),
        ("x", 'TEMPLATE {{ define "x" }}a{{ end }}'),
    ]
    assert all(isinstance(s, types.SymbolInformation) for s in flat)
    assert isinstance(flat[1], types.SymbolInformation)
    assert flat[1].location == types.Location(document, types.Range(pos(1, 0), pos(1, 25)))


async def test_folding_ranges(shared: Shared) -> None:
    session = await shared()
    text = 'FROM llama3.2\n# one\n# two\nSYSTEM """a\nb\nc"""\n'
    document = session.open(text, uri())
    found = await session.client.text_document_folding_range_async(
        types.FoldingRangeParams(doc(document))
    )
    assert found is not None
    folds = {(f.start_line, f.end_line, f.kind) for f in found}
    assert folds == {(1, 2, "comment"), (3, 5, None)}


def decode(data: list[int], legend: types.SemanticTokensLegend) -> list[tuple[int, int, int, str]]:
    """(line, start, length, type) from the relative encoding."""
    tokens, line, start = [], 0, 0
    for index in range(0, len(data), 5):
        delta_line, delta_start, length, kind, _modifiers = data[index : index + 5]
        line += delta_line
        start = start + delta_start if delta_line == 0 else delta_start
        tokens.append((line, start, length, legend.token_types[kind]))
    return tokens


async def test_semantic_tokens_in_the_negotiated_encoding(shared: Shared) -> None:
    session = await shared()
    provider = session.result.capabilities.semantic_tokens_provider
    assert isinstance(provider, types.SemanticTokensOptions)
    document = session.open(EMOJI_TEMPLATE, uri())
    found = await session.client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(doc(document))
    )
    assert found is not None
    tokens = decode(list(found.data), provider.legend)
    assert (0, 0, 4, "keyword") in tokens
    assert (1, 0, 8, "keyword") in tokens
    prompt = session.units('TEMPLATE """😀 {{ ')
    assert (1, prompt, len(".Prompt"), "variable") in tokens


async def test_formatting_and_range_formatting(shared: Shared) -> None:
    session = await shared()
    document = session.open("from llama3.2\nparameter temperature 0.7\n", uri())
    options = types.FormattingOptions(tab_size=4, insert_spaces=True)
    edits = await session.client.text_document_formatting_async(
        types.DocumentFormattingParams(doc(document), options)
    )
    assert edits is not None
    assert {(e.range.start.line, e.new_text) for e in edits} == {(0, "FROM"), (1, "PARAMETER")}
    edits = await session.client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            doc(document), types.Range(pos(0, 0), pos(0, 4)), options
        )
    )
    assert list(edits or ()) == [types.TextEdit(types.Range(pos(0, 0), pos(0, 4)), "FROM")]


async def test_code_actions_fix_and_suppress(shared: Shared) -> None:
    text = "FROM llama3.2\nPARAMETER temprature 0.7\nPARAMETER Temperature 0.7\n"
    for variant in ("full", "downgraded"):
        session = await shared(variant)
        document = session.open(text, uri())
        actions = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                doc(document),
                types.Range(pos(1, 10), pos(1, 12)),
                types.CodeActionContext(diagnostics=[]),
            )
        )
        assert actions is not None
        fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.kind == "quickfix")
        assert fix.title == "Change to `temperature`"
        assert fix.diagnostics and fix.diagnostics[0].code == "MF101"
        assert fix.edit is not None
        expected = types.TextEdit(types.Range(pos(1, 10), pos(1, 20)), "temperature")
        capabilities = session.client.capabilities
        assert capabilities is not None and capabilities.workspace is not None
        edit_support = capabilities.workspace.workspace_edit
        assert fix.is_preferred is (True if variant == "full" else None)
        if edit_support and edit_support.document_changes:
            assert fix.edit.document_changes is not None
            change = fix.edit.document_changes[0]
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.version == 1
            assert list(change.edits) == [expected]
        else:
            assert fix.edit.changes is not None
            assert list(fix.edit.changes[document]) == [expected]
        titles = [a.title for a in actions]
        assert "Ignore MF101 for this instruction" in titles


async def test_fix_all_when_only_asked_for_it(shared: Shared) -> None:
    session = await shared()
    text = "FROM llama3.2\nPARAMETER Temperature 0.7\n"
    document = session.open(text, uri())
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            doc(document),
            types.Range(pos(0, 0), pos(0, 0)),
            types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    assert actions is not None
    assert [a.kind for a in actions if isinstance(a, types.CodeAction)] == [
        "source.fixAll.modelfile-ls"
    ]


async def test_document_links(shared: Shared, tmp_path: Path) -> None:
    weights = tmp_path / "model.gguf"
    weights.write_bytes(b"GGUF")
    for variant in ("full", "downgraded"):
        session = await shared(variant)
        document = (tmp_path / "Modelfile").as_uri()
        session.open("FROM ./model.gguf\nFROM llama3.2\n", document)
        links = await session.client.text_document_document_link_async(
            types.DocumentLinkParams(doc(document))
        )
        assert links is not None
        assert [(link.range.start.line, link.target) for link in links] == [
            (0, weights.as_uri()),
            (1, "https://ollama.com/library/llama3.2"),
        ]
        capabilities = session.client.capabilities
        assert capabilities is not None and capabilities.text_document is not None
        link_support = capabilities.text_document.document_link
        tooltips = bool(link_support and link_support.tooltip_support)
        assert (links[0].tooltip is not None) == (tooltips and variant == "full")
        session.close(document)


async def test_code_lens_shows_model_status_and_offers_a_pull(shared: Shared) -> None:
    session = await shared()
    document = session.open("FROM llama3.2\n", uri())
    lenses = await session.client.text_document_code_lens_async(types.CodeLensParams(doc(document)))
    assert lenses is not None and len(lenses) == 1
    assert lenses[0].command is not None
    assert lenses[0].command.title.startswith("installed")
    assert lenses[0].range == types.Range(pos(0, 0), pos(0, 4))

    document = session.open("FROM mistral\n", uri())
    lenses = await session.client.text_document_code_lens_async(types.CodeLensParams(doc(document)))
    assert lenses is not None and lenses[0].command is not None
    assert lenses[0].command.title.startswith("not installed")
    assert lenses[1].command is not None and lenses[1].command.command == PULL
    assert list(lenses[1].command.arguments or ()) == [{"uri": document, "model": "mistral:latest"}]


async def test_inlay_hints(shared: Shared) -> None:
    session = await shared()
    text = "FROM llama3.2\nPARAMETER num_ctx 4096\nPARAMETER top_k 40\n"
    document = session.open(text, uri())
    hints = await session.client.text_document_inlay_hint_async(
        types.InlayHintParams(doc(document), types.Range(pos(0, 0), pos(3, 0)))
    )
    assert hints is not None
    found = {(h.position.line, h.label, h.kind) for h in hints}
    assert (1, "model max 128K", types.InlayHintKind.Type) in found
    assert (2, "default", types.InlayHintKind.Parameter) in found
    assert all(h.position.character == len(text.splitlines()[h.position.line]) for h in hints)


async def test_requests_for_unknown_documents_answer_empty(shared: Shared) -> None:
    session = await shared()
    missing = doc("untitled:never-opened")
    assert (
        await session.client.text_document_hover_async(types.HoverParams(missing, pos(0, 0)))
        is None
    )
    assert (
        await session.client.text_document_completion_async(
            types.CompletionParams(missing, pos(0, 0))
        )
        is None
    )
