"""The registry in the server: background refresh from Ollama after `initialized` and on the
command, diagnostics re-published when it changes, progress, and a slow or absent Ollama
never delaying an answer. Every Ollama here is a fake on loopback."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled

from modelfile_ls.vocabulary import PULL, REFRESH_REGISTRY
from tests.fake_ollama import FakeModel, FakeOllama
from tests.lsp.conftest import Session, Start

CUSTOM = "FROM acme-support-bot\nPARAMETER temperature 0.2\n"
"""A library-style name the shipped catalog does not know: MF209 until Ollama has it."""


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama() as fake:
        yield fake


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def progress_titles(session: Session) -> list[tuple[str, str]]:
    """(begin title, end message) of every finished progress the client saw."""
    found = []
    for reports in session.client.progress_reports.values():
        begin = next((r for r in reports if isinstance(r, types.WorkDoneProgressBegin)), None)
        end = next((r for r in reports if isinstance(r, types.WorkDoneProgressEnd)), None)
        if begin is not None and end is not None:
            found.append((begin.title, end.message or ""))
    return found


async def test_refresh_republishes_diagnostics(start: Start, ollama: FakeOllama) -> None:
    session = await start(ollama_host=ollama.url)
    await session.log_containing("registry refreshed: 0 models")
    uri = session.open(CUSTOM)
    assert codes(await session.diagnostics(uri)) == ["MF209"]

    ollama.add(FakeModel("acme-support-bot"))
    mark = len(session.recorder.published)
    result = await session.command(REFRESH_REGISTRY)
    assert result == {"host": ollama.url, "models": 1, "error": None}
    assert await session.diagnostics(uri, after=mark) == []
    assert (
        "Refreshing Ollama models",
        f"registry refreshed: 1 models installed on {ollama.url}",
    ) in (progress_titles(session))
    capabilities = session.client.capabilities
    assert capabilities is not None and capabilities.workspace is not None
    expected_refreshes = []
    if capabilities.workspace.code_lens and capabilities.workspace.code_lens.refresh_support:
        expected_refreshes.append(types.WORKSPACE_CODE_LENS_REFRESH)
    if capabilities.workspace.inlay_hint and capabilities.workspace.inlay_hint.refresh_support:
        expected_refreshes.append(types.WORKSPACE_INLAY_HINT_REFRESH)
    await session.recorder.wait(
        lambda: len(session.recorder.refreshes) >= 2 * len(expected_refreshes) or None,
        "view refreshes",
    )
    assert sorted(set(session.recorder.refreshes)) == sorted(expected_refreshes)
    assert [path for _m, path, _b in ollama.requests] == [
        "/api/tags",
        "/api/version",
        "/api/tags",
        "/api/show",
        "/api/version",
    ]


async def test_absent_ollama_is_logged_not_shown(start: Start) -> None:
    session = await start()
    log = await session.log_containing("registry not refreshed")
    assert log.type == types.MessageType.Warning
    assert "could not connect to Ollama" in log.message
    assert session.recorder.shown == []
    result = await session.command(REFRESH_REGISTRY)
    assert "could not connect to Ollama" in str(result["error"])
    shown = await session.shown_containing("registry not refreshed")
    assert shown.type == types.MessageType.Warning


class StalledOllama:
    """An Ollama whose `/api/tags` answers only when released."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.release = threading.Event()
        stall = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stall.asked.set()
                stall.release.wait()
                body = json.dumps({"models": []}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> StalledOllama:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


async def test_a_stalled_ollama_never_delays_answers(start: Start) -> None:
    with StalledOllama() as stalled:
        session = await start(ollama_host=stalled.url)
        assert await asyncio.to_thread(stalled.asked.wait, 10)
        uri = session.open("FROM llama3.2\nPARAMETER temprature 0.7\n")
        # The refresh is waiting on Ollama; the server still answers everything.
        assert codes(await session.diagnostics(uri)) == ["MF101"]
        hover = await session.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(1, 12))
        )
        assert hover is not None
        completion = await session.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(0, 7))
        )
        assert completion is not None
        assert not any("registry refreshed" in m.message for m in session.recorder.logs)
        stalled.release.set()
        await session.log_containing("registry refreshed: 0 models")


