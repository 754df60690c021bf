"""Language-server benchmark: the real server over stdio, a 1,500-line document, 10,000 models.

    .venv/bin/python bench/lsp.py [--models 10000] [--lines 1500] [--runs 500] [--starts 15]

Measures, from the client's side of the pipe:
- didChange -> publishDiagnostics for that version (typing one character at a time in a
  PARAMETER value, the long SYSTEM prompt and a few-shot MESSAGE, and deleting it again);
- completion (a FROM model name against the 10,000-model registry, a PARAMETER name) and
  hover (a PARAMETER name, a keyword, the FROM model), when the server offers them;
- time from process start to the initialize result, against a trivial pygls server started
  the same way on the same machine.
Targets (issue): p99 <= 10 ms for diagnostics and completion, <= 5 ms for hover; start-up
within 20% of the trivial server. It prints a Markdown table; exit code 1 if a target is
missed. The client is a small JSON-RPC client, so its own overhead stays out of the numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import findings_file, realistic_file
from registry import synthetic
from stats import percentile

from modelfile_ls.registry import open_registry

TRIVIAL_SERVER = """
from lsprotocol import types
from pygls.lsp.server import LanguageServer

server = LanguageServer("trivial", "1.0")


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls, params):
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[], version=params.text_document.version
        )
    )


server.start_io()
"""
"""The anchor: pygls answering each didChange with an empty publishDiagnostics, no work."""
URI = "file:///bench/Modelfile"
FINDINGS_URI = "file:///bench/few-shot/Modelfile"


def capabilities() -> dict[str, Any]:
    """VS Code's recorded client capabilities (push diagnostics, snippets, markdown)."""
    from lsprotocol.converters import get_converter
    from pytest_lsp import client_capabilities

    result: dict[str, Any] = get_converter().unstructure(client_capabilities("visual-studio-code"))
    return result


class Client:
    """Just enough JSON-RPC over a child's stdio to time requests and notifications."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.next_id = 0
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.diagnostics: dict[tuple[str, int], asyncio.Future[list[Any]]] = {}
        self.arrived: dict[tuple[str, int], float] = {}
        """When each document version's publishDiagnostics had been read off the pipe, before
        this client decoded it: decoding 300 diagnostics (~170 KB) in Python costs this client
        1-4 ms, which is the client's, not the server's (an editor decodes in its own way)."""
        self.read_at = 0.0
        self.reader = asyncio.ensure_future(self._read())

    @classmethod
    async def spawn(cls, command: list[str], env: dict[str, str]) -> Client:
        """Start a server process."""
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env,
        )
        return cls(process)

    def _write(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any) -> asyncio.Future[Any]:
        """Send a request; the future resolves with its result."""
        self.next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        self._write({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return future

    def expect_diagnostics(self, uri: str, version: int) -> asyncio.Future[list[Any]]:
        """A future for the publishDiagnostics of one document version."""
        future: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
        self.diagnostics[(uri, version)] = future
        return future

    async def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := await stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            body = await stream.readexactly(length)
            self.read_at = time.perf_counter()
            self._dispatch(json.loads(body))

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            future = self.pending.pop(message["id"], None)
            if future is not None and not future.done():
                future.set_result(message.get("result"))
        elif "id" in message:
            # Server-to-client requests: configuration, progress tokens, registrations.
            result = [None] if method == "workspace/configuration" else None
            self._write({"jsonrpc": "2.0", "id": message["id"], "result": result})
        elif method == "textDocument/publishDiagnostics":
            params = message["params"]
            key = (params["uri"], params.get("version"))
            waiting = self.diagnostics.pop(key, None)
            if waiting is not None and not waiting.done():
                self.arrived[key] = self.read_at
                waiting.set_result(params["diagnostics"])

    async def initialize(self, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """initialize + initialized; returns the server's capabilities."""
        result = await self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": None,
                "capabilities": capabilities(),
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        capabilities_: dict[str, Any] = result["capabilities"]
        return capabilities_

    async def close(self) -> None:
        """shutdown + exit, and wait for the process."""
        await self.request("shutdown", None)
        self.notify("exit", None)
        await self.process.wait()
        self.reader.cancel()


