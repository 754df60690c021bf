"""The registry's read-only HTTP API (stdlib `http.server`), documented in `openapi.json`.

Every answer is JSON: `{"success": true, "data": ..., "total"?: n}` or
`{"success": false, "error": "..."}`. Each request opens its own connection: SQLite
connections are not shared across the server's threads, and opening one costs well under a
millisecond. When bound to loopback, requests whose Host header names another machine are
refused, so a web page cannot read the registry through DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.schema import CAPABILITIES
from modelfile_ls.registry.store import Registry, open_registry

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
CAPABILITY_NAMES = tuple(name for name, _ in CAPABILITIES)
PARAMETER_STATUSES = ("current", "deprecated", "removed")


class ApiError(Exception):
    """An error answer: HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


Reply = tuple[dict[str, Any], int]


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description shipped next to this module."""
    text = (Path(__file__).parent / "openapi.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def is_loopback(host: str) -> bool:
    """True for `localhost`, 127.0.0.0/8 and ::1."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Query:
    """Validated access to a query string; unknown or repeated parameters are 400s."""

    def __init__(self, raw: str, allowed: frozenset[str], repeatable: frozenset[str]) -> None:
        self.values = parse_qs(raw, keep_blank_values=True)
        for key, values in self.values.items():
            if key not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                raise ApiError(400, f"unknown query parameter {key!r} (allowed: {known})")
            if len(values) > 1 and key not in repeatable:
                raise ApiError(400, f"query parameter {key!r} given more than once")

    def text(self, key: str) -> str | None:
        """The parameter's value; None when absent or empty."""
        values = self.values.get(key)
        return values[0] if values and values[0] != "" else None

    def texts(self, key: str) -> list[str]:
        """Every non-empty value of a repeatable parameter."""
        return [v for v in self.values.get(key, []) if v != ""]

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        """A whole number in [low, high], or the default when absent."""
        text = self.text(key)
        if text is None:
            return default
        if not text.isdigit() or not low <= int(text) <= high:
            raise ApiError(400, f"{key} must be a whole number from {low} to {high}, got {text!r}")
        return int(text)


def _models(registry: Registry, query: Query) -> Reply:
    capabilities = query.texts("capability")
    for capability in capabilities:
        if capability.lower() not in CAPABILITY_NAMES:
            raise ApiError(
                400, f"unknown capability {capability!r} (known: {', '.join(CAPABILITY_NAMES)})"
            )
    limit = query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query.integer("offset", 0, 0, 2**31)
    page = registry.list_models(
        search=query.text("search"),
        family=query.text("family"),
        capabilities=capabilities,
        tag=query.text("tag"),
        limit=limit,
        offset=offset,
    )
    body = {
        "success": True,
        "data": [m.to_json() for m in page.items],
        "total": page.total,
        "limit": limit,
        "offset": offset,
    }
    return body, 200


def _model(registry: Registry, reference: str) -> Reply:
    model = registry.model(reference)
    if model is None:
        raise ApiError(404, f"no model {reference!r}")
    tag = None
    if not reference.isdigit() and reference.rfind(":") > reference.rfind("/"):
        tag = reference.rpartition(":")[2]
        if model.variant(tag) is None:
            raise ApiError(404, f"model {model.name!r} has no tag {tag!r}")
    data = model.to_json()
    defaults = registry.default_parameters(model.name, tag)
    data["default_parameters"] = None if defaults is None else [d.to_json() for d in defaults]
    data["installed"] = [
        i.to_json() for i in registry.installed_models() if i.model.lower() == model.name.lower()
    ]
    data["metrics"] = [m.to_json() for m in registry.metrics(model.name)]
    return {"success": True, "data": data}, 200


def _listing(items: list[dict[str, Any]]) -> Reply:
    return {"success": True, "data": items, "total": len(items)}, 200


def _params(registry: Registry, query: Query) -> Reply:
    status = query.text("status")
    if status is not None and status not in PARAMETER_STATUSES:
        raise ApiError(400, f"status must be one of {', '.join(PARAMETER_STATUSES)}")
    facts = [p for p in registry.parameters() if status is None or p.status == status]
    return _listing([p.to_json() for p in facts])


