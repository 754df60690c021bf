"""What every route of the fake Ollama shares: the installed-model record (FakeModel), Ollama's
name display rules, and `Exchange`, one request with the answers Ollama gives (JSON, text,
empty, chunked NDJSON with the fake's stream faults applied).

Route handlers are `Callable[[Exchange], None]` (see `ROUTES` in tests/fake_ollama.py); they
live here and in tests/fake_ollama*.py and reach the server's state through `exchange.owner`.
"""

from __future__ import annotations

import hashlib
import json
import select
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fake_ollama import FakeOllama

BLOB_DIR = "/root/.ollama/models/blobs"
BUFFERED_BODY = 1 << 20
"""Request bodies up to this size are read (and recorded) before the handler runs; larger ones
(blob uploads) stay on the socket for `Exchange.chunks`."""
HOLD_LIMIT = 30.0
"""Seconds a held request or stream waits at most, so a broken test fails instead of hanging."""


def closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def refused_url() -> str:
    """The base URL of an Ollama that is not running."""
    return f"http://127.0.0.1:{closed_port()}"


def go_value(value: object) -> str:
    """A parameter value as Go's `%v` prints it (how `ollama show` writes PARAMETER lines)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def go_quote(text: str) -> str:
    """parser.quote: quoted only with a newline or an edge space; triple quotes when `"`."""
    if "\n" in text or text.startswith(" ") or text.endswith(" "):
        return f'"""{text}"""' if '"' in text else f'"{text}"'
    return text


def display_name(reference: str) -> str:
    """Ollama's shortest display form with the tag: `llama3.2` -> `llama3.2:latest`."""
    name = reference.strip()
    for prefix in ("registry.ollama.ai/library/", "library/", "registry.ollama.ai/"):
        if name.lower().startswith(prefix):
            name = name[len(prefix) :]
    if name.rfind(":") <= name.rfind("/"):
        name += ":latest"
    return name


def valid_name(name: str) -> bool:
    """The fake's idea of `model.ParseName(...).IsValid()`: enough for the error paths."""
    stripped = name.strip()
    return bool(stripped) and not any(c in stripped for c in " \t\n\"'") and stripped[0] != ":"


def manifest_path(name: str) -> str:
    """Where Ollama keeps a model's manifest (the path its push error names)."""
    shown = display_name(name)
    base, _, tag = shown.rpartition(":")
    parts = base.split("/")
    if len(parts) == 1:
        parts = ["library", *parts]
    if len(parts) == 2:
        parts = ["registry.ollama.ai", *parts]
    return "/root/.ollama/models/manifests/" + "/".join([*parts, tag])