async def time_to_initialize(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning the server to receiving its initialize result."""
    start = time.perf_counter()
    client = await Client.spawn(command, env)
    await client.request(
        "initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities()}
    )
    elapsed = time.perf_counter() - start
    client.notify("initialized", {})
    await client.close()
    return elapsed


REALISTIC_POINTS = (
    ("PARAMETER value", "PARAMETER top_k"),
    ("SYSTEM prompt", "Rule 250:"),
    ("MESSAGE", "MESSAGE user How do I configure feature 300"),
)
"""Where typing happens in `realistic_file`: a value, the long prompt, a message."""
FINDINGS_POINTS = (
    ("PARAMETER value on line 3", "PARAMETER temperature 0.7"),
    ("MESSAGE in the middle", "MESSAGE user What is 150 plus"),
    ("MESSAGE near the end", "MESSAGE user What is 290 plus"),
)
"""Where typing happens in `findings_file`: ~1,200 instructions after the first point."""


def edit_points(
    text: str, points: tuple[tuple[str, str], ...] = REALISTIC_POINTS
) -> list[tuple[str, int, int]]:
    """(label, line, character) at the end of the first line starting with each prefix."""
    lines = text.splitlines()
    found = []
    for label, prefix in points:
        number = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        found.append((label, number, len(lines[number])))
    return found


def change(uri: str, version: int, line: int, character: int, end: int, text: str) -> Any:
    """didChange params for one ranged edit."""
    return {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [
            {
                "range": {
                    "start": {"line": line, "character": character},
                    "end": {"line": line, "character": end},
                },
                "text": text,
            }
        ],
    }


async def bench_typing(
    client: Client,
    text: str,
    runs: int,
    points: tuple[tuple[str, str], ...] = REALISTIC_POINTS,
    uri: str = URI,
) -> list[float]:
    """Milliseconds from didChange to its publishDiagnostics: type a character, delete it."""
    # This client's own collections (every decoded diagnostic is a few dicts) would delay
    # its reading of the pipe by up to 40 ms; the server's time is what is measured.
    gc.collect()
    gc.disable()
    try:
        return await _typed(client, runs, edit_points(text, points), uri)
    finally:
        gc.enable()


async def _typed(
    client: Client, runs: int, points: list[tuple[str, int, int]], uri: str
) -> list[float]:
    samples = []
    version = 1
    for i in range(runs):
        _label, line, column = points[i % len(points)]
        insert = (i // len(points)) % 2 == 0
        version += 1
        waiting = client.expect_diagnostics(uri, version)
        start = time.perf_counter()
        if insert:
            client.notify("textDocument/didChange", change(uri, version, line, column, column, "7"))
        else:
            client.notify(
                "textDocument/didChange", change(uri, version, line, column - 1, column, "")
            )
        await waiting
        samples.append((client.arrived.pop((uri, version)) - start) * 1000)
        if insert:
            points[i % len(points)] = (_label, line, column + 1)
        else:
            points[i % len(points)] = (_label, line, column - 1)
    return samples


async def bench_requests(
    client: Client, method: str, positions: list[tuple[int, int]], runs: int
) -> list[float]:
    """Milliseconds per request, cycling through positions."""
    samples = []
    for i in range(runs):
        line, character = positions[i % len(positions)]
        start = time.perf_counter()
        await client.request(
            method,
            {
                "textDocument": {"uri": URI},
                "position": {"line": line, "character": character},
            },
        )
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def positions(text: str, method: str) -> list[tuple[int, int]]:
    """Where completion or hover is asked in the document."""
    lines = text.splitlines()
    from_line = next(i for i, line in enumerate(lines) if line.startswith("FROM "))
    param_line = next(i for i, line in enumerate(lines) if line.startswith("PARAMETER top_p"))
    message_line = next(i for i, line in enumerate(lines) if line.startswith("MESSAGE user"))
    if method == "textDocument/completion":
        # After `FROM ll` (models by prefix) and after `PARAMETER to` (parameter names).
        return [(from_line, 7), (param_line, 12)]
    return [(param_line, 12), (message_line, 3), (from_line, 8)]


def breakdown(
    text: str,
    registry_path: Path,
    runs: int,
    points: tuple[tuple[str, str], ...] = REALISTIC_POINTS,
) -> dict[str, list[float]]:
    """Where a keystroke's time goes inside the server: the same edits, in this process,
    through the server's own document store, parse, analysis and publishing, in CPU time
    (`time.process_time`: other jobs on a shared machine count far less than in wall time)."""
    from lsprotocol import types

    from modelfile_ls.lsp.server import create_server, did_open, settle_heap

    class Discard:
        def write(self, data: bytes) -> None:
            pass

        def close(self) -> None:
            pass

    server = create_server()
    server.protocol.set_writer(Discard())
    server.protocol.client_capabilities = types.ClientCapabilities()
    server.catalog.open(str(registry_path))
    server.ready.set()
    item = types.TextDocumentItem(URI, "modelfile", 1, text)
    did_open(server, types.DidOpenTextDocumentParams(item))
    settle_heap()
    stages: dict[str, list[float]] = {"apply the edit": [], "parse (incremental)": []}
    stages.update({"analysis (incremental)": [], "convert + publish": [], "whole keystroke": []})
    points = edit_points(text, points)
    for i in range(runs):
        label, line, column = points[i % len(points)]
        insert = (i // len(points)) % 2 == 0
        start = types.Position(line, column if insert else column - 1)
        edit = types.TextDocumentContentChangePartial(
            types.Range(start, types.Position(line, column)), "7" if insert else ""
        )
        moments = [time.process_time()]
        document = server.documents.change(URI, i + 2, [edit], "utf-16")
        assert document is not None
        moments.append(time.process_time())
        _ = document.parsed
        moments.append(time.process_time())
        server.findings(document)
        moments.append(time.process_time())
        server.diagnostics.publish(document)
        moments.append(time.process_time())
        for samples, before, after in zip(stages.values(), moments, moments[1:], strict=False):
            samples.append((after - before) * 1000)
        stages["whole keystroke"].append((moments[-1] - moments[0]) * 1000)
        points[i % len(points)] = (label, line, column + 1 if insert else column - 1)
    return stages


def row(label: str, samples: list[float], target: float | None) -> tuple[str, bool]:
    """A table row; False when the p99 misses its target."""
    p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
    met = target is None or p99 <= target
    goal = "" if target is None else f"<= {target:g} ms {'met' if met else 'MISSED'}"
    return (
        f"| {label} | {len(samples)} | {p50:.2f} | {p99:.2f} | {max(samples):.2f} | {goal} |",
        met,
    )


async def run(args: argparse.Namespace, directory: Path) -> int:
    """Build the inputs, drive the servers and print the table."""
    registry_path = directory / "registry.sqlite3"
    with open_registry(registry_path) as registry:
        registry.import_entries(synthetic(args.models))
        models = registry.stats()["models"]
    text = realistic_file(args.lines)
    env = {
        **os.environ,
        "MODELFILE_LS_REGISTRY": str(registry_path),
        # Nothing listens here: the background refresh fails fast, as without Ollama.
        "OLLAMA_HOST": "127.0.0.1:9",
    }
    trivial = directory / "trivial_server.py"
    trivial.write_text(TRIVIAL_SERVER)
    ours = [sys.executable, "-m", "modelfile_ls"]
    baseline = [sys.executable, str(trivial)]

    start_ours, start_trivial = [], []
    for _ in range(args.starts):
        start_trivial.append(await time_to_initialize(baseline, env))
        start_ours.append(await time_to_initialize(ours, env))

    client = await Client.spawn(ours, env)
    server = await client.initialize({"registry": str(registry_path)})
    opened = client.expect_diagnostics(URI, 1)
    first = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": URI, "languageId": "modelfile", "version": 1, "text": text}},
    )
    initial = await opened
    open_ms = (time.perf_counter() - first) * 1000
    typing = await bench_typing(client, text, args.runs)
    heavy = findings_file(args.lines, repeated=1)
    opened_heavy = client.expect_diagnostics(FINDINGS_URI, 1)
    client.notify(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": FINDINGS_URI,
                "languageId": "modelfile",
                "version": 1,
                "text": heavy,
            }
        },
    )
    heavy_findings = len(await opened_heavy)
    typing_heavy = await bench_typing(client, heavy, args.runs, FINDINGS_POINTS, FINDINGS_URI)
    rows = [
        row("didChange -> publishDiagnostics", typing, 10),
        row(f"the same, {heavy_findings} findings", typing_heavy, 10),
    ]
    for method, provider, label, target in (
        ("textDocument/completion", "completionProvider", "completion", 10.0),
        ("textDocument/hover", "hoverProvider", "hover", 5.0),
    ):
        if server.get(provider):
            samples = await bench_requests(client, method, positions(text, method), args.runs)
            rows.append(row(label, samples, target))
    await client.close()
    anchor_client = await Client.spawn(baseline, env)
    await anchor_client.initialize()
    anchor_client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": URI, "languageId": "modelfile", "version": 1, "text": text}},
    )
    anchor = await bench_typing(anchor_client, text, args.runs)
    await anchor_client.close()
    anchor_p50, anchor_p99 = percentile(anchor, 0.5), percentile(anchor, 0.99)

    median_ours, median_trivial = statistics.median(start_ours), statistics.median(start_trivial)
    ratio = median_ours / median_trivial
    line_count = text.count("\n")
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
        f"{line_count}-line document ({len(text.encode()) // 1024} KB, {len(initial)} findings), "
        f"{models} models in the registry; {args.runs} samples per row\n"
    )
    print("| measurement | samples | p50 (ms) | p99 (ms) | max (ms) | target |")
    print("|---|---|---|---|---|---|")
    for line, _met in rows:
        print(line)
    print(f"| didOpen -> first publishDiagnostics | 1 | {open_ms:.2f} | | | |")
    print(
        f"| anchor: trivial pygls server, didChange -> empty publishDiagnostics | {len(anchor)} "
        f"| {anchor_p50:.2f} | {anchor_p99:.2f} | {max(anchor):.2f} | |"
    )
    print("\nAs ratios to the anchor (same run):\n")
    print("| measurement | p50 / anchor p50 | p99 / anchor p99 |")
    print("|---|---|---|")
    for label, samples in (("didChange, clean", typing), ("didChange, findings", typing_heavy)):
        print(
            f"| {label} | {percentile(samples, 0.5) / anchor_p50:.1f} "
            f"| {percentile(samples, 0.99) / anchor_p99:.1f} |"
        )
    print()
    print("| start-up: spawn -> initialize result | runs | min (ms) | median (ms) |")
    print("|---|---|---|---|")
    print(
        f"| trivial pygls server | {args.starts} | {min(start_trivial) * 1000:.0f} | "
        f"{median_trivial * 1000:.0f} |"
    )
    print(
        f"| modelfile-ls | {args.starts} | {min(start_ours) * 1000:.0f} | "
        f"{median_ours * 1000:.0f} |"
    )
    print(f"\nstart-up ratio (median): {ratio:.2f} (target <= 1.20)")
    print("\nIn-process breakdown of didChange -> publishDiagnostics (same edits, CPU time):\n")
    print("| stage | p50 (ms) | p99 (ms) |")
    print("|---|---|---|")
    for label, document, points in (
        ("clean", text, REALISTIC_POINTS),
        (f"{heavy_findings} findings", heavy, FINDINGS_POINTS),
    ):
        for stage, samples in breakdown(document, registry_path, args.runs, points).items():
            p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
            print(f"| {label}: {stage} | {p50:.2f} | {p99:.2f} |")
    met = all(m for _line, m in rows) and ratio <= 1.2
    return 0 if met else 1


def main() -> int:
    """Parse arguments and run the benchmark in a temporary directory."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--starts", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lsp-bench-") as temp:
        return asyncio.run(run(args, Path(temp)))


if __name__ == "__main__":
    sys.exit(main())
