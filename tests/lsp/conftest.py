"""End-to-end sessions with the real server (`python -m modelfile_ls` over stdio).

Every test that uses `session` or `start` runs once with VS Code's and once with Neovim's
client capabilities (pytest-lsp's recorded presets). The two differ where it matters: VS Code
1.65 is push-only and UTF-16; Neovim 0.11 pulls diagnostics and prefers UTF-8 positions.
Each session gets its own registry file and an Ollama host that refuses connections unless
the test gives a fake one, so nothing touches the user's data or network.
Waiting is always on a recorded message (with a timeout), never on the clock.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Union, cast

import pytest
import pytest_asyncio
from cattrs import Converter
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from modelfile_ls.syntax.positions import LineIndex, PositionEncoding
from modelfile_ls.vocabulary import OLLAMA_STATUS_NOTIFICATION
from tests.fake_ollama import FakeModel, FakeOllama

CLIENTS = ("visual-studio-code", "neovim")
TIMEOUT_S = 15.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A server message outside what the client declared it supports fails the test."""
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"))


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class Recorder:
    """Messages the server sent, and futures waiting for one that matches a predicate."""

    def __init__(self) -> None:
        self.published: list[types.PublishDiagnosticsParams] = []
        self.logs: list[types.LogMessageParams] = []
        self.shown: list[types.ShowMessageParams] = []
        self.registrations: list[types.Registration] = []
        self.refreshes: list[str] = []
        """Methods of the `workspace/*/refresh` requests received, in order."""
        self.statuses: list[dict[str, Any]] = []
        """The `modelfile-ls/ollamaStatus` notifications received, in order."""
        self.message_requests: list[types.ShowMessageRequestParams] = []
        self.message_answers: list[str | None] = []
        """What the user picks in each `window/showMessageRequest`, in order (None: dismissed);
        when none is left, the first action."""
        self._waiters: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []

    def changed(self) -> None:
        for predicate, future in list(self._waiters):
            if not future.done() and (found := predicate()):
                future.set_result(found)

    async def wait(self, predicate: Callable[[], Any], what: str) -> Any:
        """The first truthy `predicate()`, evaluated now and after every recorded message."""
        if found := predicate():
            return found
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiters.append((predicate, future))
        try:
            return await asyncio.wait_for(future, TIMEOUT_S)
        except TimeoutError:
            raise AssertionError(f"timed out waiting for {what}") from None
        finally:
            self._waiters.remove((predicate, future))


def client_converter() -> Converter:
    """pygls' converter, reading a code action with a command as a code action.

    lsprotocol's hook takes any result item with a `command` field for a bare `Command`, so a
    `CodeAction` carrying a command (the "Pull this model" quick fix) arrives mangled. Clients
    tell them apart as VS Code does: a bare Command's `command` is a string.
    """
    converter = default_converter()

    def command_or_action(item: Any, _type: object) -> types.Command | types.CodeAction:
        if isinstance(item.get("command"), str):
            return converter.structure(item, types.Command)
        return converter.structure(item, types.CodeAction)

    converter.register_structure_hook(
        Union[types.Command, types.CodeAction],  # noqa: UP007 (the key lsprotocol uses)
        command_or_action,
    )
    return converter


def make_client(recorder: Recorder) -> Callable[[], LanguageClient]:
    """pytest-lsp's test client, with diagnostics and log messages also going to `recorder`."""

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        recorder.published.append(params)
        recorder.changed()

    def log(client: LanguageClient, params: types.LogMessageParams) -> None:
        client.log_messages.append(params)
        recorder.logs.append(params)
        recorder.changed()

    def show(client: LanguageClient, params: types.ShowMessageParams) -> None:
        client.messages.append(params)
        recorder.shown.append(params)
        recorder.changed()

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        recorder.registrations.extend(params.registrations)
        recorder.changed()

    def progress(client: LanguageClient, params: types.ProgressParams) -> None:
        DEFAULT_CLIENT_FEATURES[types.PROGRESS](client, params)
        recorder.changed()

    def refresh(method: str) -> Callable[[LanguageClient, None], None]:
        def handler(client: LanguageClient, params: None) -> None:
            recorder.refreshes.append(method)
            recorder.changed()

        return handler

    def status(client: LanguageClient, params: Any) -> None:
        recorder.statuses.append(params._asdict())  # pygls reads unknown params as a namedtuple
        recorder.changed()

    def ask(
        client: LanguageClient, params: types.ShowMessageRequestParams
    ) -> types.MessageActionItem | None:
        recorder.message_requests.append(params)
        recorder.changed()
        actions = list(params.actions or [])
        if recorder.message_answers:
            title = recorder.message_answers.pop(0)
            return None if title is None else next(a for a in actions if a.title == title)
        return actions[0] if actions else None

    def factory() -> LanguageClient:
        client = LanguageClient(converter_factory=client_converter)
        features = dict(DEFAULT_CLIENT_FEATURES)
        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
        features[types.WINDOW_LOG_MESSAGE] = log
        features[types.WINDOW_SHOW_MESSAGE] = show
        features[types.CLIENT_REGISTER_CAPABILITY] = register
        features[types.PROGRESS] = progress
        features[OLLAMA_STATUS_NOTIFICATION] = status
        features[types.WINDOW_SHOW_MESSAGE_REQUEST] = ask
        for method in (
            types.WORKSPACE_CODE_LENS_REFRESH,
            types.WORKSPACE_INLAY_HINT_REFRESH,
            types.WORKSPACE_DIAGNOSTIC_REFRESH,
        ):
            features[method] = refresh(method)
        register_lsp_features(client, features)
        return client

    return factory


