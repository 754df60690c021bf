"""Every Ollama command over LSP against the fake Ollama: create, pull, push, copy, delete,
extract, bench and listModels; each fault mode of the fake ending in a clear message; other
requests answered while a pull streams; a cancel closing the connection at once. Each test
runs with VS Code's and Neovim's capabilities; waits are on events, never on the clock."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from modelfile_ls.lsp.commands import COMMANDS
from modelfile_ls.lsp.element_commands import ELEMENT_COMMANDS
from modelfile_ls.vocabulary import (
    BENCH,
    COMMAND_TITLES,
    COPY,
    CREATE,
    DELETE,
    EXTRACT,
    LIST_MODELS,
    PULL,
    PUSH,
)
from tests.analysis.gguf_files import EMPTY_GGUF
from tests.fake_ollama import FakeModel, FakeOllama, refused_url
from tests.lsp.conftest import Session, Start

WAIT_S = 10.0
"""Longest wait on an event of the fake (a failing test, not a slow one, reaches it)."""


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama([FakeModel("llama3.2")], version="0.12.3") as fake:
        yield fake


async def started(start: Start, ollama: FakeOllama, **options: Any) -> Session:
    session = await start(ollama_host=ollama.url, **options)
    await session.log_containing("registry refreshed")
    return session


def saved(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path.as_uri()


def progress_of(session: Session, title: str) -> list[Any]:
    """Every `$/progress` value of the progress that began with `title`."""
    for reports in session.client.progress_reports.values():
        begin = reports[0] if reports else None
        if isinstance(begin, types.WorkDoneProgressBegin) and begin.title == title:
            return list(reports)
    return []


def ended(session: Session, title: str) -> str | None:
    """How the progress titled `title` ended, None while it runs."""
    last = (progress_of(session, title) or [None])[-1]
    return last.message or "" if isinstance(last, types.WorkDoneProgressEnd) else None


def requests_to(ollama: FakeOllama, path: str) -> list[Any]:
    return [body for _method, where, body in ollama.requests if where == path]


async def on_thread(event: Any) -> bool:
    """Wait for a threading.Event of the fake without blocking the test's loop."""
    return bool(await asyncio.to_thread(event.wait, WAIT_S))


async def test_every_command_editors_offer_is_registered(start: Start, ollama: FakeOllama) -> None:
    session = await started(start, ollama)
    provider = session.result.capabilities.execute_command_provider
    assert provider is not None
    assert set(provider.commands) == set(COMMAND_TITLES)
    # Each id has one owner: commands.py (Ollama, registry) or element_commands.py.
    assert set(COMMANDS).isdisjoint(ELEMENT_COMMANDS)
    assert {*COMMANDS, *ELEMENT_COMMANDS} == set(COMMAND_TITLES)


"""The smallest file the fake takes for EMPTY_GGUF weights (its magic and version)."""