async def test_pull_command_pulls_then_refreshes(start: Start, ollama: FakeOllama) -> None:
    session = await start(ollama_host=ollama.url)
    await session.log_containing("registry refreshed")
    uri = session.open(CUSTOM)
    assert codes(await session.diagnostics(uri)) == ["MF209"]
    bot = FakeModel("acme-support-bot", size=4000)
    ollama.publish(bot)  # what the pull installs
    mark = len(session.recorder.published)
    result = await session.command(PULL, {"model": "acme-support-bot:latest"})
    assert result == {
        "model": "acme-support-bot:latest",
        "host": ollama.url,
        "message": "pulled acme-support-bot:latest",
        "error": None,
        "hint": "",
        "cancelled": False,
    }
    assert ("POST", "/api/pull", '{"model":"acme-support-bot:latest"}') in [
        (m, p, b.replace(" ", "")) for m, p, b in ollama.requests
    ]
    assert await session.diagnostics(uri, after=mark) == []
    pulled = ("Pulling acme-support-bot:latest", "pulled acme-support-bot:latest")
    assert pulled in progress_titles(session)
    reports = pull_reports(session, "acme-support-bot:latest")
    weights = f"pulling {bot.digest[:12]}"
    assert (weights, 25) in reports and (weights, 100) in reports
    assert reports[0] == ("pulling manifest", None) and reports[-1] == ("success", None)


async def test_pull_failure_is_shown(start: Start, ollama: FakeOllama) -> None:
    session = await start(ollama_host=ollama.url)
    result = await session.command(PULL, {"model": "nope"})
    # Ollama answers 200, streams `pulling manifest`, then an error line (spec §3.8).
    assert result["error"] == "pull model manifest: file does not exist"
    assert result["hint"] == "check the name and tag of nope on https://ollama.com/library"
    shown = await session.shown_containing("pulling nope failed")
    assert shown.type == types.MessageType.Error and result["hint"] in shown.message
    ollama.failures["/api/pull"] = (400, {"error": "invalid model name"})
    result = await session.command(PULL, {"model": "Bad Name"})
    assert result["error"] == f"Ollama at {ollama.url} answered 400: invalid model name"


async def test_a_pull_can_be_cancelled(start: Start, ollama: FakeOllama) -> None:
    session = await start(ollama_host=ollama.url)
    ollama.publish(FakeModel("acme-support-bot", size=4000))
    ollama.hold_stream_after = 2  # a slow download: the stream waits after two lines
    model = "acme-support-bot:latest"
    pulling = asyncio.ensure_future(session.command(PULL, {"model": model}))
    await session.recorder.wait(lambda: len(pull_reports(session, model)) == 2, "two reports")
    token = progress_token(session, f"Pulling {model}")
    begin = session.client.progress_reports[token][0]
    assert isinstance(begin, types.WorkDoneProgressBegin) and begin.cancellable
    assert token is not None
    session.client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token))
    result = await pulling  # answered while the download still waits
    assert result == {"message": "cancelled", "error": None, "hint": "", "cancelled": True}
    assert (f"Pulling {model}", "cancelled") in progress_titles(session)
    await session.log_containing(f"pulling {model} cancelled")
    assert not any("pulling acme" in m.message for m in session.recorder.shown)


async def test_shutdown_during_a_pull_is_answered(start: Start, ollama: FakeOllama) -> None:
    session = await start(ollama_host=ollama.url)
    ollama.publish(FakeModel("acme-support-bot"))
    ollama.hold_stream_after = 2
    model = "acme-support-bot:latest"
    pulling = asyncio.ensure_future(session.command(PULL, {"model": model}))
    await session.recorder.wait(lambda: len(pull_reports(session, model)) == 2, "two reports")
    try:
        # pygls alone answers this `shutdown` with an internal error (pygls#606).
        await session.client.shutdown_session()
        with pytest.raises(JsonRpcRequestCancelled):
            await pulling
    finally:
        ollama.release_stream.set()


def progress_token(session: Session, title: str) -> str | int | None:
    """The token of the progress the client saw begin with `title`."""
    for token, reports in session.client.progress_reports.items():
        begin = reports[0] if reports else None
        if isinstance(begin, types.WorkDoneProgressBegin) and begin.title == title:
            return token
    return None


def pull_reports(session: Session, model: str) -> list[tuple[str, int | None]]:
    """(message, percentage) of each report of the pull's progress, in order."""
    token = progress_token(session, f"Pulling {model}")
    reports = session.client.progress_reports.get(token, []) if token is not None else []
    return [
        (r.message or "", r.percentage)
        for r in reports
        if isinstance(r, types.WorkDoneProgressReport)
    ]


async def test_changing_the_ollama_host_refreshes_from_it(start: Start, ollama: FakeOllama) -> None:
    session = await start()
    await session.log_containing("registry not refreshed")
    uri = session.open(CUSTOM)
    assert codes(await session.diagnostics(uri)) == ["MF209"]
    ollama.add(FakeModel("acme-support-bot"))
    mark = len(session.recorder.published)
    session.client.set_configuration({"ollama-host": ollama.url}, section="modelfile")
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings=None)
    )
    await session.log_containing(f"registry refreshed: 1 models installed on {ollama.url}")
    if session.pull:
        assert await session.diagnostics(uri) == []
    else:  # the configuration change publishes too: wait for the publish after the refresh
        await session.recorder.wait(
            lambda: any(
                p.uri == uri and not p.diagnostics for p in session.recorder.published[mark:]
            ),
            "diagnostics without MF209",
        )
