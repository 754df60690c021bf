"""The prompt preview, registry elements and drafts as server commands (ids and titles in
`modelfile_ls.vocabulary`). What each command does is in `element_flows`, loaded on first use:
this module is imported before the `initialize` result goes out, so it loads no analysis,
feature or registry code itself.

Every command takes one object with named fields, or nothing (a palette):

| command | fields | answers |
|---|---|---|
| `PREVIEW_PROMPT` | `uri`, `show` (default true) | `{uri, source, version, text, error, sample}` |
| `SAVE_ELEMENT` | `uri` (+ `range`) or `text`; `name`, `tags` | the stored element, `created` |
| `PREVIEW_ELEMENTS` | `uri` (+ `range`) or `text` | `{elements: [...], new}`, nothing stored |
| `NEW_FROM_ELEMENTS` | `base`, `elements`, `modelfile`, `path` | `{uri, text, base, elements}` |
| `SAVE_DRAFT` | `uri`, `name` | the draft |
| `OPEN_DRAFT` | `name` | the draft, `uri` where it was opened |

What a command needs and was not given (an element's name, the base model, the elements, the
draft) is asked with `window/showMessageRequest`. A failure is shown with `window/showMessage`
and answered as `{"error": message}`.

The prompt preview is a virtual document `modelfile-preview:PATH.prompt?SOURCE`. It follows its
Modelfile: after each change the server sends `modelfile-ls/promptPreview` with the new text,
and, to a client that registered for `workspace/textDocumentContent` (LSP 3.18), a refresh of
that URI. Clients that cannot show the scheme pass `show: false` and use the text.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, unquote, urlsplit

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from modelfile_ls.lsp.catalog import Catalog
from modelfile_ls.lsp.protocol import ModelfileProtocol
from modelfile_ls.lsp.snapshot import Snapshot
from modelfile_ls.vocabulary import (
    NEW_FROM_ELEMENTS,
    OPEN_DRAFT,
    PREVIEW_ELEMENTS,
    PREVIEW_PROMPT,
    PREVIEW_SCHEME,
    PROMPT_PREVIEW_NOTIFICATION,
    SAVE_DRAFT,
    SAVE_ELEMENT,
)

if TYPE_CHECKING:
    from modelfile_ls.registry import Registry

FLOWS = "modelfile_ls.lsp.element_flows"
ELEMENT_COMMANDS = (
    PREVIEW_PROMPT,
    SAVE_ELEMENT,
    PREVIEW_ELEMENTS,
    NEW_FROM_ELEMENTS,
    SAVE_DRAFT,
    OPEN_DRAFT,
)
"""The commands registered here."""
CONTENT_REGISTRATION = "modelfile-ls.preview-content"
Run = Callable[[dict[str, Any]], Awaitable[dict[str, object]]]


class ElementHost(Protocol):
    """The server, as these commands see it."""

    ready: asyncio.Event
    catalog: Catalog

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document."""

    def log(self, level: types.MessageType, message: str) -> None:
        """A line in the client's log."""


def flows() -> ModuleType:
    """The flows module (imported on first use: it loads the features and the registry)."""
    return importlib.import_module(FLOWS)


def preview_uri(source: str) -> str:
    """The preview document of a Modelfile URI: named after it, the source in the query."""
    parts = urlsplit(source)
    path = to_fs_path(source) if parts.scheme == "file" else unquote(parts.path)
    path = "/" + (path or source).replace("\\", "/").lstrip("/")
    return f"{PREVIEW_SCHEME}:{quote(path)}.prompt?{quote(source, safe='')}"


def source_of(uri: str) -> str | None:
    """The Modelfile URI a preview URI shows, None for any other URI."""
    parts = urlsplit(uri)
    if parts.scheme != PREVIEW_SCHEME or not parts.query:
        return None
    return unquote(parts.query)


def fields_of(arguments: Sequence[object]) -> dict[str, Any]:
    """The one named-field object a command takes ({} when it was given none)."""
    if not arguments or arguments == [None] or arguments == (None,):
        return {}
    if len(arguments) == 1 and isinstance(arguments[0], dict):
        return dict(arguments[0])
    raise ValueError('the command takes one object with named fields, like {"uri": "file:..."}')


