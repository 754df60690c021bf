"""Start-up, negotiation, shutdown, the command line and TCP."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import client_capabilities

from modelfile_ls import __version__
from tests.lsp.conftest import Recorder, Session, Start, closed_port, make_client


async def test_initialize_result(session: Session, client_name: str) -> None:
    result = session.result
    assert result.server_info == types.ServerInfo("modelfile-ls", __version__)
    sync = result.capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental
    # VS Code 1.65 offers no choice (UTF-16); Neovim 0.11 lists UTF-8 first.
    expected = "utf-16" if client_name == "visual-studio-code" else "utf-8"
    assert result.capabilities.position_encoding == expected


async def test_utf32_when_that_is_all_the_client_offers(start: Start, client_name: str) -> None:
    capabilities = client_capabilities(client_name)
    capabilities.general = types.GeneralClientCapabilities(position_encodings=["utf-32"])
    session = await start(capabilities=capabilities)
    assert session.result.capabilities.position_encoding == "utf-32"
    text = "SYSTEM 😀\nPARAMETER 😀 temprature\n"
    [found] = await session.diagnostics(session.open(text))
    assert found.range.start == types.Position(1, 10)  # one unit per code point


async def test_exit_codes_follow_the_protocol(start: Start) -> None:
    polite = await start()
    await polite.client.shutdown_session()
    assert polite.client._server is not None and polite.client._server.returncode == 0
    abrupt = await start()
    abrupt.client.exit(None)
    assert abrupt.client._server is not None
    assert await abrupt.client._server.wait() == 1


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelfile_ls", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_command_line_usage_errors() -> None:
    result = run_cli("some.Modelfile")
    assert result.returncode == 2 and "needs --check" in result.stderr
    result = run_cli("--tcp", "nowhere")
    assert result.returncode == 2 and "HOST:PORT" in result.stderr
    result = run_cli("--stdio", "--tcp", "127.0.0.1:1")
    assert result.returncode == 2


def test_stdio_without_a_client_exits_cleanly() -> None:
    # No pipe (stdin is /dev/null): pygls' own reader sees the end of input at once.
    assert run_cli().returncode == 0


def test_the_server_is_created_without_the_analysis() -> None:
    """What runs before the initialize result stays small (start-up within 20% of pygls)."""
    script = (
        "import sys; import modelfile_ls.lsp.server as s; s.create_server();"
        "heavy = ('modelfile_ls.analysis', 'modelfile_ls.registry', 'modelfile_ls.features',"
        " 'httpx', 'sqlite3');"
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


async def test_tcp(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "MODELFILE_LS_REGISTRY": str(tmp_path / "registry.sqlite3"),
        "OLLAMA_HOST": f"127.0.0.1:{closed_port()}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "modelfile_ls",
        "--tcp",
        "127.0.0.1:0",
        stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
        env=env,
    )
    assert process.stderr is not None
    line = (await asyncio.wait_for(process.stderr.readline(), 30)).decode()
    assert line.startswith("modelfile-ls: listening on 127.0.0.1:")
    port = int(line.rsplit(":", 1)[1])
    client = make_client(Recorder())()
    await client.start_tcp("127.0.0.1", port)
    capabilities = client_capabilities("visual-studio-code")
    await client.initialize_session(types.InitializeParams(capabilities=capabilities))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                "untitled:tcp", "modelfile", 1, "FROM llama3.2\nPARAMETER temprature 1\n"
            )
        )
    )
    published = await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert [d.code for d in published.diagnostics] == ["MF101"]
    await client.shutdown_async(None)
    client.exit(None)
    assert await asyncio.wait_for(process.wait(), 30) == 0
    await client.stop()


def test_produced_tokens_and_actions_are_in_the_advertised_vocabulary() -> None:
    from modelfile_ls import features
    from modelfile_ls.syntax import parse
    from modelfile_ls.vocabulary import (
        CODE_ACTION_KINDS,
        SAVE_AS_ELEMENT,
        TOKEN_MODIFIERS,
        TOKEN_TYPES,
    )

    parsed = parse('FROM x\nPARAMETER mirostat 1\nTEMPLATE """{{ json .Tools }}"""\n# c\n')
    tokens = features.semantic_tokens(parsed)
    assert {t.type for t in tokens} <= set(TOKEN_TYPES)
    assert {m for t in tokens for m in t.modifiers} <= set(TOKEN_MODIFIERS)
    assert (features.QUICK_FIX, features.FIX_ALL, SAVE_AS_ELEMENT) == CODE_ACTION_KINDS
    actions = features.element_actions(parsed, parsed.instructions[1].span)
    assert {a.kind for a in actions} == {SAVE_AS_ELEMENT}
