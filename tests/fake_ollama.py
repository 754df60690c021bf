"""A fake Ollama server for tests: real HTTP on 127.0.0.1, shaped as shared spec ollama-api.md.

    with FakeOllama([FakeModel("llama3.2:latest")]) as ollama:
        OllamaClient(ollama.url).list_models()

Routes (`ROUTES`, (method, path prefix) -> handler) answer with Ollama's statuses and error
bodies: `GET|HEAD /`, `/api/version`, `/api/tags`, `/api/ps`, `POST /api/show`, streamed
`/api/pull` (resumable: `have` keeps the bytes of each layer across pulls, so a pull after a
cut continues), `/api/push`, `/api/generate` (with timings), `/api/copy`, `DELETE /api/delete`,
`HEAD|POST /api/blobs/:digest` and `POST /api/create` (tests/fake_ollama_create.py); the
router's plain-text `404 page not found` / `405 method not allowed` otherwise.

Fault modes, settable per test:
- `failures[path] = (status, body)`: that path answers so (e.g. 500 `{"error": ...}`);
- `slow[path_prefix] = Event()`: matching requests wait for the event before answering
  (`held` is set once one waits);
- streams: `cut_stream_after` N lines (the connection drops), `error_line_after` N lines
  (then `{"error": error_line}`), `malformed_line_after` N lines (a line that is not JSON),
  `hold_stream_after` N lines (until `release_stream` is set; `stream_held` is set when it
  waits and `stream_closed` when the client hung up);
- refused: `refused_url()`, an address nothing listens on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from tests.fake_ollama_base import (
    HOLD_LIMIT,
    Exchange,
    FakeModel,
    closed_port,
    display_name,
    manifest_path,
    refused_url,
    valid_name,
)
from tests.fake_ollama_create import BlobStore, create_model, head_blob, post_blob

__all__ = [
    "ROUTES",
    "Exchange",
    "FakeModel",
    "FakeOllama",
    "closed_port",
    "display_name",
    "refused_url",
]

PULL_STEPS = 4
"""Progress lines per layer in a fake pull (Ollama sends one about every 60 ms)."""
LOADED_UNTIL = "2026-11-01T10:05:00.000000000Z"
TOKENS = ["The", " sky", " is", " blue", "."]
"""What the fake's models answer to any prompt, one streamed line per token."""

Handler = Callable[[Exchange], None]