@dataclass
class FakeModel:
    """One installed model; the defaults look like `ollama pull llama3.2` on a CPU box."""

    name: str
    size: int = 2019393189
    digest: str = ""
    modified_at: str = "2026-11-01T10:00:00.123456789Z"
    format: str = "gguf"
    family: str = "llama"
    families: list[str] = field(default_factory=lambda: ["llama"])
    parameter_size: str = "3.2B"
    quantization_level: str = "Q4_K_M"
    context_length: int | None = 131072
    capabilities: list[str] = field(default_factory=lambda: ["completion", "tools"])
    parameters: list[tuple[str, str | int | float | bool]] = field(default_factory=list)
    template: str = "{{ .Prompt }}"
    system: str = ""
    license: str = ""
    messages: list[dict[str, str]] = field(default_factory=list)
    model_info: dict[str, Any] = field(default_factory=dict)
    hidden_from_show: bool = False
    """Listed by /api/tags but 404 on /api/show: a model deleted between the two calls."""

    def __post_init__(self) -> None:
        if ":" not in self.name.rsplit("/", 1)[-1]:
            self.name += ":latest"
        if not self.digest:
            self.digest = hashlib.sha256(self.name.encode()).hexdigest()

    def layers(self) -> list[tuple[str, int]]:
        """(digest, size) of the blobs a pull downloads: the weights, then the template."""
        template = hashlib.sha256(self.template.encode()).hexdigest()
        return [(f"sha256:{self.digest}", self.size), (f"sha256:{template}", len(self.template))]

    def details(self) -> dict[str, Any]:
        """The `details` object."""
        details: dict[str, Any] = {
            "parent_model": "",
            "format": self.format,
            "family": self.family,
            "families": self.families,
            "parameter_size": self.parameter_size,
            "quantization_level": self.quantization_level,
        }
        if self.context_length is not None:
            details["context_length"] = self.context_length
        return details

    def tags_entry(self) -> dict[str, Any]:
        """The model's entry in `GET /api/tags`."""
        return {
            "name": self.name,
            "model": self.name,
            "modified_at": self.modified_at,
            "size": self.size,
            "digest": self.digest,
            "details": self.details(),
            "capabilities": self.capabilities,
        }

    def parameters_text(self) -> str:
        """`/api/show` `parameters`: name padded to 30 columns, value in Go syntax."""
        lines = []
        for name, value in self.parameters:
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value
            lines.append(f"{name:<30} {go_value(shown)}")
        return "\n".join(lines)

    def modelfile(self) -> str:
        """`/api/show` `modelfile`, written as server/images.go Model.String writes it."""
        lines = [
            '# Modelfile generated by "ollama show"',
            "# To build a new Modelfile based on this, replace FROM with:",
            f"# FROM {self.name}",
            "",
            f"FROM {BLOB_DIR}/sha256-{self.digest}",
            f"TEMPLATE {go_quote(self.template)}",
        ]
        if self.system:
            lines.append(f"SYSTEM {go_quote(self.system)}")
        lines += [f"PARAMETER {n} {go_quote(go_value(v))}" for n, v in self.parameters]
        if self.license:
            lines.append(f"LICENSE {go_quote(self.license)}")
        lines += [f"MESSAGE {m['role']} {go_quote(m['content'])}" for m in self.messages]
        return "\n".join(lines) + "\n"

    def show_response(self) -> dict[str, Any]:
        """The answer of `POST /api/show` (empty optional fields omitted, as Ollama does)."""
        body: dict[str, Any] = {
            "modelfile": self.modelfile(),
            "template": self.template,
            "details": self.details(),
            "model_info": self.model_info,
            "capabilities": self.capabilities,
            "modified_at": self.modified_at,
        }
        optional = {
            "license": self.license,
            "parameters": self.parameters_text(),
            "system": self.system,
            "messages": self.messages,
        }
        body.update({k: v for k, v in optional.items() if v})
        return body


