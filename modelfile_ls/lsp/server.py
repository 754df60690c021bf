"""The language server: state in `ModelfileServer`, handlers of a few lines each.

Start-up stays as fast as a bare pygls server: the analysis, the registry and the Ollama
client are imported after the `initialize` result has gone out (in `initialized`, or on first
use), never before.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import os
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from modelfile_ls import __version__
from modelfile_ls.lsp import config
from modelfile_ls.lsp.capabilities import ClientSupport
from modelfile_ls.lsp.catalog import Catalog
from modelfile_ls.lsp.commands import register_commands
from modelfile_ls.lsp.convert import encoding_of
from modelfile_ls.lsp.diagnostics import Diagnostics, converter, pull_options
from modelfile_ls.lsp.documents import Document, DocumentStore
from modelfile_ls.lsp.element_commands import register_element_commands
from modelfile_ls.lsp.features import ANSWERS, register_features
from modelfile_ls.lsp.progress import ProgressTracker
from modelfile_ls.lsp.protocol import ModelfileProtocol, register_document_sync
from modelfile_ls.lsp.refresh import Refresher
from modelfile_ls.lsp.snapshot import Session, Snapshot
from modelfile_ls.lsp.status import ConnectionStatus
from modelfile_ls.settings import ConfigError, Settings, config_table, find_config
from modelfile_ls.syntax.positions import PositionEncoding
from modelfile_ls.vocabulary import OLLAMA_STATUS_NOTIFICATION

if TYPE_CHECKING:
    from modelfile_ls.analysis.finding import Finding
    from modelfile_ls.analysis.incremental import Analysis

NAME = "modelfile-ls"
GC_YOUNG_THRESHOLD = 20_000
"""Allocations between young-generation collections (Python's default is 700)."""
LOADED_BEFORE_TYPING = (
    ANSWERS,
    "modelfile_ls.ollama.client",
    "modelfile_ls.registry.sync",
)
"""Imported once the session starts, not on demand: the features would load on the first
keystroke, and the refresh thread importing the Ollama client (httpx) held the GIL for ~100 ms,
slowing the first few dozen keystrokes."""
CONFIGURATION_TIMEOUT_S = 5.0
"""How long to hold the first diagnostics for the client's configuration before using defaults."""


class ModelfileServer(LanguageServer):
    """A pygls server with the state of one editor session."""

    def __init__(self) -> None:
        super().__init__(
            NAME,
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=ModelfileProtocol,
            converter_factory=converter,
        )
        self.documents = DocumentStore()
        self.catalog = Catalog()
        self.diagnostics = Diagnostics(self)
        self.encoding: PositionEncoding = "utf-16"
        self.support = ClientSupport()
        self.progress_tracker = ProgressTracker(
            self.work_done_progress, lambda: self.support.work_done_progress
        )
        self.ollama_status = ConnectionStatus(self.send_ollama_status)
        self.refresher = Refresher(self)
        self.session = Session(self.encoding, self.support, self.diagnostics.support, self.log)
        self.generation = 0
        """Bumped when configuration or registry data changes; keys the findings caches."""
        self.ready = asyncio.Event()
        """Set once the client's configuration is known; diagnostics wait for it."""
        self.stopping = False
        """Set by `shutdown`: work still in flight must not publish any more."""
        self.session_start: asyncio.Future[None] | None = None
        """The start-up task `initialized` launched (kept referenced so it runs to the end)."""
        self._settings: Settings | None = None
        self._initialization_options: Any = None
        self._client_sources: list[tuple[object, str]] = []
        """The editor's configuration objects, layered over each folder's config file."""
        self._folder_settings: dict[str, tuple[tuple[int, int], Settings]] = {}
        """Settings per config file, keyed by its modification time and `generation`."""
        self._shown_errors: set[str] = set()

    @property
    def settings(self) -> Settings:
        """The settings in force (defaults until the client's configuration is read)."""
        if self._settings is None:
            self._settings = config.default_settings()
        return self._settings

    def negotiate(self, params: types.InitializeParams) -> None:
        """Record what the client supports; everything slow waits for `initialized`."""
        self.encoding = encoding_of(self.workspace.position_encoding)
        self.support = ClientSupport.of(params)
        self._initialization_options = params.initialization_options
        self.diagnostics.configure(params.capabilities)
        self.session = Session(self.encoding, self.support, self.diagnostics.support, self.log)
        if self.diagnostics.pull:
            self.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, pull_options())(pull_diagnostics)

    async def start_session(self) -> None:
        """Read the configuration, open the registry, publish, then refresh from Ollama."""
        capabilities = self.client_capabilities
        if config.supports_change_registration(capabilities):
            self.client_register_capability(config.change_registration())
        settings = await self.read_configuration()
        if self.stopping:
            return
        self.apply_settings(settings)
        for module in LOADED_BEFORE_TYPING:
            importlib.import_module(module)

        settle_heap()
        self.ready.set()
        self.diagnostics.republish()
        self.refresher.start()

    async def read_configuration(self, pushed: Any = None) -> Settings | None:
        """initializationOptions overlaid with the client's `modelfile` section (or the
        settings a didChangeConfiguration carried); None when they are unusable."""
        section = pushed
        if config.supports_pull(self.client_capabilities):
            try:
                answer = await asyncio.wait_for(
                    self.workspace_configuration_async(config.configuration_request()),
                    CONFIGURATION_TIMEOUT_S,
                )
                section = answer[0] if answer else None
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise  # the loop itself is closing (`exit`): stop here
                # pygls cancels requests still unanswered when `shutdown` arrives.
                return None
            except Exception as exc:
                self.log(types.MessageType.Warning, f"cannot read the configuration: {exc}")
        sources: list[tuple[object, str]] = [
            (self._initialization_options, "initializationOptions"),
            (section, f"configuration section `{config.SECTION}`"),
        ]
        settings = config.settings_from_client(sources)
        if isinstance(settings, str):
            self.show_once(settings)
            return None
        self._client_sources = sources
        return settings

    def apply_settings(self, settings: Settings | None) -> None:
        """Put new settings in force; reopen the registry and refresh when they moved."""
        previous = self._settings
        if settings is not None:
            self._settings = settings
        current = self.settings
        reopened = self.catalog.open(current.registry_path)
        if reopened and self.catalog.error:
            self.show_once(f"registry not available, continuing without it: {self.catalog.error}")
        self.generation += 1
        if reopened and previous is not None:
            self.refresh_views()
        if previous is not None and (
            previous.registry_path != current.registry_path
            or previous.ollama_host != current.ollama_host
            or previous.ollama_hosts != current.ollama_hosts
        ):
            self.refresher.start()

    def registry_changed(self) -> None:
        """Registry data changed: findings, lenses and hints may differ, so refresh them."""
        self.generation += 1
        self.diagnostics.republish()
        self.refresh_views()

    def refresh_views(self) -> None:
        """Ask the client to re-request code lenses and inlay hints (model facts changed)."""
        if self.support.code_lens_refresh:
            self.workspace_code_lens_refresh(None)
        if self.support.inlay_hint_refresh:
            self.workspace_inlay_hint_refresh(None)

    def snapshot(self, uri: str) -> Snapshot | None:
        """What a request about the open document `uri` needs; None when it is not open."""
        document = self.documents.get(uri)
        if document is None:
            return None
        return Snapshot(
            document, self.session, self.catalog.registry, self.settings_for, self.findings
        )

    def findings(self, document: Document) -> list[Finding]:
        """The findings of one document version under the current configuration (cached)."""
        return document.analysis(self.generation, self._analyze).findings

    def _analyze(self, document: Document, previous: Analysis | None) -> Analysis:
        # The analysis loads after the `initialize` result (module docstring): ~200 ms.
        from modelfile_ls.analysis.incremental import analysis_of

        settings = self.settings_for(document)
        registry, base_dir = self.catalog.registry, document.base_dir
        return analysis_of(document.parsed, settings, registry, base_dir, previous)

    def settings_for(self, document: Document) -> Settings:
        """The document folder's config file (as `--check` finds it), overridden key by key by
        the editor's settings; the registry and Ollama host stay the server's own."""
        if document.base_dir is None:
            return self.settings
        try:
            path = find_config(document.base_dir)
            if path is None:
                return self.settings
            stamp = (os.stat(path).st_mtime_ns, self.generation)
            cached = self._folder_settings.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            table = config_table(path)
        except (ConfigError, OSError) as exc:
            self.show_once(str(exc))
            return self.settings
        merged = config.settings_from_client([(table, str(path)), *self._client_sources])
        if isinstance(merged, str):
            self.show_once(merged)
            return self.settings
        current = self.settings
        settings = merged.merged(
            registry_path=current.registry_path,
            ollama_host=current.ollama_host,
            ollama_hosts=current.ollama_hosts,
        )
        self._folder_settings[path] = (stamp, settings)
        return settings

    def notify_encoded(self, method: str, params: str) -> None:
        """Send a notification whose params are already JSON text (`lsp/diagnostics.py`)."""
        protocol = self.protocol
        assert isinstance(protocol, ModelfileProtocol)
        protocol.notify_encoded(method, params)

    def send_ollama_status(self, params: dict[str, object]) -> None:
        """`modelfile-ls/ollamaStatus`: the connection state changed (`status.py`)."""
        self.protocol.notify(OLLAMA_STATUS_NOTIFICATION, params)

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log for this server."""
        self.window_log_message(types.LogMessageParams(level, message))

    def show_once(self, message: str) -> None:
        """Show a warning to the user, once per distinct message per session."""
        self.log(types.MessageType.Warning, message)
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Warning, f"modelfile-ls: {message}")
            )


def settle_heap() -> None:
    """Keep the garbage collector off the keystroke path.

    What start-up loaded (pygls, lsprotocol, the rules, the registry) lives as long as the
    server, yet every full collection walked all of it: 20-50 ms pauses on a didChange. Frozen,
    it is never walked again; a larger first generation makes collections rarer still (each
    version's parse allocates thousands of tuples, freed by reference counting anyway).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def create_server() -> ModelfileServer:
    """A server with every feature registered."""
    server = ModelfileServer()
    server.feature(types.INITIALIZE)(on_initialize)
    server.feature(types.INITIALIZED)(on_initialized)
    server.feature(types.SHUTDOWN)(on_shutdown)
    register_document_sync(
        server,
        {
            types.TEXT_DOCUMENT_DID_OPEN: did_open,
            types.TEXT_DOCUMENT_DID_CHANGE: did_change,
            types.TEXT_DOCUMENT_DID_CLOSE: did_close,
        },
    )
    server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    register_features(server, server)
    register_commands(server, server)
    register_element_commands(server, server)
    return server


def on_initialize(ls: ModelfileServer, params: types.InitializeParams) -> None:
    """`initialize`: negotiate; pygls builds the capabilities from the registered features."""
    ls.negotiate(params)


def on_initialized(ls: ModelfileServer, params: types.InitializedParams) -> None:
    """`initialized`: configuration, registry, first diagnostics, background refresh.

    A task of our own rather than an async handler: when the client exits mid-start-up, the
    loop cancels it quietly instead of pygls reporting the cancellation as an error.
    """
    ls.session_start = asyncio.ensure_future(ls.start_session())


def on_shutdown(ls: ModelfileServer, params: None) -> None:
    """`shutdown`: stop publishing, release the registry, cancel what is still running."""
    ls.stopping = True
    ls.catalog.close()
    ls.progress_tracker.cancel_all()
    _cancel_running_requests(ls)


def _cancel_running_requests(ls: ModelfileServer) -> None:
    """Cancel requests still being handled (a pull waiting on Ollama) before pygls does.

    pygls 2 cancels them itself after this handler, but while iterating the very dict that
    their completion removes them from, and so answers `shutdown` with an internal error
    (openlawlibrary/pygls#606). Cancelled here from a snapshot, they are done by then.
    `tests/lsp/test_upstream.py` fails once pygls no longer has the bug (remove this then) or
    renames the attribute.
    """
    protocol = ls.protocol
    # pygls has no public accessor for the requests in flight (openlawlibrary/pygls#606).
    running = protocol._request_futures
    for message_id, future in list(running.items()):
        if message_id != protocol.msg_id and not future.done():
            future.cancel()


def did_open(ls: ModelfileServer, params: types.DidOpenTextDocumentParams) -> None:
    """Track the document and publish its diagnostics."""
    ls.diagnostics.publish(ls.documents.open(params.text_document))


def did_change(ls: ModelfileServer, params: types.DidChangeTextDocumentParams) -> None:
    """Apply the edits and publish diagnostics for the new version."""
    document = ls.documents.change(
        params.text_document.uri, params.text_document.version, params.content_changes, ls.encoding
    )
    if document is not None:
        ls.diagnostics.publish(document)


def did_close(ls: ModelfileServer, params: types.DidCloseTextDocumentParams) -> None:
    """Forget the document and clear its diagnostics."""
    ls.documents.close(params.text_document.uri)
    ls.diagnostics.clear(params.text_document.uri)


async def did_change_configuration(
    ls: ModelfileServer, params: types.DidChangeConfigurationParams
) -> None:
    """Re-read the configuration and re-publish, without a restart. Diagnostics wait for the
    new settings (a pull in between answers with them, not with the old ones)."""
    if ls.session_start is not None and not ls.session_start.done():
        await asyncio.wait([ls.session_start])  # start-up reads the configuration first
    ls.ready.clear()
    try:
        ls.apply_settings(await ls.read_configuration(params.settings))
    finally:
        ls.ready.set()
    ls.diagnostics.republish()


async def pull_diagnostics(
    ls: ModelfileServer, params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    """`textDocument/diagnostic` (registered only for clients that pull)."""
    await ls.ready.wait()
    document = ls.documents.get(params.text_document.uri)
    return ls.diagnostics.report(document, params.previous_result_id)