def _health(registry: Registry) -> Reply:
    stats = registry.stats()
    data = {"status": "ok", "schema_version": stats["schema_version"], "models": stats["models"]}
    return {"success": True, "data": data}, 200


Route = tuple[frozenset[str], frozenset[str], Callable[[Registry, Query], Reply]]
ROUTES: dict[str, Route] = {
    "/health": (frozenset(), frozenset(), lambda r, q: _health(r)),
    "/api/models": (
        frozenset({"search", "family", "capability", "tag", "limit", "offset"}),
        frozenset({"capability"}),
        _models,
    ),
    "/api/families": (
        frozenset(),
        frozenset(),
        lambda r, q: _listing([c.to_json() for c in r.families()]),
    ),
    "/api/capabilities": (
        frozenset(),
        frozenset(),
        lambda r, q: _listing([c.to_json() for c in r.capabilities()]),
    ),
    "/api/tags": (frozenset(), frozenset(), lambda r, q: _listing([c.to_json() for c in r.tags()])),
    "/api/stats": (
        frozenset(),
        frozenset(),
        lambda r, q: ({"success": True, "data": r.stats()}, 200),
    ),
    "/api/params": (frozenset({"status"}), frozenset(), _params),
}
MODEL_PREFIX = "/api/models/"
OPENAPI_PATH = "/openapi.json"


class Handler(BaseHTTPRequestHandler):
    """Dispatches GET/HEAD to the routes; every other method is 405."""

    server: RegistryServer
    server_version = "modelfile-ls-registry"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer(head=False)

    def do_HEAD(self) -> None:
        """Answer a HEAD (a GET without the body)."""
        self._answer(head=True)

    def _not_allowed(self) -> None:
        # The request body is never read; closing keeps it from being taken for a request.
        self.close_connection = True
        self._send(
            {"success": False, "error": "method not allowed: the API is read-only"},
            405,
            head=False,
            extra={"Allow": "GET, HEAD", "Connection": "close"},
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _answer(self, *, head: bool) -> None:
        try:
            body, status = self._route()
        except ApiError as exc:
            body, status = {"success": False, "error": exc.message}, exc.status
        except RegistryError as exc:
            body, status = {"success": False, "error": str(exc)}, 500
        self._send(body, status, head=head)

    def _route(self) -> Reply:
        if self.server.loopback_only:
            host = self.headers.get("Host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host and not is_loopback(name):
                raise ApiError(403, f"Host {host!r} is not this loopback server")
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        if path == OPENAPI_PATH:
            Query(parts.query, frozenset(), frozenset())
            return self.server.openapi, 200
        route = ROUTES.get(path)
        if route is not None:
            allowed, repeatable, handler = route
            query = Query(parts.query, allowed, repeatable)
            with open_registry(self.server.registry_path) as registry:
                return handler(registry, query)
        if path.startswith(MODEL_PREFIX) and len(path) > len(MODEL_PREFIX):
            Query(parts.query, frozenset(), frozenset())
            reference = unquote(path[len(MODEL_PREFIX) :])
            with open_registry(self.server.registry_path) as registry:
                return _model(registry, reference)
        raise ApiError(404, f"no such endpoint: {parts.path} (see {OPENAPI_PATH})")

    def _send(
        self,
        body: dict[str, Any],
        status: int,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Access log to the server's stream (none in tests)."""
        if self.server.access_log is not None:
            self.server.access_log.write(f"{self.address_string()} {format % args}\n")


class RegistryServer(ThreadingHTTPServer):
    """The HTTP server bound to one registry file."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        registry_path: Path,
        access_log: TextIO | None = None,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.registry_path = registry_path
        self.access_log = access_log
        self.loopback_only = is_loopback(address[0])
        self.openapi = openapi_document()

    @property
    def url(self) -> str:
        """Base URL of the bound socket (with the real port when 0 was asked for)."""
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"


def make_server(
    registry_path: Path,
    host: str = "127.0.0.1",
    port: int = 3001,
    access_log: TextIO | None = None,
) -> RegistryServer:
    """A bound, not yet serving, API server (`serve_forever()` to run it)."""
    return RegistryServer((host.strip("[]"), port), registry_path, access_log)
