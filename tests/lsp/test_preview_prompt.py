"""The Preview Prompt command over LSP, with VS Code's and Neovim's capabilities: the rendered
prompt in the result, the virtual document shown, `modelfile-ls/promptPreview` after each edit,
the workspace's sample messages, and `workspace/textDocumentContent` for clients that have it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import client_capabilities

from modelfile_ls.lsp.element_commands import preview_uri, source_of
from modelfile_ls.vocabulary import PREVIEW_PROMPT, PREVIEW_SCHEME, PROMPT_PREVIEW_NOTIFICATION
from tests.lsp.conftest import Session, Start

TEMPLATE = (
    'FROM llama3.2\nSYSTEM Be brief.\nTEMPLATE """{{ range .Messages }}[{{ .Role }}] '
    '{{ .Content }}\n{{ end }}"""\n'
)
BUILT_IN = (
    "[system] Be brief.\n[user] Hello! What can you do?\n"
    "[assistant] I can answer questions and help with code.\n"
    "[user] Write a haiku about Modelfiles.\n"
)


def record_previews(session: Session) -> list[Any]:
    """Every `modelfile-ls/promptPreview` the client receives, in order."""
    received: list[Any] = []

    @session.client.feature(PROMPT_PREVIEW_NOTIFICATION)
    def on_preview(client: object, params: Any) -> None:
        received.append(params)
        session.recorder.changed()

    return received


def field(params: Any, name: str) -> Any:
    """A field of a notification's params (a dict or pygls' generic object)."""
    return params[name] if isinstance(params, dict) else getattr(params, name)


async def preview_with(session: Session, received: list[Any], text: str, version: int) -> Any:
    """Wait for the notification carrying preview `text` of that source version."""
    return await session.recorder.wait(
        lambda: next(
            (p for p in received if field(p, "version") == version and field(p, "text") == text),
            None,
        ),
        f"a prompt preview of version {version}",
    )


def modelfile(tmp_path: Path, text: str = TEMPLATE) -> Path:
    path = tmp_path / "coder" / "Modelfile"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_preview_uris_name_the_file_and_carry_the_source() -> None:
    source = "file:///home/me/my%20coder/Modelfile"
    uri = preview_uri(source)
    assert uri.startswith(f"{PREVIEW_SCHEME}:/home/me/my%20coder/Modelfile.prompt?")
    assert source_of(uri) == source
    assert source_of(preview_uri("untitled:Untitled-1")) == "untitled:Untitled-1"
    assert preview_uri("untitled:Untitled-1").startswith(f"{PREVIEW_SCHEME}:/Untitled-1.prompt?")
    assert source_of("file:///x") is None


async def test_preview_opens_and_follows_edits(start: Start, tmp_path: Path) -> None:
    session = await start()
    received = record_previews(session)
    path = modelfile(tmp_path)
    uri = session.open(TEMPLATE, path.as_uri())

    result = await session.command(PREVIEW_PROMPT, {"uri": uri})
    assert result["text"] == BUILT_IN and result["error"] is None
    assert result["sample"] == "built-in sample" and result["source"] == uri
    assert result["uri"] == preview_uri(uri) and result["shown"] is True
    assert [d.uri for d in session.client.shown_documents] == [preview_uri(uri)]
    first = await preview_with(session, received, BUILT_IN, 1)
    assert field(first, "uri") == preview_uri(uri) and field(first, "source") == uri

    system = TEMPLATE.index("Be brief.")
    edit = types.TextDocumentContentChangePartial(
        range=session.range(TEMPLATE, system, system + len("Be brief.")), text="Be kind."
    )
    version = session.change(uri, edit)
    await preview_with(session, received, BUILT_IN.replace("Be brief.", "Be kind."), version)


async def test_a_burst_of_edits_ends_with_the_preview_of_its_last_version(
    start: Start, tmp_path: Path
) -> None:
    session = await start()
    received = record_previews(session)
    uri = session.open(TEMPLATE, modelfile(tmp_path).as_uri())
    await session.command(PREVIEW_PROMPT, {"uri": uri, "show": False})
    end = TEMPLATE.index("Be brief.") + len("Be brief")
    at = session.position(TEMPLATE, end)
    for _ in range(5):
        session.change(uri, types.TextDocumentContentChangePartial(types.Range(at, at), "!"))
    await session.handled()
    last = BUILT_IN.replace("Be brief.", "Be brief!!!!!.")
    await preview_with(session, received, last, 6)
    # Edits read together are previewed once, for the last of them (how many arrive together
    # is the transport's business): never more previews than edits, never out of order.
    versions = [field(p, "version") for p in received]
    assert versions == sorted(set(versions)) and versions[0] == 1 and versions[-1] == 6