class FakeOllama:
    """Context manager running the fake server on an ephemeral loopback port."""

    def __init__(self, models: list[FakeModel] | None = None, version: str = "0.33.0-rc2") -> None:
        self.models: dict[str, FakeModel] = {}
        for model in models or []:
            self.add(model)
        self.version = version
        self.requests: list[tuple[str, str, Any]] = []
        self.routes: dict[tuple[str, str], Handler] = dict(ROUTES)
        self.library: dict[str, FakeModel] = {}
        """Models a pull can fetch (display name, lower case, to the model it installs)."""
        self.have: dict[str, int] = {}
        """Bytes of each layer (by digest) on the fake's disk: what a new pull starts from."""
        self.blobs = BlobStore()
        """Uploaded blobs and the layers create wrote (tests/fake_ollama_create.py)."""
        self.push_namespaces: set[str] = {"me"}
        """Registry namespaces the fake's user may push to (others: `unauthorized`)."""
        self.pushed: list[str] = []
        self.loaded: dict[str, str] = {}
        """Running models (display name, lower case) to `expires_at`, as `/api/ps` lists."""
        self.timings: dict[str, int] = {
            "prompt_eval_count": 26,
            "prompt_eval_duration": 130_000_000,
            "eval_count": 64,
            "eval_duration": 1_280_000_000,
        }
        self.cold_load_ns = 2_400_000_000
        self.warm_load_ns = 12_000_000
        self.failures: dict[str, tuple[int, Any]] = {}
        self.slow: dict[str, threading.Event] = {}
        self.held = threading.Event()
        self.cut_stream_after: int | None = None
        self.error_line_after: int | None = None
        self.error_line = "an error from the fake mid-stream"
        self.malformed_line_after: int | None = None
        self.hold_stream_after: int | None = None
        self.release_stream = threading.Event()
        self.stream_held = threading.Event()
        self.stream_closed = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def add(self, model: FakeModel) -> None:
        """Install (or replace) a model."""
        self.models[model.name.lower()] = model

    def publish(self, model: FakeModel) -> None:
        """Make a model available to `POST /api/pull`."""
        self.library[model.name.lower()] = model

    def remove(self, name: str) -> None:
        """Delete a model."""
        self.models.pop(display_name(name).lower(), None)

    def installed(self, name: str) -> FakeModel | None:
        """The installed model a name refers to."""
        return self.models.get(display_name(name).lower())

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:54321`."""
        assert self._server is not None, "use FakeOllama as a context manager"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeOllama:
        fake = self

        class Bound(_Handler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Bound)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None and self._thread is not None
        self.release_stream.set()
        for event in self.slow.values():
            event.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self.blobs.close()

    def record(self, method: str, path: str, body: Any) -> None:
        """Remember one request (thread-safe)."""
        with self._lock:
            self.requests.append((method, path, body))

    def handler_for(self, method: str, path: str) -> Handler | None:
        """The route of a request: the longest matching prefix for its method, else None;
        `HEAD` falls back on the `GET` route (gin answers HEAD for GET routes here)."""
        for wanted in (method, "GET") if method == "HEAD" else (method,):
            matches = [
                (prefix, handler)
                for (verb, prefix), handler in self.routes.items()
                if verb == wanted and _matches(prefix, path)
            ]
            if matches:
                return max(matches, key=lambda match: len(match[0]))[1]
        return None


def _matches(prefix: str, path: str) -> bool:
    """A route's path is exact, or a prefix when it ends in `/` (`/` alone is exact)."""
    return path == prefix or (len(prefix) > 1 and prefix.endswith("/") and path.startswith(prefix))


class _Handler(BaseHTTPRequestHandler):
    owner: FakeOllama
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def _route(self, method: str) -> None:
        exchange = Exchange(self, self.owner, method)
        owner = self.owner
        owner.record(method, exchange.path, exchange.recorded_body())
        for prefix, event in list(owner.slow.items()):
            if exchange.path.startswith(prefix):
                owner.held.set()
                event.wait(HOLD_LIMIT)
        if exchange.path in owner.failures:
            status, answer = owner.failures[exchange.path]
            exchange.send(status, answer)
            return
        handler = owner.handler_for(method, exchange.path)
        if handler is not None:
            handler(exchange)
        elif any(_matches(prefix, exchange.path) for _, prefix in owner.routes):
            exchange.send_text(405, "405 method not allowed")
        else:
            exchange.send_text(404, "404 page not found")

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:
            # The client hung up (a cancel, a timeout): what a real server shrugs off too.
            self.close_connection = True

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def do_DELETE(self) -> None:
        self._route("DELETE")


def _health(exchange: Exchange) -> None:
    exchange.send_text(200, "Ollama is running")


def _version(exchange: Exchange) -> None:
    exchange.send(200, {"version": exchange.owner.version})


def _tags(exchange: Exchange) -> None:
    models = sorted(exchange.owner.models.values(), key=lambda m: m.modified_at, reverse=True)
    exchange.send(200, {"models": [m.tags_entry() for m in models]})


def _ps(exchange: Exchange) -> None:
    owner = exchange.owner
    running = []
    for key, expires in owner.loaded.items():
        model = owner.models.get(key)
        if model is not None:
            entry = model.tags_entry()
            del entry["modified_at"], entry["capabilities"]
            entry.update(expires_at=expires, size_vram=0, context_length=4096)
            running.append(entry)
    running.sort(key=lambda entry: str(entry["expires_at"]), reverse=True)
    exchange.send(200, {"models": running})


def _show(exchange: Exchange) -> None:
    found = exchange.json_request("model is required")
    if found is None:
        return
    shown = display_name(found[1])
    model = exchange.owner.installed(shown)
    if model is None or model.hidden_from_show:
        exchange.send(404, {"error": f"model '{shown}' not found"})
        return
    exchange.send(200, model.show_response())


def _pull(exchange: Exchange) -> None:
    found = exchange.json_request("invalid model name")
    if found is None:
        return
    request, name = found
    if not valid_name(name):
        exchange.send(400, {"error": "invalid model name"})
        return
    owner = exchange.owner
    model = owner.library.get(display_name(name).lower())

    def lines() -> Iterator[dict[str, Any]]:
        yield {"status": "pulling manifest"}
        if model is None:
            yield {"error": "pull model manifest: file does not exist"}
            return
        for digest, size in model.layers():
            start = owner.have.get(digest, 0)
            steps = (
                [size]
                if start >= size
                else [start + (size - start) * s // PULL_STEPS for s in range(PULL_STEPS + 1)]
            )
            for completed in steps:
                line: dict[str, Any] = {
                    "status": f"pulling {digest[7:19]}",
                    "digest": digest,
                    "total": size,
                }
                if completed:  # `completed` is omitted while it is 0
                    line["completed"] = completed
                yield line
                owner.have[digest] = max(owner.have.get(digest, 0), completed)
        yield {"status": "verifying sha256 digest"}
        yield {"status": "writing manifest"}
        yield {"status": "success"}
        owner.add(model)

    exchange.answer(request, lines())


def _push(exchange: Exchange) -> None:
    found = exchange.json_request("model is required")
    if found is None:
        return
    request, name = found
    owner = exchange.owner
    model = owner.installed(name)
    shown = display_name(name)

    def lines() -> Iterator[dict[str, Any]]:
        yield {"status": "retrieving manifest"}
        if name.startswith("http://") and not request.get("insecure"):
            yield {"error": "insecure protocol http"}
            return
        if model is None:
            yield {"status": "couldn't retrieve manifest"}
            yield {"error": f"open {manifest_path(name)}: no such file or directory"}
            return
        namespace = shown.split("/")[-2] if "/" in shown else "library"
        if namespace not in owner.push_namespaces:
            yield {"error": "unauthorized: access denied"}
            return
        for digest, size in model.layers():
            for step in range(1, PULL_STEPS + 1):
                yield {
                    "status": f"pushing {digest[7:19]}",
                    "digest": digest,
                    "total": size,
                    "completed": size * step // PULL_STEPS,
                }
        yield {"status": "pushing manifest"}
        yield {"status": "success"}
        owner.pushed.append(shown)

    exchange.answer(request, lines())


def _copy(exchange: Exchange) -> None:
    found = exchange.json_request("")
    if found is None:
        return
    request = found[0]
    source, destination = str(request.get("source") or ""), str(request.get("destination") or "")
    if not valid_name(source):
        exchange.send(400, {"error": f"source {_go_q(source)} is invalid"})
        return
    if not valid_name(destination):
        exchange.send(400, {"error": f"destination {_go_q(destination)} is invalid"})
        return
    model = exchange.owner.installed(source)
    if model is None:
        exchange.send(404, {"error": f"model {_go_q(source)} not found"})
        return
    exchange.owner.add(replace(model, name=display_name(destination)))
    exchange.send_empty(200)


def _delete(exchange: Exchange) -> None:
    found = exchange.json_request("model is required")
    if found is None:
        return
    name = found[1]
    if not valid_name(name):
        exchange.send(400, {"error": f"name {_go_q(name)} is invalid"})
        return
    if exchange.owner.installed(name) is None:
        exchange.send(404, {"error": f"model '{name}' not found"})
        return
    exchange.owner.remove(name)
    exchange.owner.loaded.pop(display_name(name).lower(), None)
    exchange.send_empty(200)


def _generate(exchange: Exchange) -> None:
    found = exchange.json_request("model is required")
    if found is None:
        return
    request, name = found
    owner = exchange.owner
    if not valid_name(name):
        exchange.send(400, {"error": "invalid model name"})
        return
    model = owner.installed(name)
    if model is None:
        exchange.send(404, {"error": f"model '{name}' not found"})
        return
    key = model.name.lower()
    load = owner.warm_load_ns if key in owner.loaded else owner.cold_load_ns
    owner.loaded[key] = LOADED_UNTIL
    base = {"model": name, "created_at": "2026-11-01T10:00:00.000000000Z"}
    if not request.get("prompt"):
        exchange.send(200, {**base, "response": "", "done": True, "done_reason": "load"})
        return
    timings = {**owner.timings, "load_duration": load}
    timings["total_duration"] = sum(
        timings[k] for k in ("load_duration", "prompt_eval_duration", "eval_duration")
    )
    final = {
        **base,
        "response": "",
        "done": True,
        "done_reason": "stop",
        "context": [1, 2, 3],
        **timings,
    }
    if request.get("stream") is False:
        exchange.send(200, {**final, "response": "".join(TOKENS)})
        return
    exchange.stream([*({**base, "response": token, "done": False} for token in TOKENS), final])


def _go_q(text: str) -> str:
    """Go's `%q` for the plain names these errors quote."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


ROUTES: dict[tuple[str, str], Handler] = {
    ("GET", "/"): _health,
    ("GET", "/api/version"): _version,
    ("GET", "/api/tags"): _tags,
    ("GET", "/api/ps"): _ps,
    ("POST", "/api/show"): _show,
    ("POST", "/api/pull"): _pull,
    ("POST", "/api/push"): _push,
    ("POST", "/api/generate"): _generate,
    ("POST", "/api/copy"): _copy,
    ("DELETE", "/api/delete"): _delete,
    ("HEAD", "/api/blobs/"): head_blob,
    ("POST", "/api/blobs/"): post_blob,
    ("POST", "/api/create"): create_model,
}
"""(method, path) -> handler; a path ending in `/` matches every path under it (e.g.
`("HEAD", "/api/blobs/")`). Each FakeOllama copies it into `routes`, so a test may add or
replace a route on one server."""
