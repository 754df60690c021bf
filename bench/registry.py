"""Registry benchmark: first-use seeding, and open + completion-style queries on 10,000 models.

    python bench/registry.py [--models 10000] [--runs 500]

Targets (issue): opening the registry and one completion-style query (models by name prefix,
a model's default parameters) under 5 ms with 10,000 models; seeding on first use under
0.5 s. Each "open + query" run opens a new connection (as a CLI call or a fresh LSP would),
runs `models_by_prefix` and `default_parameters` (what FROM and PARAMETER completion ask the
registry; parameter names come from the facts files), and closes it.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stats import percentile

from modelfile_ls.registry import ModelEntry, Variant, open_registry

FAMILIES = ("llama", "qwen", "gemma", "mistral", "phi", "granite", "deepseek", "smollm")
PREFIXES = ("ll", "qwen", "gem", "mistral-1", "phi3", "gr", "deepseek-9", "s", "x", "llama-12")
DEFAULTS_OF = ("llama3.2", "qwen3:8b", "gemma3", "mistral", "no-such-model", "phi4")

COLD_QUERY = """
import sys, time
from modelfile_ls.registry import open_registry
start = time.perf_counter()
registry = open_registry(sys.argv[1])
registry.models_by_prefix("qwen", 20)
registry.default_parameters("llama3.2")
registry.close()
print(time.perf_counter() - start)
"""

COLD_SEED = """
import sys, time
from modelfile_ls.registry import open_registry
start = time.perf_counter()
open_registry(sys.argv[1]).close()
print(time.perf_counter() - start)
"""


def synthetic(count: int) -> list[ModelEntry]:
    """`count` plausible models: family-prefixed names, three sized tags each."""
    return [
        ModelEntry(
            name=f"{FAMILIES[i % len(FAMILIES)]}-{i}",
            display_name=f"Model {i}",
            family=FAMILIES[i % len(FAMILIES)].title(),
            description=f"Synthetic benchmark model number {i} with a sentence of text.",
            capabilities=("completion", "chat") + (("tools",) if i % 3 == 0 else ()),
            tags=("bench", "small" if i % 2 else "large"),
            variants=tuple(Variant(f"{n}b", float(n), 8192, "Q4_K_M") for n in (1, 7, 70)),
            latest="7b",
        )
        for i in range(count)
    ]


def bench_seed(directory: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds to create and seed a registry: in this process, and in fresh processes."""
    warm = []
    for i in range(runs):
        path = directory / f"seed-{i}.sqlite3"
        start = time.perf_counter()
        open_registry(path).close()
        warm.append(time.perf_counter() - start)
    fresh = [cold(COLD_SEED, directory / f"cold-{i}.sqlite3", 1)[0] for i in range(5)]
    return warm, fresh


def cold(script: str, path: Path, runs: int) -> list[float]:
    """Seconds `script` reports in fresh processes (Python start-up and imports excluded)."""
    found = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
        )
        found.append(float(result.stdout))
    return found


def bench_queries(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds for open + both prefix queries + close, and for the queries alone."""
    with open_registry(path) as registry:
        registry.models_by_prefix("warm-up", 20)
    total = []
    for i in range(runs):
        start = time.perf_counter()
        registry = open_registry(path)
        registry.models_by_prefix(PREFIXES[i % len(PREFIXES)], 20)
        registry.default_parameters(DEFAULTS_OF[i % len(DEFAULTS_OF)])
        registry.close()
        total.append((time.perf_counter() - start) * 1000)
    queries = []
    with open_registry(path) as registry:
        for i in range(runs):
            start = time.perf_counter()
            registry.models_by_prefix(PREFIXES[i % len(PREFIXES)], 20)
            registry.default_parameters(DEFAULTS_OF[i % len(DEFAULTS_OF)])
            queries.append((time.perf_counter() - start) * 1000)
    return total, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="registry-bench-") as temp:
        directory = Path(temp)
        warm, fresh = bench_seed(directory, 20)
        path = directory / "big.sqlite3"
        with open_registry(path) as registry:
            start = time.perf_counter()
            registry.import_entries(synthetic(args.models))
            imported = time.perf_counter() - start
            models = registry.stats()["models"]
        total, queries = bench_queries(path, args.runs)
        first = [t * 1000 for t in cold(COLD_QUERY, path, 5)]
    print(
        f"python {platform.python_version()}, sqlite {sqlite3.sqlite_version}, {platform.machine()}"
    )
    print(
        f"seed on first use (in process, 20 runs): p50 {statistics.median(warm) * 1000:.1f} ms, "
        f"max {max(warm) * 1000:.1f} ms"
    )
    print(
        f"seed on first use (fresh process, {len(fresh)} runs, imports excluded): "
        f"p50 {statistics.median(fresh) * 1000:.1f} ms, max {max(fresh) * 1000:.1f} ms"
    )
    print(f"import of {args.models} models (one transaction): {imported:.2f} s")
    print(
        f"open + models_by_prefix + default_parameters + close, {models} models, "
        f"{args.runs} runs: p50 {percentile(total, 0.5):.2f} ms, "
        f"p99 {percentile(total, 0.99):.2f} ms"
    )
    print(
        f"the same, first call in a fresh process ({len(first)} runs, imports excluded): "
        f"p50 {statistics.median(first):.2f} ms, max {max(first):.2f} ms"
    )
    print(
        f"the two queries alone on an open registry: p50 {percentile(queries, 0.5):.2f} ms, "
        f"p99 {percentile(queries, 0.99):.2f} ms"
    )
    failed = percentile(total, 0.99) >= 5 or max(warm + fresh) >= 0.5
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
