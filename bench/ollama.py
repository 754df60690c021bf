"""Ollama operations: hashing throughput against `sha256sum`, and create's cost over the upload.

Run: `.venv/bin/python bench/ollama.py [--size-mib N] [--runs N]` from the project root with
the package installed in that venv (it imports the fake Ollama from `tests/`).
It writes one file of N MiB of random bytes (default 256, so the page cache holds it and both
sides read memory, not disk), then prints Markdown tables of the median over the runs:
- hashing: `sha256sum FILE` (the anchor, a fresh process each run) and `sha256_file` (in
  process), as a ratio to the anchor;
- create, against the fake Ollama on loopback (a fresh server each run, so every blob is
  missing): the bare `upload_blob` of the file (the anchor), then the whole `create` of a
  Modelfile `FROM ./model.gguf` (build the body, hash, HEAD, upload, the create stream, every
  event consumed), as a ratio to the upload alone and to the hash plus the upload.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from modelfile_ls.ollama.create import create
from modelfile_ls.ollama.digest import sha256_file
from modelfile_ls.ollama.events import Done, never
from modelfile_ls.ollama.hosts import Hosts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.fake_ollama import FakeOllama  # noqa: E402

GGUF = b"GGUF\x03\x00\x00\x00" + bytes(16)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def write_weights(path: Path, size: int) -> None:
    """A GGUF header then random bytes (incompressible, nothing for a hole to skip)."""
    with path.open("wb") as handle:
        handle.write(GGUF)
        left = size - len(GGUF)
        while left > 0:
            chunk = os.urandom(min(left, 1 << 24))
            handle.write(chunk)
            left -= len(chunk)


def sha256sum(path: Path) -> None:
    """The anchor: coreutils hashing the same file in a fresh process."""
    subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)


def upload(path: Path, digest: str) -> None:
    """The bare upload of the file to a fresh fake."""
    with FakeOllama() as fake, Hosts([fake.url], read_timeout=600.0) as hosts:
        hosts.primary().upload_blob(digest, path, never, lambda _: None)


def create_model(modelfile: Path) -> None:
    """The whole create on a fresh fake, every event consumed."""
    with FakeOllama() as fake, Hosts([fake.url], read_timeout=600.0) as hosts:
        events = list(create(hosts, "bench", modelfile.read_text(), modelfile, never))
    assert isinstance(events[-1], Done), events[-1]


def main() -> None:
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    size = options.size_mib << 20
    with tempfile.TemporaryDirectory(prefix="bench-ollama-") as scratch:
        weights = Path(scratch) / "model.gguf"
        write_weights(weights, size)
        modelfile = Path(scratch) / "Modelfile"
        modelfile.write_text("FROM ./model.gguf\n")
        digest = sha256_file(weights, never, lambda _: None)  # also warms the page cache
        anchor = median_seconds(lambda: sha256sum(weights), options.runs)
        ours = median_seconds(lambda: sha256_file(weights, never, lambda _: None), options.runs)
        sent = median_seconds(lambda: upload(weights, digest), options.runs)
        whole = median_seconds(lambda: create_model(modelfile), options.runs)
    mib = options.size_mib
    print(f"File: {mib} MiB of random bytes, {options.runs} runs, medians.\n")
    print("| hashing | median (s) | MiB/s | / sha256sum |")
    print("|---|---|---|---|")
    print(f"| sha256sum (anchor) | {anchor:.3f} | {mib / anchor:.0f} | 1.00 |")
    print(f"| sha256_file | {ours:.3f} | {mib / ours:.0f} | {ours / anchor:.2f} |")
    print()
    print("| against the fake | median (s) | / upload | / (hash + upload) |")
    print("|---|---|---|---|")
    print(f"| upload_blob (anchor) | {sent:.3f} | 1.00 | |")
    print(f"| create | {whole:.3f} | {whole / sent:.2f} | {whole / (ours + sent):.2f} |")


if __name__ == "__main__":
    main()
