"""A small synchronous client for Ollama's HTTP API (`/api/version`, `/api/tags`, `/api/show`,
and the streamed `/api/pull`).

The base URL follows Ollama's own rules for `OLLAMA_HOST` (see shared spec ollama-api.md §1),
so `localhost:11500`, `0.0.0.0` or `https://example.com/ollama` mean what they mean to `ollama`.
Responses are turned into frozen dataclasses; anything unexpected becomes an `OllamaError`
whose message says which server and which endpoint, never a traceback.
"""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for an answer; `/api/show` on a cold model can take a while."""
CONNECT_TIMEOUT = 5.0
PULL_SILENCE_TIMEOUT = 120.0
"""Longest silence tolerated mid-pull (Ollama reports every layer about every 60 ms)."""


class OllamaError(Exception):
    """Any failure talking to Ollama; the message is meant for the user as is."""


class OllamaUnreachable(OllamaError):
    """Nothing answers at the base URL (Ollama not running, wrong host or port)."""


class OllamaHTTPError(OllamaError):
    """Ollama answered with an error status; `message` is its `error` text."""

    def __init__(self, url: str, status: int, message: str) -> None:
        super().__init__(f"Ollama at {url} answered {status}: {message}")
        self.url = url
        self.status = status
        self.message = message


class PullCancelled(OllamaError):
    """The caller cancelled a pull; the connection was closed, so Ollama stops downloading."""


class OllamaProtocolError(OllamaError):
    """Ollama answered with something that is not the documented JSON shape."""


def _trim_quotes(value: str) -> str:
    # envconfig.Var: trim spaces, then quotes, then spaces again (a quoted env value is common
    # in service files).
    return value.strip().strip("\"'").strip()


def _split_host_port(hostport: str) -> tuple[str, str] | None:
    """Go's net.SplitHostPort: None when there is no port or the text is ambiguous."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0 or not hostport[end + 1 :].startswith(":"):
            return None
        return hostport[1:end], hostport[end + 2 :]
    if hostport.count(":") != 1:
        return None
    host, _, port = hostport.partition(":")
    return host, port


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _join_host_port(host: str, port: str) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def parse_host(value: str | None) -> str:
    """The base URL Ollama's Go client derives from an `OLLAMA_HOST`-style value."""
    text = _trim_quotes(value or "")
    default_port = "11434"
    scheme, sep, hostport = text.partition("://")
    if not sep:
        scheme, hostport = "http", text
        if text == "ollama.com":
            scheme, hostport = "https", "ollama.com:443"
    elif scheme == "http":
        default_port = "80"
    elif scheme == "https":
        default_port = "443"
    hostport, _, path = hostport.partition("/")
    split = _split_host_port(hostport)
    if split is None:
        host, port = "127.0.0.1", default_port
        bare = hostport.strip("[]")
        if _is_ip(bare):
            host = str(ipaddress.ip_address(bare))
        elif hostport:
            host = hostport
    else:
        host, port = split
    if not (port.isdigit() and 0 <= int(port) <= 65535):
        port = default_port
    url = f"{scheme}://{_join_host_port(host, port)}"
    return f"{url}/{path}" if path else url


