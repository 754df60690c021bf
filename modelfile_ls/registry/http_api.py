"""The registry's read-only HTTP API (stdlib `http.server`), documented in `openapi.json`,
and the dashboard page built on it (served at `/` from `registry/dashboard/`).

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
from collections.abc import Callable, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from modelfile_ls.modelname import has_tag, split_tag
from modelfile_ls.registry import dashboard, elements
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.host_status import HostMonitor
from modelfile_ls.registry.records import parameter_json
from modelfile_ls.registry.store import MODEL_SORTS, Registry, open_registry
from modelfile_ls.syntax import parse

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
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

    def choice(self, key: str, choices: Sequence[str], default: str) -> str:
        """One of `choices`, or the default when absent."""
        text = self.text(key)
        if text is None:
            return default
        if text not in choices:
            raise ApiError(400, f"{key} must be one of {', '.join(choices)}, got {text!r}")
        return text

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
    known = registry.capability_names()
    for capability in capabilities:
        if capability.lower() not in known:
            raise ApiError(400, f"unknown capability {capability!r} (known: {', '.join(known)})")
    limit = query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query.integer("offset", 0, 0, 2**31)
    installed = query.choice("installed", ("true", "false", "any"), "any")
    page = registry.list_models(
        search=query.text("search"),
        family=query.text("family"),
        capabilities=capabilities,
        tag=query.text("tag"),
        installed=None if installed == "any" else installed == "true",
        sort=query.choice("sort", tuple(MODEL_SORTS), "name"),
        descending=query.choice("order", ("asc", "desc"), "asc") == "desc",
        limit=limit,
        offset=offset,
    )
    installed_names = {i.model.lower() for i in registry.installed_models()}
    body = {
        "success": True,
        "data": [
            {**m.to_json(), "installed": m.name.lower() in installed_names} for m in page.items
        ],
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
    if not reference.isdigit() and has_tag(reference):
        tag = split_tag(reference)[1]
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


def _metrics(registry: Registry, query: Query) -> Reply:
    model = query.text("model")
    if model is not None and registry.model(model) is None:
        raise ApiError(404, f"no model {model!r}")
    wanted = {key: query.text(key) for key in ("metric", "hardware", "tag")}
    found = [
        m.to_json()
        for m in registry.metrics(model)
        if all(value is None or getattr(m, key) == value for key, value in wanted.items())
    ]
    return _listing(found)


def _modelfiles(registry: Registry, query: Query) -> Reply:
    """Saved Modelfiles, or only those whose FROM names `model` (any tag of it)."""
    model = query.text("model")
    wanted = None if model is None else _base_name(model)
    found = []
    for saved in registry.modelfiles():
        bases = [_from_base(e.content) for e in saved.elements if e.kind == "from"]
        if wanted is None or wanted in bases:
            data = saved.to_json()
            data["elements"] = [
                {"id": e.id, "kind": e.kind, "name": e.name, "used_by": e.uses}
                for e in saved.elements
            ]
            data["text"] = elements.to_text(
                [elements.ElementDraft(e.kind, e.content) for e in saved.elements]
            )
            found.append(data)
    return _listing(found)


def _base_name(model: str) -> str:
    """`Qwen2.5-Coder:7b` -> `qwen2.5-coder`: names match case-insensitively, as in Ollama."""
    return model.lower().rpartition(":")[0] if ":" in model.rpartition("/")[2] else model.lower()


def _from_base(content: str) -> str | None:
    """The base name of the model a stored FROM element names."""
    instructions = parse(content).instructions
    value = instructions[0].value if instructions else None
    return None if value is None else _base_name(value.text)


def _listing(items: list[dict[str, Any]]) -> Reply:
    return {"success": True, "data": items, "total": len(items)}, 200


def _params(registry: Registry, query: Query) -> Reply:
    status = query.text("status")
    if status is not None and status not in PARAMETER_STATUSES:
        raise ApiError(400, f"status must be one of {', '.join(PARAMETER_STATUSES)}")
    facts = [p for p in registry.parameters() if status is None or p.status == status]
    return _listing([parameter_json(p) for p in facts])


def _health(registry: Registry) -> Reply:
    stats = registry.stats()
    data = {"status": "ok", "schema_version": stats["schema_version"], "models": stats["models"]}
    return {"success": True, "data": data}, 200


Route = tuple[frozenset[str], frozenset[str], Callable[[Registry, Query], Reply]]
ROUTES: dict[str, Route] = {
    "/health": (frozenset(), frozenset(), lambda r, q: _health(r)),
    "/api/models": (
        frozenset(
            {"search", "family", "capability", "tag", "installed", "sort", "order"}
            | {"limit", "offset"}
        ),
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
    "/api/metrics": (frozenset({"model", "metric", "hardware", "tag"}), frozenset(), _metrics),
    "/api/modelfiles": (frozenset({"model"}), frozenset(), _modelfiles),
}
MODEL_PREFIX = "/api/models/"
OPENAPI_PATH = "/openapi.json"
HOSTS_PATH = "/api/hosts"
SECURITY_HEADERS = {
    "Content-Security-Policy": dashboard.CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
"""Sent with every answer: JSON never sniffed as HTML, the page never framed or leaking URLs."""


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
        path = urlsplit(self.path).path
        static = dashboard.asset(path)
        if static is not None and self._host_allowed():
            payload, content_type = static
            self._send_bytes(payload, content_type, 200, head=head)
            return
        try:
            body, status = self._route()
        except ApiError as exc:
            body, status = {"success": False, "error": exc.message}, exc.status
        except RegistryError as exc:
            body, status = {"success": False, "error": str(exc)}, 500
        self._send(body, status, head=head)

    def _host_allowed(self) -> bool:
        """False when bound to loopback and the Host header names another machine."""
        if not self.server.loopback_only:
            return True
        host = self.headers.get("Host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return not host or is_loopback(name)

    def _route(self) -> Reply:
        if not self._host_allowed():
            host = self.headers.get("Host", "")
            raise ApiError(403, f"Host {host!r} is not this loopback server")
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        if path == OPENAPI_PATH:
            Query(parts.query, frozenset(), frozenset())
            return self.server.openapi, 200
        if path == HOSTS_PATH:
            Query(parts.query, frozenset(), frozenset())
            with open_registry(self.server.registry_path) as registry:
                states = self.server.hosts.states(registry)
            return _listing([h.to_json() for h in states])
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
        self._send_bytes(payload, "application/json; charset=utf-8", status, head=head, extra=extra)

    def _send_bytes(
        self,
        payload: bytes,
        content_type: str,
        status: int,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        for key, value in {**SECURITY_HEADERS, **(extra or {})}.items():
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
        ollama_hosts: Sequence[str] = (),
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.registry_path = registry_path
        self.access_log = access_log
        self.loopback_only = is_loopback(address[0])
        self.openapi = openapi_document()
        self.hosts = HostMonitor(ollama_hosts)

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
    ollama_hosts: Sequence[str] = (),
) -> RegistryServer:
    """A bound, not yet serving, API server (`serve_forever()` to run it); `ollama_hosts` are
    the Ollama servers whose state the dashboard shows (default: `OLLAMA_HOST`)."""
    return RegistryServer((host.strip("[]"), port), registry_path, access_log, ollama_hosts)