async def test_create_from_the_open_document(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    uri = saved(tmp_path, "Modelfile.mybot", "FROM llama3.2\n")
    session.open("FROM llama3.2\nSYSTEM You are a bot.\n", uri)  # unsaved edits count
    result = await session.command(CREATE, {"uri": uri, "name": "mybot"})
    assert result["error"] is None and result["message"] == "created mybot"
    (body,) = requests_to(ollama, "/api/create")
    sent = json.loads(body)
    assert sent["model"] == "mybot" and sent["system"] == "You are a bot."
    assert ended(session, "Creating mybot") == "created mybot"
    assert "mybot:latest" in ollama.models
    await session.log_containing("registry refreshed: 2 models")


async def test_create_uploads_a_local_gguf_with_progress(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    (tmp_path / "model.gguf").write_bytes(EMPTY_GGUF)
    uri = saved(tmp_path, "Modelfile", "FROM ./model.gguf\n")
    result = await session.command(CREATE, {"uri": uri, "name": "local"})
    assert result["error"] is None and "local:latest" in ollama.models
    messages = [r.message for r in progress_of(session, "Creating local")[1:-1]]
    assert any(m and m.startswith("hashing") for m in messages), messages
    assert any(m and m.startswith("uploading") for m in messages), messages


async def test_create_without_a_name_asks_with_the_file_name(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    uri = saved(tmp_path, "bots/helper.Modelfile", "FROM llama3.2\n")
    session.recorder.message_answers = [None, "Create helper"]
    declined = await session.command(CREATE, {"uri": uri})
    assert declined["cancelled"] is True and requests_to(ollama, "/api/create") == []
    accepted = await session.command(CREATE, {"uri": uri})
    assert accepted["message"] == "created helper"
    asked = session.recorder.message_requests
    assert [a.title for a in asked[0].actions or []] == ["Create helper", "Cancel"]
    assert "helper.Modelfile" in asked[0].message


async def test_create_refuses_bad_names_and_broken_files(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    uri = saved(tmp_path, "Modelfile", "FROM llama3.2\n")
    result = await session.command(CREATE, {"uri": uri, "name": "my bot"})
    assert "`my bot` is not a valid model name" in result["error"]
    broken = saved(tmp_path, "broken/Modelfile", "FROM llama3.2\nPARAMETER temperature hot\n")
    result = await session.command(CREATE, {"uri": broken, "name": "broken"})
    assert "fix them before creating" in result["error"]
    await session.shown_containing("creating broken failed")
    assert requests_to(ollama, "/api/create") == []
    untitled = session.open("FROM llama3.2\n", "untitled:Untitled-3")
    result = await session.command(CREATE, {"uri": untitled})
    assert "has no file name to take one from" in result["error"]


async def test_push_copy_delete_and_list(start: Start, ollama: FakeOllama) -> None:
    session = await started(start, ollama)
    listed = await session.command(LIST_MODELS)
    (model,) = listed["models"]
    assert model["name"] == "llama3.2:latest" and model["details"]["family"] == "llama"

    copied = await session.command(COPY, {"source": "llama3.2", "destination": "me/bot"})
    assert copied["error"] is None and "me/bot:latest" in ollama.models
    pushed = await session.command(PUSH, {"model": "me/bot"})
    assert pushed["message"] == "pushed me/bot" and ollama.pushed
    assert ended(session, "Pushing me/bot") == "pushed me/bot"
    denied = await session.command(PUSH, {"model": "llama3.2"})
    assert "not authorized to push" in denied["error"]

    deleted = await session.command(DELETE, {"models": ["me/bot"]})
    assert deleted["deleted"] == ["me/bot"] and "me/bot:latest" not in ollama.models
    missing = await session.command(DELETE, {"model": "nope"})
    assert "not found" in missing["error"]
    await session.shown_containing("deleting nope failed")


async def test_extract_writes_and_opens_the_modelfile(
    start: Start, ollama: FakeOllama, tmp_path: Path
) -> None:
    session = await started(start, ollama)
    (tmp_path / "llama3.2.Modelfile").write_text("mine\n", encoding="utf-8")
    result = await session.command(EXTRACT, {"model": "llama3.2"})
    written = tmp_path / "llama3.2-2.Modelfile"
    assert result["error"] is None and result["path"] == str(written)
    assert written.read_text(encoding="utf-8").startswith("# Modelfile generated by")
    assert (tmp_path / "llama3.2.Modelfile").read_text(encoding="utf-8") == "mine\n"
    assert [d.uri for d in session.client.shown_documents] == [written.as_uri()]
    assert result["element_ids"]


async def test_bench_stores_the_speeds(start: Start, ollama: FakeOllama, tmp_path: Path) -> None:
    session = await started(start, ollama)
    uri = saved(tmp_path, "Modelfile", "FROM llama3.2\n")
    result = await session.command(BENCH, {"uri": uri})
    assert result["error"] is None and result["stored"] is True
    assert result["model"] == "llama3.2:latest"
    assert requests_to(ollama, "/api/generate")
    assert ended(session, "Benchmarking llama3.2:latest") == result["message"]


async def test_unreachable_ollama_is_said_with_the_hint(start: Start) -> None:
    session = await start()
    await session.recorder.wait(lambda: session.recorder.statuses, "a status")
    result = await session.command(PULL, {"model": "llama3.2"})
    assert result["error"].startswith("could not connect to Ollama at http://127.0.0.1:")
    assert "ollama serve" in result["hint"]
    shown = await session.shown_containing("pulling llama3.2 failed: could not connect")
    assert shown.type == types.MessageType.Error and "ollama serve" in shown.message
    assert session.recorder.statuses[-1]["state"] == "unreachable"


async def test_refresh_and_pull_fail_over_to_the_second_host(
    start: Start, ollama: FakeOllama
) -> None:
    first = refused_url()
    session = await start(init_options={"ollama-hosts": [first, ollama.url]})
    await session.log_containing(f"registry refreshed: 1 models installed on {ollama.url}")
    await session.recorder.wait(lambda: session.recorder.statuses, "a status")
    assert session.recorder.statuses[-1]["host"] == ollama.url
    ollama.publish(FakeModel("qwen3:8b"))
    result = await session.command(PULL, {"model": "qwen3:8b"})
    assert result["error"] is None and result["host"] == ollama.url
    await session.log_containing(f"{first} refused the connection; using {ollama.url}")


FAULTS: list[tuple[str, Any, str]] = [
    ("failures", {"/api/pull": (500, {"error": "disk full"})}, "answered 500: disk full"),
    ("cut_stream_after", 3, "was cut mid-pull"),
    ("error_line_after", 3, "an error from the fake mid-stream"),
    ("malformed_line_after", 3, "line 4"),
]


async def test_every_stream_fault_ends_in_a_clear_message(start: Start, ollama: FakeOllama) -> None:
    session = await started(start, ollama)
    ollama.publish(FakeModel("qwen3:8b"))
    for attribute, value, message in FAULTS:
        setattr(ollama, attribute, value)
        result = await session.command(PULL, {"model": "qwen3:8b"})
        assert message in result["error"], attribute
        assert result["cancelled"] is False
        await session.shown_containing(message)
        assert (ended(session, "Pulling qwen3:8b") or "").startswith("failed: ")
        setattr(ollama, attribute, {} if attribute == "failures" else None)
        session.client.progress_reports.clear()


async def test_other_requests_are_answered_while_a_pull_streams(
    start: Start, ollama: FakeOllama
) -> None:
    session = await started(start, ollama)
    ollama.publish(FakeModel("qwen3:8b"))
    ollama.hold_stream_after = 2
    pulling = asyncio.ensure_future(session.command(PULL, {"model": "qwen3:8b"}))
    assert await on_thread(ollama.stream_held)
    uri = session.open("FROM llama3.2\nPARAMETER temprature 0.7\n")
    hover = await session.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 7))
    )
    completion = await session.client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(1, 12))
    )
    assert hover is not None and completion is not None
    assert [str(d.code) for d in await session.diagnostics(uri)] == ["MF101"]
    assert not pulling.done()
    ollama.release_stream.set()
    assert (await pulling)["message"] == "pulled qwen3:8b"


