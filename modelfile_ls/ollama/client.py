"""A small synchronous client for Ollama's HTTP API (shared spec ollama-api.md §3): the quick
calls (`version`, `list_models`, `show`, `running`, `copy`, `delete`, `blob_exists`) answer
typed results, the long ones (`create`, `pull`, `push`, `generate`) read Ollama's NDJSON stream
line by line so that an error arriving mid-stream, a cut connection or a cancel is noticed at
once. Anything unexpected becomes an OllamaError whose message says which server and which
endpoint, never a traceback.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx

from modelfile_ls.closing import Closing
from modelfile_ls.ollama.address import DEFAULT_HOST, connect_url, parse_host, resolve_base_url
from modelfile_ls.ollama.errors import (
    Cancelled,
    OllamaError,
    OllamaHTTPError,
    OllamaProtocolError,
    OllamaStreamError,
    OllamaUnreachable,
)
from modelfile_ls.ollama.events import Cancel, Progress
from modelfile_ls.ollama.responses import (
    GenerateResult,
    LocalModel,
    ModelDetails,
    Reader,
    RunningModel,
    ShowResponse,
    generate_result,
    local_model,
    running_model,
    show_response,
)

__all__ = [
    "CONNECT_TIMEOUT",
    "DEFAULT_HOST",
    "DEFAULT_TIMEOUT",
    "STREAM_SILENCE_TIMEOUT",
    "Cancelled",
    "GenerateResult",
    "LocalModel",
    "ModelDetails",
    "OllamaClient",
    "OllamaError",
    "OllamaHTTPError",
    "OllamaProtocolError",
    "OllamaStreamError",
    "OllamaUnreachable",
    "Progress",
    "RunningModel",
    "ShowResponse",
    "connect_url",
    "parse_host",
    "resolve_base_url",
]

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a quick answer; `/api/show` on a cold model can take a while."""
CONNECT_TIMEOUT = 5.0
"""Longest wait for a connection, so that "Ollama is not running" is said within 5 s."""
STREAM_SILENCE_TIMEOUT = 120.0
"""Longest silence tolerated mid-stream (Ollama reports every layer about every 60 ms; a
create may think for a while between lines while it converts or quantizes)."""
UPLOAD_CHUNK = 1 << 20
"""Bytes read from disk per chunk of a blob upload (flat memory for multi-GB files)."""