class Session:
    """One initialized client-server pair and helpers that hide push versus pull."""

    def __init__(
        self,
        client: LanguageClient,
        recorder: Recorder,
        name: str,
        result: types.InitializeResult,
        registry_path: Path,
    ) -> None:
        self.client = client
        self.registry_path = registry_path
        self.recorder = recorder
        self.name = name
        self.result = result
        capabilities = client.capabilities
        assert capabilities is not None and capabilities.text_document is not None
        self.pull = capabilities.text_document.diagnostic is not None
        self.encoding = cast(PositionEncoding, result.capabilities.position_encoding or "utf-16")
        self._versions: dict[str, int] = {}

    def position(self, text: str, offset: int) -> types.Position:
        """The LSP position of a character offset of `text` in the negotiated encoding."""
        found = LineIndex(text).position(offset, self.encoding)
        return types.Position(found.line, found.character)

    def range(self, text: str, start: int, end: int) -> types.Range:
        """The LSP range of `text[start:end]`."""
        return types.Range(self.position(text, start), self.position(text, end))

    def units(self, text: str) -> int:
        """Length of `text` in the negotiated position encoding."""
        if self.encoding == "utf-8":
            return len(text.encode("utf-8"))
        if self.encoding == "utf-32":
            return len(text)
        return len(text.encode("utf-16-le")) // 2

    def open(self, text: str, uri: str = "untitled:Untitled-1", language: str = "modelfile") -> str:
        """didOpen at version 1."""
        self._versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        )
        return uri

    def change(self, uri: str, *changes: types.TextDocumentContentChangeEvent) -> int:
        """didChange with the next version; returns that version."""
        version = self._versions[uri] + 1
        self._versions[uri] = version
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), list(changes)
            )
        )
        return version

    def close(self, uri: str) -> None:
        """didClose."""
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )

    async def diagnostics(self, uri: str, *, after: int = 0) -> list[types.Diagnostic]:
        """The diagnostics of the current version: pulled, or the push for that version.

        `after` skips pushes recorded before that index (for a re-publish of the same version).
        """
        if self.pull:
            report = await self.pull_report(uri)
            assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
            return list(report.items)
        version = self._versions[uri]

        def pushed() -> types.PublishDiagnosticsParams | None:
            for params in reversed(self.recorder.published[after:]):
                if params.uri == uri and params.version == version:
                    return params
            return None

        found = await self.recorder.wait(pushed, f"diagnostics for {uri} v{version}")
        return list(found.diagnostics)

    async def pull_report(
        self, uri: str, previous: str | None = None
    ) -> types.DocumentDiagnosticReport:
        """`textDocument/diagnostic` for one document."""
        return await self.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                types.TextDocumentIdentifier(uri), previous_result_id=previous
            )
        )

    async def command(self, name: str, *arguments: Any) -> Any:
        """`workspace/executeCommand`."""
        return await self.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=name, arguments=list(arguments))
        )

    async def handled(self) -> None:
        """Wait until the server has handled every message sent so far: it handles them in
        order, so the answer to a request sent now comes after all of them."""
        await self.client.text_document_hover_async(
            types.HoverParams(
                types.TextDocumentIdentifier("untitled:nothing"), types.Position(0, 0)
            )
        )

    async def shown_containing(self, text: str) -> types.ShowMessageParams:
        """Wait for a window/showMessage containing `text`."""
        return await self.recorder.wait(
            lambda: next((m for m in self.recorder.shown if text in m.message), None),
            f"a message shown with {text!r}",
        )

    async def log_containing(self, text: str) -> types.LogMessageParams:
        """Wait for a window/logMessage containing `text`."""
        return await self.recorder.wait(
            lambda: next((m for m in self.recorder.logs if text in m.message), None),
            f"a log message with {text!r}",
        )


Start = Callable[..., Awaitable[Session]]

