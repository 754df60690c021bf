"""Diagnostics are converted once per finding and reused while the finding reads the same at
the same position; what is sent is exactly what a fresh conversion sends."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from lsprotocol.converters import get_converter

from modelfile_ls.analysis.engine import analyze
from modelfile_ls.lsp.convert import diagnostic
from modelfile_ls.lsp.documents import Document
from modelfile_ls.lsp.server import ModelfileServer, create_server, did_change, did_open
from modelfile_ls.syntax.positions import PositionEncoding

URI = "untitled:Modelfile"
CONVERTER = get_converter()
"""Made once: lsprotocol builds a new converter, with all its hooks, on every call."""
TEXT = "FROM llama3.2\nPARAMETER temperature 0.1\n" + "".join(
    f"PARAMETER temperature 0.{n}\nMESSAGE user q{n}\nMESSAGE asistant a{n}\n" for n in range(30)
)


class Capture:
    """A transport that keeps every message the server writes."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def write(self, data: bytes | str) -> None:
        text = data.decode() if isinstance(data, bytes) else data
        self.messages.append(json.loads(text[text.index("{") :]))

    def close(self) -> None:
        pass


def server_with(capabilities: types.ClientCapabilities) -> tuple[ModelfileServer, Capture]:
    server = create_server()
    capture = Capture()
    server.protocol.set_writer(capture)
    server.protocol.client_capabilities = capabilities
    server.diagnostics.configure(capabilities)
    server.ready.set()
    return server, capture


def published(capture: Capture) -> list[Any]:
    params = capture.messages[-1]["params"]
    assert capture.messages[-1]["method"] == "textDocument/publishDiagnostics"
    diagnostics: list[Any] = params["diagnostics"]
    return diagnostics


VS_CODE_LIKE = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
            related_information=True,
            tag_support=types.ClientDiagnosticsTagOptions([types.DiagnosticTag.Unnecessary]),
            code_description_support=True,
        )
    )
)


def edit(line: int, character: int, text: str, version: int) -> types.DidChangeTextDocumentParams:
    position = types.Position(line, character)
    return types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=URI),
        [types.TextDocumentContentChangePartial(types.Range(position, position), text)],
    )


def test_after_edits_the_json_sent_is_that_of_a_fresh_conversion() -> None:
    server, capture = server_with(VS_CODE_LIKE)
    did_open(server, types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "m", 1, TEXT)))
    for version, (line, character, text) in enumerate(
        [(1, 25, "5"), (4, 0, "PARAMETER top_k 3\n"), (40, 3, "x"), (1, 25, "\n")], start=2
    ):
        did_change(server, edit(line, character, text, version))
        document = server.documents.get(URI)
        assert document is not None
        fresh = Document(URI, document.text, version)
        support = server.diagnostics.support
        expected = [
            CONVERTER.unstructure(diagnostic(f, URI, fresh.lines, "utf-16", support))
            for f in analyze(fresh.parsed)
        ]
        assert len(expected) > 30
        assert published(capture) == expected


def test_findings_the_edit_did_not_touch_keep_their_converted_diagnostic() -> None:
    server, _ = server_with(VS_CODE_LIKE)
    did_open(server, types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "m", 1, TEXT)))
    document = server.documents.get(URI)
    assert document is not None
    before = server.diagnostics.items(document)
    did_change(server, edit(1, 25, "5", 2))
    changed = server.documents.get(URI)
    assert changed is not None
    after = server.diagnostics.items(changed)
    reused = [a for a in after if any(a is b for b in before)]
    # Only the edited line's findings are converted again.
    assert len(reused) >= len(after) - 2
    assert len(after) == len(before)


SMALL = (
    "FROM llama3.2\nPARAMETER temperature 0.1\nPARAMETER top_k 4 # four\r\n"
    "MESSAGE user q1 😀 hello\u200bworld\r\nPARAMETER temperature 0.2\r#\n"
    "MESSAGE asistant a\rPARAMETER top_k 5 # five\nPARAMETER temperature 0.3\n"
)
"""Findings that an edit before them on their line leaves as they read (a comment after a
value, an invisible rune in a message), CRLF, a lone CR and a `#` line between CR and LF."""
ENCODINGS: list[PositionEncoding] = ["utf-16", "utf-8"]
PIECES = ["", "7", "x", " ", "\n", "\r\n", "\r", "😀", "é", "PARAMETER top_k 3\n", "# c", '"']