def _unreachable_reason(exc: httpx.TransportError, connect_timeout: float) -> str:
    """Why a connection failed, in a few words (httpx's text is an errno string)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no answer within {connect_timeout:g} s"
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
        return "unknown host name"
    return text


def _verb(path: str) -> str:
    """`/api/pull` -> `pull`: how messages name the operation a stream belongs to."""
    return path.rstrip("/").rsplit("/", 1)[-1]


class OllamaClient(Closing):
    """Blocking client for one Ollama server over one pooled connection; a context manager."""

    def __init__(
        self,
        host: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        connect_timeout: float = CONNECT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = resolve_base_url(host)
        self.connect_timeout = min(connect_timeout, timeout, CONNECT_TIMEOUT)
        """Seconds allowed to connect; never more than CONNECT_TIMEOUT."""
        self.timeout = timeout
        self._streams: set[httpx.Response] = set()
        """Streamed answers being read (`interrupt` hangs them up)."""
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=self.connect_timeout),
            headers={"Accept": "application/json", "User-Agent": "modelfile-ls"},
            transport=transport,
            # OLLAMA_HOST decides where we go; a proxy from the environment would send a
            # loopback request elsewhere.
            trust_env=False,
            # A plain-http host (Ollama's default) never negotiates TLS and redirects are not
            # followed, so loading the CA bundle (~50 ms, on every client) would be wasted;
            # an https host is verified as usual.
            verify=not self.base_url.startswith("http://"),
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    @contextmanager
    def _http_errors(self, url: str) -> Iterator[None]:
        """httpx's exceptions as OllamaErrors that name the server and the endpoint."""
        try:
            yield
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            reason = _unreachable_reason(exc, self.connect_timeout)
            raise OllamaUnreachable([(self.base_url, reason)]) from exc
        except httpx.TimeoutException as exc:
            raise OllamaError(
                f"Ollama at {url} did not answer in time",
                "it may be busy loading a model; try again, or check it with `modelfile-ls hosts`",
            ) from exc
        except httpx.HTTPError as exc:
            raise OllamaError(f"request to Ollama at {url} failed: {exc}") from exc

    def _request(
        self,
        method: str,
        path: str,
        body: Mapping[str, object] | None = None,
        *,
        empty: bool = False,
    ) -> object:
        """One quick call; its JSON answer (None for the empty answers of copy and delete)."""
        url = f"{self.base_url}{path}"
        with self._http_errors(url):
            response = self._http.request(method, path, json=body)
        if response.status_code >= 400:
            raise OllamaHTTPError(self.base_url, response.status_code, _error_text(response))
        if empty:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise OllamaProtocolError(f"{url}: the answer is not JSON: {exc}") from exc

    def version(self) -> str:
        """The server's version string (`GET /api/version`)."""
        data = Reader(self._request("GET", "/api/version"), "/api/version")
        return data.text("version", required=True)

    def list_models(self) -> list[LocalModel]:
        """Locally installed models, newest first (`GET /api/tags`)."""
        data = Reader(self._request("GET", "/api/tags"), "/api/tags")
        return [
            local_model(Reader(item, f"/api/tags models[{index}]"))
            for index, item in enumerate(data.items("models"))
        ]

    def running(self) -> list[RunningModel]:
        """Models loaded in memory, latest to expire first (`GET /api/ps`)."""
        data = Reader(self._request("GET", "/api/ps"), "/api/ps")
        return [
            running_model(Reader(item, f"/api/ps models[{index}]"))
            for index, item in enumerate(data.items("models"))
        ]

    def show(self, model: str, *, verbose: bool = False) -> ShowResponse:
        """Details of one model (`POST /api/show`); 404 raises OllamaHTTPError."""
        body: dict[str, object] = {"model": model}
        if verbose:
            body["verbose"] = True
        return show_response(Reader(self._request("POST", "/api/show", body), f"/api/show {model}"))

    def copy(self, source: str, destination: str) -> None:
        """Copy a model under a new name (`POST /api/copy`)."""
        body = {"source": source, "destination": destination}
        self._request("POST", "/api/copy", body, empty=True)

    def delete(self, model: str) -> None:
        """Delete a model (`DELETE /api/delete`, whose JSON body Ollama requires)."""
        self._request("DELETE", "/api/delete", {"model": model}, empty=True)

    def blob_exists(self, digest: str) -> bool:
        """Whether the server has a blob (`HEAD /api/blobs/<digest>`: 200 yes, 404 no)."""
        url = f"{self.base_url}/api/blobs/{digest}"
        with self._http_errors(url):
            response = self._http.head(f"/api/blobs/{digest}")
        if response.status_code == 404:
            return False
        if response.status_code >= 400:
            # A HEAD answer has no body, so Ollama's text ("invalid digest format") is lost.
            raise OllamaHTTPError(self.base_url, response.status_code, response.reason_phrase)
        return True

    def upload_blob(
        self, digest: str, path: Path, cancelled: Cancel, on_bytes: Callable[[int], None]
    ) -> None:
        """Send a file as a blob (`POST /api/blobs/<digest>`), read from disk in 1 MiB chunks;
        `on_bytes` is told each chunk sent, `cancelled` is asked before each."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise OllamaError(f"cannot read {path}: {exc.strerror or exc}") from exc

        def chunks() -> Iterator[bytes]:
            with path.open("rb") as handle:
                while chunk := handle.read(UPLOAD_CHUNK):
                    if cancelled():
                        raise Cancelled(f"the upload of {path.name} was cancelled")
                    yield chunk
                    on_bytes(len(chunk))

        url = f"{self.base_url}/api/blobs/{digest}"
        timeout = httpx.Timeout(STREAM_SILENCE_TIMEOUT, connect=self.connect_timeout)
        try:
            with self._http_errors(url):
                response = self._http.post(
                    f"/api/blobs/{digest}",
                    content=chunks(),
                    headers={"Content-Length": str(size)},
                    timeout=timeout,
                )
        except OSError as exc:
            raise OllamaError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if response.status_code >= 400:
            raise OllamaHTTPError(self.base_url, response.status_code, _error_text(response))

    def stream(
        self,
        method: str,
        path: str,
        body: Mapping[str, object] | None,
        cancelled: Cancel,
        *,
        silence_timeout: float = STREAM_SILENCE_TIMEOUT,
    ) -> Iterator[dict[str, Any]]:
        """Each NDJSON object of a streamed answer; raises OllamaStreamError on an error line,
        a malformed line or a stream that ends without a final `status: success` /
        `done: true`; closes the connection on Cancel (raising Cancelled)."""
        verb = _verb(path)
        model = body.get("model") if body is not None else None
        what = f"the {verb} of {model}" if isinstance(model, str) and model else f"the {verb}"
        if cancelled():
            raise Cancelled(f"{what} was cancelled")
        url = f"{self.base_url}{path}"
        timeout = httpx.Timeout(silence_timeout, connect=self.connect_timeout)
        cut = OllamaStreamError(
            f"the connection to Ollama at {self.base_url} was cut mid-{verb}",
            "run it again (a pull continues from what Ollama already downloaded)",
        )
        headers = {"Accept": "application/x-ndjson"}
        try:
            with (
                self._http_errors(url),
                self._http.stream(
                    method, path, json=body, timeout=timeout, headers=headers
                ) as response,
                self._in_flight(response),
            ):
                if response.status_code >= 400:
                    response.read()
                    raise OllamaHTTPError(
                        self.base_url, response.status_code, _error_text(response)
                    )
                number = 0
                finished = False
                for line in response.iter_lines():
                    number += 1
                    if not line.strip():
                        continue
                    data = _stream_line(line, url, number)
                    yield data
                    # The answer ends with the stream, and it succeeded when its last line said
                    # so: a create that pulls its base first streams the pull's own `success`
                    # mid-way (server/images.go PullModel), then its layers.
                    finished = data.get("status") == "success" or data.get("done") is True
                    if cancelled():
                        raise Cancelled(f"{what} was cancelled")
                if finished:
                    return
        except OllamaError as exc:
            # A connection dropped mid-body surfaces from httpx as a protocol or read error.
            if isinstance(exc.__cause__, httpx.RemoteProtocolError | httpx.ReadError):
                if cancelled():  # `interrupt` hung up on a cancel
                    raise Cancelled(f"{what} was cancelled") from exc.__cause__
                raise cut from exc.__cause__
            raise
        raise cut

    @contextmanager
    def _in_flight(self, response: httpx.Response) -> Iterator[None]:
        """Keep `response` where `interrupt` finds it while it streams."""
        self._streams.add(response)
        try:
            yield
        finally:
            self._streams.discard(response)

    def interrupt(self) -> None:
        """Hang up every stream in flight, from any thread (a cancel): the read blocked on
        it fails at once and Ollama sees the client gone. A shutdown, because closing the
        socket would wake neither the read nor Ollama before that read returns."""
        for response in list(self._streams):
            stream = response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                with suppress(OSError):  # already closed by the other side
                    sock.shutdown(socket.SHUT_RDWR)

    def _progress(
        self, path: str, body: Mapping[str, object], cancelled: Cancel
    ) -> Iterator[Progress]:
        url = f"{self.base_url}{path}"
        for number, data in enumerate(self.stream("POST", path, body, cancelled), 1):
            line = Reader(data, f"{url} line {number}")
            yield Progress(
                status=line.text("status", required=True),
                digest=line.text("digest"),
                total=line.integer("total"),
                completed=line.integer("completed"),
            )

    def create(self, body: Mapping[str, object], cancelled: Cancel) -> Iterator[Progress]:
        """Create a model from a structured request (`POST /api/create`), streamed."""
        return self._progress("/api/create", body, cancelled)

    def pull(self, model: str, cancelled: Cancel, *, insecure: bool = False) -> Iterator[Progress]:
        """Download a model (`POST /api/pull`), streamed. Closing the connection (a cancel)
        stops Ollama's download; it keeps the layers it has for the next pull."""
        body: dict[str, object] = {"model": model}
        if insecure:
            body["insecure"] = True
        return self._progress("/api/pull", body, cancelled)

    def push(self, model: str, cancelled: Cancel, *, insecure: bool = False) -> Iterator[Progress]:
        """Upload a model to its registry (`POST /api/push`), streamed."""
        body: dict[str, object] = {"model": model}
        if insecure:
            body["insecure"] = True
        return self._progress("/api/push", body, cancelled)

    def generate(
        self,
        model: str,
        prompt: str,
        *,
        options: Mapping[str, object] | None = None,
        cancelled: Cancel,
    ) -> GenerateResult:
        """Run a prompt (`POST /api/generate`) and return the text with Ollama's timings. It
        streams, so that a cancel is noticed at every token, and joins the fragments: the
        result is what `stream: false` would answer."""
        body: dict[str, object] = {"model": model, "prompt": prompt}
        if options:
            body["options"] = dict(options)
        url = f"{self.base_url}/api/generate"
        lines = [
            Reader(data, f"{url} line {number}")
            for number, data in enumerate(self.stream("POST", "/api/generate", body, cancelled), 1)
        ]
        return generate_result(lines[-1], "".join(line.text("response") for line in lines))


def _stream_line(line: str, url: str, number: int) -> dict[str, Any]:
    """One NDJSON line; every line may be Ollama's `{"error": ...}` (spec §2.1)."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise OllamaStreamError(
            f"{url}: line {number} of the stream is not JSON: {line[:80]!r}",
            "is this address an Ollama server? `modelfile-ls hosts` checks it",
        ) from exc
    reader = Reader(data, f"{url} line {number}")
    error = reader.text("error")
    if error:
        raise OllamaStreamError(error)
    return reader.data


def _error_text(response: httpx.Response) -> str:
    """Ollama's `{"error": ...}` text, or the plain body (404/405 from the router are text)."""
    try:
        data = response.json()
    except ValueError:
        return response.text.strip() or response.reason_phrase
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return str(data["error"])
    return response.text.strip()
