"""The language server on a very large document: the 10 MB short-lines file of `bench/check.py`.

    .venv/bin/python bench/lsp_large.py [--megabytes 10] [--edits 3]

The real server over stdio, with VS Code's recorded client capabilities, from the client's
side of the pipe (`bench/lsp.py`'s JSON-RPC client): didOpen -> publishDiagnostics, then
hover, then typing one character on line 2 and deleting it again (every later instruction
moves), each edit -> publishDiagnostics for its version. The anchor, measured in the same
run: `modelfile-ls --check FILE --format json` of the same text, which parses and analyses it
once and writes every finding. The 1.5k-line document's figures are `bench/lsp.py`'s; this
one records what a user who opens such a file gets. It prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import short_lines_file
from lsp import Client

URI = "file:///bench/large.Modelfile"


def check_seconds(path: Path) -> float:
    """Wall seconds of one `--check --format json` process over the file."""
    command = [sys.executable, "-m", "modelfile_ls", "--check", str(path), "--format", "json"]
    start = time.perf_counter()
    subprocess.run([*command, "--fail-on", "never"], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def edit(version: int, insert: bool) -> dict[str, object]:
    """didChange params: type `x` at the start of line 2, or delete it again."""
    end = 0 if insert else 1
    change = {
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": end}},
        "text": "x" if insert else "",
    }
    return {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}


async def measure(text: str, edits: int) -> dict[str, list[float]]:
    """Seconds from each notification or request to its answer, from the client's side."""
    times: dict[str, list[float]] = {"didOpen": [], "hover": [], "didChange": []}
    environment = {k: v for k, v in os.environ.items() if k != "MODELFILE_LS_REGISTRY"}
    client = await Client.spawn([sys.executable, "-m", "modelfile_ls"], environment)
    await client.initialize()
    waiting = client.expect_diagnostics(URI, 1)
    start = time.perf_counter()
    document = {"uri": URI, "languageId": "modelfile", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": document})
    await waiting
    times["didOpen"].append(time.perf_counter() - start)
    start = time.perf_counter()
    position = {"line": 1, "character": 12}
    await client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": position})
    times["hover"].append(time.perf_counter() - start)
    for version in range(2, 2 + edits):
        waiting = client.expect_diagnostics(URI, version)
        start = time.perf_counter()
        client.notify("textDocument/didChange", edit(version, insert=version % 2 == 0))
        await waiting
        times["didChange"].append(time.perf_counter() - start)
    await client.close()
    return times


def main() -> int:
    """Build the document, time the server and the anchor, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--edits", type=int, default=3)
    options = parser.parse_args()
    data = short_lines_file(options.megabytes * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.Modelfile"
        path.write_bytes(data)
        anchor = statistics.median(check_seconds(path) for _ in range(3))
    times = asyncio.run(measure(data.decode(), options.edits))
    lines = data.count(b"\n")
    print(f"Document: {lines:,} lines, {len(data) / 2**20:.1f} MiB.\n")
    print("| measurement | samples | median (s) | max (s) | median / anchor |")
    print("|---|---|---|---|---|")
    print(f"| anchor: `--check --format json` of the file | 3 | {anchor:.2f} | | 1.0 |")
    for label, samples in times.items():
        middle = statistics.median(samples)
        print(
            f"| {label} -> answer | {len(samples)} | {middle:.3f} | {max(samples):.3f} "
            f"| {middle / anchor:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