class Exchange:
    """One request to the fake and the ways Ollama answers it."""

    def __init__(self, handler: BaseHTTPRequestHandler, owner: FakeOllama, method: str) -> None:
        self.handler = handler
        self.owner = owner
        self.method = method
        self.path = handler.path.split("?", 1)[0]
        self.content_length = int(handler.headers.get("Content-Length") or 0)
        self._body: bytes | None = None
        if self.content_length <= BUFFERED_BODY:
            self._body = handler.rfile.read(self.content_length) if self.content_length else b""

    def body(self) -> bytes:
        """The whole request body (read now when it was too large to buffer)."""
        if self._body is None:
            self._body = b"".join(self.chunks())
        return self._body

    def chunks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """The request body a chunk at a time, without holding it all (blob uploads)."""
        if self._body is not None:
            yield self._body
            return
        left = self.content_length
        while left > 0:
            chunk = self.handler.rfile.read(min(size, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk

    def recorded_body(self) -> str:
        """What `FakeOllama.requests` keeps of the body."""
        if self._body is None:
            return f"<{self.content_length} bytes>"
        return self._body.decode("utf-8", "replace")

    def json_request(self, missing: str) -> tuple[dict[str, Any], str] | None:
        """The JSON body and its `model` (or deprecated `name`); None once an error is sent
        (`missing` is the handler's message for an empty name)."""
        raw = self.body()
        if not raw:
            self.send(400, {"error": "missing request body"})
            return None
        try:
            request = json.loads(raw)
        except ValueError as exc:
            self.send(400, {"error": str(exc)})
            return None
        if not isinstance(request, dict):
            self.send(400, {"error": "json: cannot unmarshal array into Go value"})
            return None
        name = request.get("model") or request.get("name") or ""
        if not name and missing:
            self.send(400, {"error": missing})
            return None
        return request, str(name)

    def _headers(self, status: int, content_type: str, length: int | None) -> None:
        self.handler.send_response(status)
        if content_type:
            self.handler.send_header("Content-Type", content_type)
        if length is None:
            self.handler.send_header("Transfer-Encoding", "chunked")
        else:
            self.handler.send_header("Content-Length", str(length))
        self.handler.end_headers()

    def _payload(self, status: int, payload: bytes, content_type: str) -> None:
        self._headers(status, content_type, len(payload))
        if self.method != "HEAD":
            self.handler.wfile.write(payload)

    def send(self, status: int, body: Any) -> None:
        """A JSON answer (`{"error": ...}` for errors, as gin's AbortWithStatusJSON)."""
        self._payload(status, json.dumps(body).encode(), "application/json; charset=utf-8")

    def send_text(self, status: int, text: str) -> None:
        """A plain-text answer (the router's 404/405, `Ollama is running`)."""
        self._payload(status, text.encode(), "text/plain; charset=utf-8")

    def send_empty(self, status: int) -> None:
        """An answer without a body (copy, delete, a blob upload)."""
        self._payload(status, b"", "")

    def client_gone(self) -> bool:
        """Whether the client closed the connection (readable with nothing to read)."""
        connection = self.handler.connection
        readable, _, _ = select.select([connection], [], [], 0)
        if not readable:
            return False
        try:
            return connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _hold(self) -> bool:
        """Wait for `release_stream`; False (and `stream_closed` set) if the client hangs up."""
        owner = self.owner
        owner.stream_held.set()
        for _ in range(int(HOLD_LIMIT / 0.01)):
            if owner.release_stream.wait(0.01):
                return True
            if self.client_gone():
                owner.stream_closed.set()
                return False
        return True

    def _chunk(self, data: bytes) -> bool:
        try:
            self.handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.handler.wfile.flush()
        except OSError:
            self.owner.stream_closed.set()
            return False
        return True

    def stream(self, lines: Iterable[dict[str, Any]]) -> bool:
        """NDJSON, one chunk a line, as Go's streaming handlers write it, with the owner's
        stream faults applied; True when every line went out and the stream ended normally.
        `lines` may be a generator: its code after a `yield` runs only once that line was
        sent, so a handler can record progress (a cut pull keeps what it had)."""
        owner = self.owner
        self._headers(200, "application/x-ndjson", None)
        for count, line in enumerate(lines):
            if count == owner.hold_stream_after and not self._hold():
                return False
            if count == owner.cut_stream_after:
                # A dropped connection: no terminating chunk, the socket just closes.
                self.handler.close_connection = True
                return False
            if count == owner.error_line_after:
                self._chunk(json.dumps({"error": owner.error_line}).encode() + b"\n")
                break
            if count == owner.malformed_line_after:
                self._chunk(b'{"status": "pulling 6a07\n')
            if not self._chunk(json.dumps(line).encode() + b"\n"):
                return False
        else:
            self.handler.wfile.write(b"0\r\n\r\n")
            return True
        self.handler.wfile.write(b"0\r\n\r\n")
        return False

    def answer(self, request: dict[str, Any], lines: Iterable[dict[str, Any]]) -> bool:
        """A streamed answer, or with `"stream": false` only the last object (status 500 when
        it is an error), as server/routes.go's streamResponse/waitForStream."""
        if request.get("stream") is not False:
            return self.stream(lines)
        every = list(lines)
        last = every[-1]
        self.send(500 if "error" in last else 200, last)
        return "error" not in last