@pytest.mark.parametrize("verb", ["pull", "create"])
async def test_a_cancel_closes_the_connection_at_once(
    start: Start, ollama: FakeOllama, tmp_path: Path, verb: str
) -> None:
    session = await started(start, ollama)
    ollama.publish(FakeModel("qwen3:8b"))
    ollama.hold_stream_after = 1
    if verb == "pull":
        title, running = "Pulling qwen3:8b", session.command(PULL, {"model": "qwen3:8b"})
    else:
        uri = saved(tmp_path, "Modelfile", "FROM llama3.2\n")
        title, running = "Creating mybot", session.command(CREATE, {"uri": uri, "name": "mybot"})
    answer = asyncio.ensure_future(running)
    assert await on_thread(ollama.stream_held)
    begin = progress_of(session, title)[0]
    assert isinstance(begin, types.WorkDoneProgressBegin) and begin.cancellable
    token = next(t for t, r in session.client.progress_reports.items() if r and r[0] is begin)
    session.client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token))
    # Answered and hung up while the fake still holds the stream: nothing waits for Ollama.
    result = await answer
    assert result["cancelled"] is True and result["error"] is None
    assert ended(session, title) == "cancelled", progress_of(session, title)
    assert await on_thread(ollama.stream_closed)
    assert not ollama.release_stream.is_set()
    assert "qwen3:8b" not in ollama.models and "mybot:latest" not in ollama.models
