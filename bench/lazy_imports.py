"""What each function-local (lazy) import in the package saves: its marginal import time.

Run: `.venv/bin/python bench/lazy_imports.py [--runs N]` from the project root.
For every lazy import it starts N fresh interpreters that first import what that code path has
already loaded (the baseline), then time importing the lazy module on top (median, in ms), and
prints a Markdown table with each cost as a ratio to the anchor: importing everything a clean
`modelfile-ls --check` run loads, measured in a run paired with each sample. A comment at each
lazy import in the package cites its row.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

CHECK_PATH = (
    "modelfile_ls.cli",
    "modelfile_ls.check",
    "modelfile_ls.report.text",
    "modelfile_ls.analysis.rules",
)
"""What a clean `--check` run imports (the anchor, and the baseline of the check-path rows)."""
SERVER = ("modelfile_ls.lsp.server",)
REGISTRY_CLI = ("modelfile_ls.registry.cli",)

CASES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("check path: traceback (engine, on a rule crash)", CHECK_PATH, "traceback"),
    ("check path: difflib (suggest, on a misspelling)", CHECK_PATH, "difflib"),
    ("check path: tomllib (settings, with a config file)", CHECK_PATH, "tomllib"),
    ("check path: platformdirs (locations, default registry)", CHECK_PATH, "platformdirs"),
    ("check path: tempfile", CHECK_PATH, "tempfile"),
    ("check path: inspect (rule descriptions: --explain, SARIF, hover)", CHECK_PATH, "inspect"),
    ("check path: cattrs", CHECK_PATH, "cattrs"),
    ("check path: the registry (sqlite3; --registry)", CHECK_PATH, "modelfile_ls.registry"),
    ("check path: the language server (pygls, lsprotocol)", CHECK_PATH, "modelfile_ls.lsp.server"),
    ("check path: httpx", CHECK_PATH, "httpx"),
    ("check path: the TEMPLATE parser (MF302, MF303, MF401)", CHECK_PATH, "modelfile_ls.template"),
    ("check path: re (a TEMPLATE, REQUIRES, suppression, misspelling or folder)", CHECK_PATH, "re"),
    ("check path: json (an ADAPTER's PEFT config; the json report)", CHECK_PATH, "json"),
    ("check path: contextlib", CHECK_PATH, "contextlib"),
    ("check path: enum, functools, collections", CHECK_PATH, "enum, functools, collections"),
    ("check path: report json", CHECK_PATH, "modelfile_ls.report.json_report"),
    ("check path: report github", CHECK_PATH, "modelfile_ls.report.github"),
    ("check path: report sarif", CHECK_PATH, "modelfile_ls.report.sarif"),
    ("cli only: the check path (for sub-commands, --explain)", ("modelfile_ls.cli",), "CHECK"),
    ("server: the analysis (before initialize)", SERVER, "modelfile_ls.analysis.incremental"),
    ("server: the features", SERVER, "modelfile_ls.features"),
    ("server: the registry", SERVER, "modelfile_ls.registry"),
    ("server: the Ollama client (httpx)", SERVER, "modelfile_ls.ollama.client"),
    ("registry cli: the Ollama client (httpx)", REGISTRY_CLI, "modelfile_ls.ollama.client"),
    ("registry cli: the HTTP API", REGISTRY_CLI, "modelfile_ls.registry.http_api"),
    ("registry cli: difflib", REGISTRY_CLI, "difflib"),
)


def _script(baseline: tuple[str, ...], target: str) -> str:
    imports = "; ".join(f"import {name}" for name in baseline)
    targets = CHECK_PATH if target == "CHECK" else (target,)
    timed = "; ".join(f"import {name}" for name in targets)
    return (
        f"{imports}\nimport time\nt = time.perf_counter()\n{timed}\nprint(time.perf_counter() - t)"
    )


def _time(script: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return float(done.stdout) * 1000


def marginal(baseline: tuple[str, ...], target: str, runs: int) -> tuple[float, float, float]:
    """Median ms to import `target` in a fresh interpreter that has imported `baseline`, the
    median anchor, and the median of the per-pair ratios (each run is paired with an anchor
    run right after it, so load on a shared machine affects both alike)."""
    script, anchor_script = _script(baseline, target), _script((), "CHECK")
    pairs = [(_time(script), _time(anchor_script)) for _ in range(runs)]
    return (
        statistics.median(cost for cost, _ in pairs),
        statistics.median(anchor for _, anchor in pairs),
        statistics.median(cost / anchor for cost, anchor in pairs),
    )


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    print(f"Medians of {runs} runs, each paired with an anchor run.\n")
    print("| lazy import | marginal ms | anchor ms | ratio to anchor |")
    print("|---|---|---|---|")
    for label, baseline, target in CASES:
        cost, anchor, ratio = marginal(baseline, target, runs)
        print(f"| {label} | {cost:.1f} | {anchor:.1f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