class Editor:
    """What the flows ask of the client and the server, in their own terms."""

    def __init__(self, server: LanguageServer, host: ElementHost) -> None:
        self._server = server
        self._host = host

    @property
    def registry(self) -> Registry | None:
        """The open registry (None: it could not be opened)."""
        return self._host.catalog.registry

    @property
    def registry_error(self) -> str:
        """Why there is no registry."""
        return self._host.catalog.error or "no registry is open"

    @property
    def root(self) -> Path | None:
        """The workspace folder (where an untitled document's sample messages are looked for)."""
        root = self._server.workspace.root_path
        return Path(root) if root else None

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document."""
        return self._host.snapshot(uri)

    async def ask(self, message: str, choices: Sequence[str]) -> str | None:
        """The choice the user picked (`window/showMessageRequest`), None when dismissed."""
        params = types.ShowMessageRequestParams(
            types.MessageType.Info,
            f"modelfile-ls: {message}",
            [types.MessageActionItem(title=c) for c in choices],
        )
        picked = await self._server.window_show_message_request_async(params)
        return picked.title if picked is not None and picked.title in choices else None

    async def show(self, uri: str) -> bool:
        """Open a document in the client (`window/showDocument`), when the client can."""
        window = self._server.client_capabilities.window
        if window is None or window.show_document is None or not window.show_document.support:
            return False
        result = await self._server.window_show_document_async(
            types.ShowDocumentParams(uri, take_focus=True)
        )
        return bool(result.success)

    def inform(self, message: str) -> None:
        """Tell the user what was done."""
        self._server.window_show_message(
            types.ShowMessageParams(types.MessageType.Info, f"modelfile-ls: {message}")
        )

    def error(self, message: str) -> None:
        """Tell the user why it could not be done."""
        self._host.log(types.MessageType.Error, message)
        self._server.window_show_message(
            types.ShowMessageParams(types.MessageType.Error, f"modelfile-ls: {message}")
        )


class PromptPreviews:
    """The prompt previews the client has open, each following its Modelfile."""

    def __init__(self, server: LanguageServer, editor: Editor) -> None:
        self._server = server
        self._editor = editor
        self.followed: dict[str, str] = {}
        """Source URI -> preview URI, for every preview opened and not closed."""
        self._due: set[str] = set()
        self._content_registered = False

    def follow_document_sync(self) -> None:
        """Hear of every change and close of a document, after the server handled it."""
        protocol = self._server.protocol
        assert isinstance(protocol, ModelfileProtocol)
        sync = protocol.document_sync
        changed = sync[types.TEXT_DOCUMENT_DID_CHANGE]
        closed = sync[types.TEXT_DOCUMENT_DID_CLOSE]

        def did_change(params: types.DidChangeTextDocumentParams) -> None:
            changed(params)
            self.changed(params.text_document.uri)

        def did_close(params: types.DidCloseTextDocumentParams) -> None:
            closed(params)
            self.followed.pop(params.text_document.uri, None)

        sync[types.TEXT_DOCUMENT_DID_CHANGE] = did_change
        sync[types.TEXT_DOCUMENT_DID_CLOSE] = did_close

    def changed(self, source: str) -> None:
        """A followed Modelfile changed: send its preview once the queued edits are applied
        (a burst of didChange read in one go renders once, for its last version)."""
        if source in self.followed and source not in self._due:
            self._due.add(source)
            asyncio.get_running_loop().call_soon(self._push, source)

    def _push(self, source: str) -> None:
        self._due.discard(source)
        preview = self.render(source)
        if preview is None:
            return
        self._server.protocol.notify(PROMPT_PREVIEW_NOTIFICATION, preview)
        if self._content_registered:
            refresh = types.TextDocumentContentRefreshParams(str(preview["uri"]))
            self._server.workspace_text_document_content_refresh(refresh)

    def render(self, source: str) -> dict[str, object] | None:
        """The preview of an open Modelfile as the notification carries it; None if closed."""
        snapshot = self._editor.snapshot(source)
        if snapshot is None:
            return None
        payload: dict[str, object] = {"uri": self.followed.get(source, preview_uri(source))}
        payload.update(flows().render_preview(snapshot, self._editor.root))
        return payload

    async def open(self, fields: dict[str, Any]) -> dict[str, object]:
        """PREVIEW_PROMPT: render, follow, push once, and show the preview document."""
        source = fields.get("uri")
        if not isinstance(source, str) or not source:
            return self._failed('Preview Prompt needs the Modelfile: {"uri": "file:..."}')
        preview = self.render(source)
        if preview is None:
            return self._failed(f"{source} is not open in the editor")
        self.followed[source] = str(preview["uri"])
        await self._register_content()
        # The text goes first: a client's content provider has it before it opens the URI.
        self._server.protocol.notify(PROMPT_PREVIEW_NOTIFICATION, preview)
        if fields.get("show", True) is not False:
            preview["shown"] = await self._editor.show(str(preview["uri"]))
        return preview

    def _failed(self, message: str) -> dict[str, object]:
        self._editor.error(message)
        return {"error": message}

    async def _register_content(self) -> None:
        """Register as the scheme's `workspace/textDocumentContent` provider, once, with a
        client that supports it (pygls builds no static capability for it)."""
        workspace = self._server.client_capabilities.workspace
        content = workspace.text_document_content if workspace is not None else None
        if self._content_registered or content is None or not content.dynamic_registration:
            return
        options = types.TextDocumentContentRegistrationOptions(schemes=[PREVIEW_SCHEME])
        registration = types.Registration(
            CONTENT_REGISTRATION, types.WORKSPACE_TEXT_DOCUMENT_CONTENT, options
        )
        await self._server.client_register_capability_async(
            types.RegistrationParams([registration])
        )
        self._content_registered = True

    def content(self, params: types.TextDocumentContentParams) -> types.TextDocumentContentResult:
        """`workspace/textDocumentContent` for a preview URI."""
        source = source_of(params.uri)
        preview = self.render(source) if source is not None else None
        if preview is None:
            what = source or params.uri
            return types.TextDocumentContentResult(f"{what} is not open in the editor")
        return types.TextDocumentContentResult(str(preview["text"]))


def register_element_commands(server: LanguageServer, host: ElementHost) -> None:
    """Register the element commands and the preview's document content provider."""
    editor = Editor(server, host)
    previews = PromptPreviews(server, editor)
    previews.follow_document_sync()

    def content(params: types.TextDocumentContentParams) -> types.TextDocumentContentResult:
        """`workspace/textDocumentContent` (a function: pygls marks its handlers)."""
        return previews.content(params)

    server.feature(types.WORKSPACE_TEXT_DOCUMENT_CONTENT)(content)

    async def preview_prompt(fields: dict[str, Any]) -> dict[str, object]:
        return await previews.open(fields)

    server.command(PREVIEW_PROMPT)(_command(PREVIEW_PROMPT, host, editor, preview_prompt))
    for command in ELEMENT_COMMANDS[1:]:
        server.command(command)(_command(command, host, editor, _flow(command, editor)))


def _flow(command: str, editor: Editor) -> Run:
    async def run(fields: dict[str, Any]) -> dict[str, object]:
        result: dict[str, object] = await flows().run(command, editor, fields)
        return result

    return run


def _command(command: str, host: ElementHost, editor: Editor, run: Run) -> Callable[..., Any]:
    """A command handler: wait for the configuration (it says which registry), read the
    arguments, run."""

    # `Any`, not `object`: pygls hands the server to a first parameter whose annotation the
    # server's class is a subclass of, which `object` is.
    async def handler(*arguments: Any) -> dict[str, object]:
        await host.ready.wait()
        try:
            fields = fields_of(arguments)
        except ValueError as exc:
            editor.error(str(exc))
            return {"error": str(exc)}
        return await run(fields)

    handler.__name__ = handler.__qualname__ = command.rpartition(".")[2]
    handler.__doc__ = f"`{command}` (see `element_flows`)."
    return handler
