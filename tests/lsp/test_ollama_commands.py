"""The Ollama commands over LSP against the fake Ollama: argument objects, the FROM code
lenses and the "Pull this model" quick fix, and the connection state notification. Each test
runs with VS Code's and Neovim's capabilities."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from modelfile_ls.vocabulary import CREATE, PULL
from tests.fake_ollama import FakeModel, FakeOllama
from tests.lsp.conftest import Session, Start


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2")], version="0.12.3") as fake:
        yield fake


def modelfile(tmp_path: Path, name: str, text: str) -> tuple[Path, str]:
    """A saved Modelfile and its URI."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, path.as_uri()


async def lenses(session: Session, uri: str) -> list[tuple[str, str, Any]]:
    """(title, command, arguments) of each code lens of an open document."""
    found = await session.client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    result = []
    for lens in found or []:
        assert lens.command is not None
        arguments = list(lens.command.arguments) if lens.command.arguments else None
        result.append((lens.command.title, lens.command.command, arguments))
    return result


async def started(start: Start, ollama: FakeOllama) -> Session:
    session = await start(ollama_host=ollama.url)
    await session.log_containing("registry refreshed")
    return session


async def test_lenses_above_from_pull_and_create(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    _path, uri = modelfile(tmp_path, "bots/Modelfile.mybot", "FROM mistral\nSYSTEM hi\n")
    session.open("FROM mistral\nSYSTEM hi\n", uri)
    found = await lenses(session, uri)
    assert ("Create model mybot", CREATE, [{"uri": uri, "name": "mybot"}]) in found
    assert ("Pull mistral:latest", PULL, [{"uri": uri, "model": "mistral:latest"}]) in found
    info = [title for title, command, _a in found if not command]
    assert len(info) == 1 and info[0].startswith("not installed")

    _path, installed = modelfile(tmp_path, "other/Modelfile", "FROM llama3.2\n")
    session.open("FROM llama3.2\n", installed)
    found = await lenses(session, installed)
    assert [command for _t, command, _a in found] == [CREATE, ""]
    assert found[0][:2] == ("Create model other", CREATE)


async def test_quick_fix_pulls_a_model_ollama_does_not_have(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    text = "FROM acme-support-bot\nPARAMETER temperature 0.2\n"
    _path, uri = modelfile(tmp_path, "Modelfile", text)
    session.open(text, uri)
    (diagnostic,) = await session.diagnostics(uri)
    assert diagnostic.code == "MF209"
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            diagnostic.range,
            types.CodeActionContext([diagnostic]),
        )
    )
    pulls = [
        a
        for a in actions or []
        if isinstance(a, types.CodeAction) and a.command and a.kind == "quickfix"
    ]
    assert [a.title for a in pulls] == ["Pull this model"]
    command = pulls[0].command
    assert command is not None and pulls[0].edit is None
    assert list(command.arguments or ()) == [{"uri": uri, "model": "acme-support-bot"}]

    ollama.publish(FakeModel("acme-support-bot"))
    mark = len(session.recorder.published)
    result = await session.command(command.command, *(command.arguments or []))
    assert result["error"] is None and not result["cancelled"]
    assert await session.diagnostics(uri, after=mark) == []


async def test_pull_takes_the_from_model_of_the_document(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    ollama.publish(FakeModel("qwen3:8b"))
    text = "FROM ./weights.gguf\nFROM qwen3:8b\n"
    path, uri = modelfile(tmp_path, "Modelfile", text)
    # Not open in the editor: the command reads the file.
    result = await session.command(PULL, {"uri": uri})
    assert result["error"] is None
    assert ("POST", "/api/pull") in [(m, p) for m, p, _b in ollama.requests]
    assert "qwen3:8b" in ollama.models
    path.write_text("FROM ./weights.gguf\n", encoding="utf-8")
    result = await session.command(PULL, {"uri": uri})
    assert result["error"] == "Pull Base Model: the Modelfile has no FROM naming a model"
    await session.shown_containing("no FROM naming a model")


UNUSABLE: list[tuple[tuple[Any, ...], str]] = [
    ((), "Pull Base Model needs the Modelfile it acts on"),
    (("llama3.2",), "Pull Base Model takes one argument, an object with named fields"),
    (({"model": 3},), "Pull Base Model: `model` must be a string, not a number"),
    (({"uri": "untitled:Untitled-9"},), "untitled:Untitled-9 is neither open nor a file"),
    (({}, {}), "takes one argument, an object with named fields (got 2 arguments)"),
]


async def test_unusable_arguments_are_shown_not_raised(start: Start, ollama: FakeOllama) -> None:
    session = await started(start, ollama)
    for arguments, message in UNUSABLE:
        result = await session.command(PULL, *arguments)
        assert message in result["error"]
        shown = await session.shown_containing(message)
        assert shown.type == types.MessageType.Error
    assert [p for _m, p, _b in ollama.requests if p == "/api/pull"] == []


async def test_the_connection_state_is_notified_when_it_changes(
    start: Start, ollama: FakeOllama
) -> None:
    session = await started(start, ollama)
    connected = {
        "host": ollama.url,
        "state": "connected",
        "version": "0.12.3",
        "models": 1,
        "message": None,
    }
    await session.recorder.wait(lambda: session.recorder.statuses, "a status")
    assert session.recorder.statuses == [connected]
    await session.command("modelfile-ls.refreshRegistry")
    await session.handled()
    assert session.recorder.statuses == [connected]  # unchanged: not sent again
    ollama.add(FakeModel("qwen3:8b"))
    await session.command("modelfile-ls.refreshRegistry")
    await session.recorder.wait(lambda: len(session.recorder.statuses) == 2, "a second status")
    assert session.recorder.statuses[-1] == {**connected, "models": 2}


async def test_an_absent_ollama_is_notified_unreachable(start: Start) -> None:
    session = await start()
    await session.recorder.wait(lambda: session.recorder.statuses, "a status")
    (status,) = session.recorder.statuses
    assert status["state"] == "unreachable" and status["version"] is None
    assert status["host"].startswith("http://127.0.0.1:")
    assert status["host"] in status["message"]