@st.composite
def did_changes(draw: st.DrawFn) -> list[list[tuple[int, int, int, int, str]]]:
    """Up to four didChange notifications of one to three ranged changes each."""
    return [
        [
            (
                draw(st.integers(0, len(SMALL.splitlines()))),
                draw(st.integers(0, 26)),
                draw(st.integers(0, 2)),
                draw(st.integers(0, 6)),
                "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3))),
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        for _ in range(draw(st.integers(1, 4)))
    ]


@settings(max_examples=300, deadline=None)
@given(did_changes(), st.sampled_from(ENCODINGS))
# Typing before the MF008 finding on its line moves its column; deleting the `#` between CR
# and LF joins them into one line break; two changes in one notification, far apart.
@example([[(3, 14, 0, 0, "x")]], "utf-16")
@example([[(3, 5, 0, 2, "")]], "utf-8")
@example([[(5, 0, 0, 1, "")]], "utf-16")
@example([[(1, 25, 0, 0, "5"), (7, 16, 0, 1, "9")], [(3, 14, 0, 0, "😀")]], "utf-16")
def test_reused_diagnostics_are_those_of_a_fresh_conversion(
    notifications: list[list[tuple[int, int, int, int, str]]], encoding: PositionEncoding
) -> None:
    """Whatever the edits (several per notification, line breaks, CRLF pairs split or
    joined, wide characters before a finding), what is sent equals a fresh conversion."""
    server, capture = server_with(VS_CODE_LIKE)
    server.encoding = encoding
    did_open(server, types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "m", 1, SMALL)))
    for version, changes in enumerate(notifications, start=2):
        ranged = [
            types.TextDocumentContentChangePartial(
                types.Range(
                    types.Position(line, character),
                    types.Position(line + lines, character + length),
                ),
                inserted,
            )
            for line, character, lines, length, inserted in changes
        ]
        did_change(
            server,
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=URI), ranged
            ),
        )
        document = server.documents.get(URI)
        assert document is not None
        fresh = Document(URI, document.text, version)
        support = server.diagnostics.support
        expected = [
            CONVERTER.unstructure(diagnostic(f, URI, fresh.lines, server.encoding, support))
            for f in analyze(fresh.parsed)
        ]
        assert published(capture) == expected


class Framed:
    """A transport that keeps every message's header and body bytes apart."""

    def __init__(self) -> None:
        self.messages: list[tuple[bytes, bytes]] = []

    def write(self, data: bytes) -> None:
        header, _, body = data.partition(b"\r\n\r\n")
        self.messages.append((header, body))

    def close(self) -> None:
        pass


def test_a_published_notification_is_framed_as_pygls_frames_one() -> None:
    """The notification written from the diagnostics' stored JSON text counts its bytes in
    Content-Length, also for messages that quote non-ASCII text, and reads as the method,
    version and params of a publishDiagnostics."""
    server, _ = server_with(VS_CODE_LIKE)
    transport = Framed()
    server.protocol.set_writer(transport)
    text = "FROM llama3.2\nPARAMETER températur 1\nMESSAGE usér😀 hi\nPARAMETER top_k 1\n"
    did_open(server, types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "m", 7, text)))
    header, body = transport.messages[-1]
    assert f"Content-Length: {len(body)}\r\n".encode() in header
    message = json.loads(body)
    assert (message["jsonrpc"], message["method"]) == ("2.0", "textDocument/publishDiagnostics")
    assert (message["params"]["uri"], message["params"]["version"]) == (URI, 7)
    document = server.documents.get(URI)
    assert document is not None
    support = server.diagnostics.support
    expected = [
        CONVERTER.unstructure(diagnostic(f, URI, document.lines, "utf-16", support))
        for f in analyze(document.parsed)
    ]
    assert sum("é" in item["message"] for item in expected) == 2
    assert message["params"]["diagnostics"] == expected