def connect_url(base_url: str) -> str:
    """Replace an unspecified listen address (`0.0.0.0`, `::`, empty) by loopback for dialling."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if host in ("", "0.0.0.0"):
        replacement = "127.0.0.1"
    elif host == "::":
        replacement = "[::1]"
    else:
        return base_url.rstrip("/")
    netloc = replacement if parts.port is None else f"{replacement}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)).rstrip("/")


def resolve_base_url(host: str | None = None) -> str:
    """The URL to dial: an explicit `--host`, else `OLLAMA_HOST`, else the default."""
    value = host if host is not None else os.environ.get("OLLAMA_HOST", "")
    return connect_url(parse_host(value))


@dataclass(frozen=True, slots=True)
class ModelDetails:
    """The `details` object of `/api/tags` and `/api/show`."""

    parent_model: str = ""
    format: str = ""
    family: str = ""
    families: tuple[str, ...] = ()
    parameter_size: str = ""
    quantization_level: str = ""
    context_length: int | None = None
    embedding_length: int | None = None


@dataclass(frozen=True, slots=True)
class LocalModel:
    """One entry of `GET /api/tags`: a model installed on the server."""

    name: str
    model: str
    modified_at: str
    size: int
    digest: str
    details: ModelDetails
    capabilities: tuple[str, ...] = ()
    remote_model: str = ""
    remote_host: str = ""


@dataclass(frozen=True, slots=True)
class ShowResponse:
    """The answer of `POST /api/show` (optional fields are empty when Ollama omits them)."""

    details: ModelDetails
    modified_at: str
    license: str = ""
    modelfile: str = ""
    parameters: str = ""
    template: str = ""
    system: str = ""
    messages: tuple[tuple[str, str], ...] = ()
    model_info: dict[str, Any] = field(default_factory=dict)
    capabilities: tuple[str, ...] = ()
    requires: str = ""
    remote_model: str = ""
    remote_host: str = ""


@dataclass(frozen=True, slots=True)
class PullProgress:
    """One progress line of a pull: `pulling manifest`, `pulling <digest>` with sizes, ..."""

    status: str
    digest: str = ""
    total: int | None = None
    completed: int | None = None

    @property
    def percent(self) -> int | None:
        """How much of this layer is downloaded, when the line carries sizes."""
        if self.total is None or self.total <= 0:
            return None
        return min(100, (self.completed or 0) * 100 // self.total)


class _Reader:
    """Typed access to one JSON object; a wrong type names the endpoint and the key."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise OllamaProtocolError(f"{where}: expected a JSON object, got {_kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def _bad(self, key: str, expected: str) -> OllamaProtocolError:
        got = _kind(self.data.get(key))
        return OllamaProtocolError(f"{self.where}: '{key}' should be {expected}, got {got}")

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def integer(self, key: str, *, required: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(key, "an integer")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of strings")
        return tuple(value)

    def obj(self, key: str) -> _Reader:
        value = self.data.get(key)
        return _Reader({} if value is None else value, f"{self.where}.{key}")

    def items(self, key: str) -> list[object]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._bad(key, "a list")
        return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )


def _details(reader: _Reader) -> ModelDetails:
    return ModelDetails(
        parent_model=reader.text("parent_model"),
        format=reader.text("format"),
        family=reader.text("family"),
        families=reader.strings("families"),
        parameter_size=reader.text("parameter_size"),
        quantization_level=reader.text("quantization_level"),
        context_length=reader.integer("context_length"),
        embedding_length=reader.integer("embedding_length"),
    )


class OllamaClient:
    """Blocking client for one Ollama server; use as a context manager to close the pool."""

    def __init__(
        self,
        host: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = resolve_base_url(host)
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)),
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

    def __enter__(self) -> OllamaClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    @contextmanager
    def _http_errors(self, url: str) -> Iterator[None]:
        """httpx's exceptions as OllamaErrors that name the server and the endpoint."""
        try:
            yield
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            reason = str(exc) or type(exc).__name__
            raise OllamaUnreachable(f"cannot reach Ollama at {self.base_url}: {reason}") from exc
        except httpx.TimeoutException as exc:
            raise OllamaError(f"Ollama at {url} did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise OllamaError(f"request to Ollama at {url} failed: {exc}") from exc

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> object:
        url = f"{self.base_url}{path}"
        with self._http_errors(url):
            response = self._http.request(method, path, json=body)
        if response.status_code >= 400:
            raise OllamaHTTPError(self.base_url, response.status_code, _error_text(response))
        try:
            return response.json()
        except ValueError as exc:
            raise OllamaProtocolError(f"{url}: the answer is not JSON: {exc}") from exc

    def version(self) -> str:
        """The server's version string (`GET /api/version`)."""
        data = _Reader(self._request("GET", "/api/version"), "/api/version")
        return data.text("version", required=True)

    def list_models(self) -> list[LocalModel]:
        """Locally installed models, newest first (`GET /api/tags`)."""
        data = _Reader(self._request("GET", "/api/tags"), "/api/tags")
        models: list[LocalModel] = []
        for index, item in enumerate(data.items("models")):
            entry = _Reader(item, f"/api/tags models[{index}]")
            name = entry.text("name") or entry.text("model", required=True)
            models.append(
                LocalModel(
                    name=name,
                    model=entry.text("model") or name,
                    modified_at=entry.text("modified_at"),
                    size=entry.integer("size") or 0,
                    digest=entry.text("digest"),
                    details=_details(entry.obj("details")),
                    capabilities=entry.strings("capabilities"),
                    remote_model=entry.text("remote_model"),
                    remote_host=entry.text("remote_host"),
                )
            )
        return models

    def pull(
        self,
        model: str,
        progress: Callable[[PullProgress], None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        """Download a model (`POST /api/pull`, streamed), calling `progress` for every line;
        returns on `success` and raises OllamaError on an error line, an error status, or a
        stream that ends without either (the connection was cut). `cancelled` is asked after
        every line; when it says so, the connection is closed (Ollama then stops the
        download and keeps what it has for the next pull) and PullCancelled is raised."""
        url = f"{self.base_url}/api/pull"
        timeout = httpx.Timeout(PULL_SILENCE_TIMEOUT, connect=CONNECT_TIMEOUT)
        with (
            self._http_errors(url),
            self._http.stream(
                "POST", "/api/pull", json={"model": model}, timeout=timeout
            ) as response,
        ):
            if response.status_code >= 400:
                response.read()
                raise OllamaHTTPError(self.base_url, response.status_code, _error_text(response))
            for line in response.iter_lines():
                if not line.strip():
                    continue
                update = _pull_line(line, url)
                progress(update)
                if update.status == "success":
                    return
                if cancelled():
                    raise PullCancelled(f"the pull of {model} was cancelled")
        raise OllamaError(f"the connection to Ollama at {self.base_url} was cut mid-pull")

    def show(self, model: str, *, verbose: bool = False) -> ShowResponse:
        """Details of one model (`POST /api/show`); 404 raises OllamaHTTPError."""
        body: dict[str, Any] = {"model": model}
        if verbose:
            body["verbose"] = True
        where = f"/api/show {model}"
        data = _Reader(self._request("POST", "/api/show", body), where)
        messages = []
        for index, item in enumerate(data.items("messages")):
            message = _Reader(item, f"{where} messages[{index}]")
            messages.append((message.text("role"), message.text("content")))
        model_info = data.data.get("model_info") or {}
        if not isinstance(model_info, dict):
            raise OllamaProtocolError(f"{where}: 'model_info' should be an object")
        return ShowResponse(
            details=_details(data.obj("details")),
            modified_at=data.text("modified_at"),
            license=data.text("license"),
            modelfile=data.text("modelfile"),
            parameters=data.text("parameters"),
            template=data.text("template"),
            system=data.text("system"),
            messages=tuple(messages),
            model_info=model_info,
            capabilities=data.strings("capabilities"),
            requires=data.text("requires"),
            remote_model=data.text("remote_model"),
            remote_host=data.text("remote_host"),
        )


def _pull_line(line: str, url: str) -> PullProgress:
    """One NDJSON line of a pull; every line may be Ollama's `{"error": ...}` (spec §2.1)."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise OllamaProtocolError(f"{url}: a progress line is not JSON: {line[:80]}") from exc
    reader = _Reader(data, url)
    error = reader.text("error")
    if error:
        raise OllamaError(error)
    return PullProgress(
        status=reader.text("status", required=True),
        digest=reader.text("digest"),
        total=reader.integer("total"),
        completed=reader.integer("completed"),
    )


def _error_text(response: httpx.Response) -> str:
    """Ollama's `{"error": ...}` text, or the plain body (404/405 from the router are text)."""
    try:
        data = response.json()
    except ValueError:
        return response.text.strip() or response.reason_phrase
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return str(data["error"])
    return response.text.strip()