async def test_workspace_sample_messages_and_template_errors(start: Start, tmp_path: Path) -> None:
    sample = tmp_path / ".modelfile-ls" / "sample-messages.json"
    sample.parent.mkdir()
    sample.write_text(json.dumps([{"role": "user", "content": "Fix my loop"}]), "utf-8")
    session = await start()
    record_previews(session)
    # An untitled document has no folder: the workspace's sample is used.
    uri = session.open(TEMPLATE, "untitled:Untitled-3")
    result = await session.command(PREVIEW_PROMPT, {"uri": uri, "show": False})
    assert result["text"] == "[system] Be brief.\n[user] Fix my loop\n"
    assert result["sample"] == str(sample)
    assert session.client.shown_documents == []

    broken = session.open(
        'FROM x\nTEMPLATE """{{ range .Messages }}{{ .Nope }}{{ end }}"""\n', "untitled:Untitled-4"
    )
    result = await session.command(PREVIEW_PROMPT, {"uri": broken, "show": False})
    assert result["error"] == result["text"]
    assert "can't evaluate field Nope" in result["text"]


async def test_preview_needs_an_open_document(start: Start) -> None:
    session = await start()
    result = await session.command(PREVIEW_PROMPT)
    assert "Preview Prompt needs the Modelfile" in result["error"]
    result = await session.command(PREVIEW_PROMPT, {"uri": "file:///nowhere/Modelfile"})
    assert result["error"] == "file:///nowhere/Modelfile is not open in the editor"
    await session.shown_containing("is not open in the editor")
    result = await session.command(PREVIEW_PROMPT, "file:///x")
    assert "one object with named fields" in result["error"]


async def test_a_closed_source_is_no_longer_followed(start: Start, tmp_path: Path) -> None:
    session = await start()
    received = record_previews(session)
    uri = session.open(TEMPLATE, modelfile(tmp_path).as_uri())
    await session.command(PREVIEW_PROMPT, {"uri": uri, "show": False})
    await preview_with(session, received, BUILT_IN, 1)
    session.close(uri)
    session.open(TEMPLATE, uri)
    session.change(uri, types.TextDocumentContentChangeWholeDocument(TEMPLATE + "# more\n"))
    await session.handled()
    assert len(received) == 1


async def test_text_document_content_for_clients_that_have_it(
    start: Start, client_name: str, tmp_path: Path
) -> None:
    capabilities = client_capabilities(client_name)
    assert capabilities.workspace is not None
    capabilities.workspace.text_document_content = types.TextDocumentContentClientCapabilities(
        dynamic_registration=True
    )
    session = await start(capabilities=capabilities)
    received = record_previews(session)
    refreshed: list[str] = []

    @session.client.feature(types.WORKSPACE_TEXT_DOCUMENT_CONTENT_REFRESH)
    def on_refresh(client: object, params: types.TextDocumentContentRefreshParams) -> None:
        refreshed.append(params.uri)
        session.recorder.changed()

    uri = session.open(TEMPLATE, modelfile(tmp_path).as_uri())
    result = await session.command(PREVIEW_PROMPT, {"uri": uri})
    (registration,) = [
        r
        for r in session.recorder.registrations
        if r.method == types.WORKSPACE_TEXT_DOCUMENT_CONTENT
    ]
    assert registration.register_options is not None
    options = registration.register_options
    schemes = options["schemes"] if isinstance(options, dict) else options.schemes
    assert list(schemes) == [PREVIEW_SCHEME]

    content = await session.client.workspace_text_document_content_async(
        types.TextDocumentContentParams(result["uri"])
    )
    assert content.text == BUILT_IN
    version = session.change(uri, types.TextDocumentContentChangeWholeDocument(TEMPLATE + "\n"))
    await preview_with(session, received, BUILT_IN, version)
    await session.recorder.wait(lambda: refreshed, "a textDocumentContent refresh")
    assert refreshed == [result["uri"]]
    unknown = f"{PREVIEW_SCHEME}:/x.prompt?untitled%3Anothing"
    content = await session.client.workspace_text_document_content_async(
        types.TextDocumentContentParams(unknown)
    )
    assert content.text == "untitled:nothing is not open in the editor"