CLIENT_INFO = {
    "visual-studio-code": types.ClientInfo(name="Visual Studio Code", version="1.65.2"),
    "neovim": types.ClientInfo(name="Neovim", version="0.11.0"),
}


async def launch(
    client_name: str,
    registry_path: Path,
    root: Path,
    *,
    init_options: dict[str, Any] | None = None,
    configuration: dict[str, Any] | None = None,
    capabilities: types.ClientCapabilities | None = None,
    ollama_host: str | None = None,
) -> Session:
    """Start `python -m modelfile_ls` and initialize it as `client_name` would."""
    recorder = Recorder()
    refused = f"127.0.0.1:{closed_port()}"
    # The server writes opened drafts and composed Modelfiles to new temporary folders: they
    # stay in the test's own directory.
    scratch = registry_path.parent / "server-tmp"
    scratch.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "OLLAMA_HOST": refused,
        "MODELFILE_LS_REGISTRY": str(registry_path),
        "TMPDIR": str(scratch),
    }
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "modelfile_ls"],
        client_factory=make_client(recorder),
        server_env=env,
    )
    client = await config.start()
    assert isinstance(client, LanguageClient)
    if configuration is not None:
        client.set_configuration(configuration, section="modelfile")
    options = {"registry": str(registry_path), "ollama-host": ollama_host or refused}
    options.update(init_options or {})
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities or client_capabilities(client_name),
            client_info=CLIENT_INFO[client_name],
            initialization_options=options,
            root_uri=root.as_uri(),
        )
    )
    return Session(client, recorder, client_name, result, registry_path)


async def stop(sessions: list[Session]) -> None:
    """Shut the servers down politely and wait for them to exit."""
    for session in sessions:
        if not session.client.stopped:
            await session.client.shutdown_session()
        await session.client.stop()


@pytest.fixture(params=CLIENTS)
def client_name(request: pytest.FixtureRequest) -> str:
    """Which editor's recorded capabilities the session uses."""
    return str(request.param)


@pytest.fixture
def registry_path(tmp_path: Path) -> Path:
    """This test's registry file (created and seeded by the server on first use)."""
    return tmp_path / "registry.sqlite3"


@pytest_asyncio.fixture
async def start(client_name: str, registry_path: Path, tmp_path: Path) -> AsyncIterator[Start]:
    """Start and initialize servers for this test; all are shut down when it ends."""
    sessions: list[Session] = []

    async def starter(**options: Any) -> Session:
        session = await launch(client_name, registry_path, tmp_path, **options)
        sessions.append(session)
        return session

    yield starter
    await stop(sessions)


@pytest_asyncio.fixture
async def session(start: Start) -> Session:
    """A server initialized with the client's capabilities and default settings."""
    return await start()


def downgraded(name: str) -> types.ClientCapabilities:
    """The client's capabilities without the optional forms: no snippets, plain-text
    documentation and hover, flat symbols, no link tooltips, no preferred actions, no
    documentChanges (an older or minimal client)."""
    capabilities = client_capabilities(name)
    document = capabilities.text_document
    assert document is not None
    assert document.completion and document.completion.completion_item and document.hover
    document.completion.completion_item.snippet_support = False
    document.completion.completion_item.documentation_format = [types.MarkupKind.PlainText]
    document.hover.content_format = [types.MarkupKind.PlainText]
    if document.document_symbol:
        document.document_symbol.hierarchical_document_symbol_support = False
    if document.document_link:
        document.document_link.tooltip_support = False
    if document.code_action:
        document.code_action.is_preferred_support = False
    if capabilities.workspace and capabilities.workspace.workspace_edit:
        capabilities.workspace.workspace_edit.document_changes = False
    return capabilities


Shared = Callable[..., Awaitable[Session]]
INSTALLED = ("llama3.2:latest", "qwen3:8b")
"""Models the fake Ollama behind shared sessions has installed."""


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=CLIENTS)
async def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Shared]:
    """Servers shared by a module's tests (each test opens its own URIs), one per variant:
    `full` (the client's capabilities) and `downgraded` (see `downgraded`). Their registry
    has been refreshed from a fake Ollama with `INSTALLED`."""
    name = str(request.param)
    root = tmp_path_factory.mktemp("shared")
    sessions: dict[str, Session] = {}
    with FakeOllama([FakeModel(model) for model in INSTALLED]) as ollama:

        async def get(variant: str = "full") -> Session:
            if variant not in sessions:
                capabilities = downgraded(name) if variant == "downgraded" else None
                session = await launch(
                    name,
                    root / "registry.sqlite3",
                    root,
                    capabilities=capabilities,
                    ollama_host=ollama.url,
                )
                await session.log_containing("registry refreshed")
                sessions[variant] = session
            return sessions[variant]

        yield get
        await stop(list(sessions.values()))
