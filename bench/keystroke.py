"""CPU cost of one keystroke in the language server: didChange -> publishDiagnostics, in process.

    .venv/bin/python bench/keystroke.py [--runs 300] [--rounds 3] [--instructions]

The server's own handlers (document store, incremental parse, incremental analysis, the
diagnostics conversion, pygls writing the notification to a discarding transport) type one
character and delete it again at three places of two 1.5k-line documents of
`bench/check.py`: `findings_file(1500, repeated=1)` (few-shot blocks that set `temperature`
again in each: ~300 MF108 findings; typing on line 3 with ~1,200 instructions after it, in a
MESSAGE in the middle and near the end) and the clean `realistic_file(1500)`. Times are CPU
time (`time.process_time`, which other jobs on a shared machine disturb far less than wall
time), each as a ratio to an anchor measured in the same run: a fixed 10^6-step Python loop
(`bench/check.py`'s `anchor_loop`, here in CPU time, best of five).

`--instructions` counts instructions instead, with valgrind's callgrind (no timer at all, so
the load of the machine does not enter): the whole keystroke loop of the findings document
and the anchor loop, each run with and without the measured part, the difference divided by
the number of keystrokes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import findings_file, realistic_file
from lsp import FINDINGS_POINTS, REALISTIC_POINTS, breakdown
from registry import synthetic
from stats import percentile

from modelfile_ls.registry import open_registry

DOCUMENTS = (
    ("~300 findings", lambda: findings_file(1500, repeated=1), FINDINGS_POINTS),
    ("clean", lambda: realistic_file(1500), REALISTIC_POINTS),
)


def anchor_cpu() -> float:
    """CPU seconds of the fixed 10^6-step loop, best of five."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        total = 0
        for number in range(1_000_000):
            total += number % 7
        best = min(best, time.process_time() - start)
    return best


def registry(directory: Path) -> Path:
    """A registry of 2,000 models, as the server would have one."""
    path = directory / "registry.sqlite3"
    with open_registry(path) as store:
        store.import_entries(synthetic(2000))
    return path


def timed(args: argparse.Namespace) -> None:
    """The CPU-time tables."""
    with tempfile.TemporaryDirectory(prefix="keystroke-") as temp:
        path = registry(Path(temp))
        rows: dict[tuple[str, str], list[float]] = {}
        anchors = []
        for _ in range(args.rounds):
            anchors.append(anchor_cpu())
            for label, make, points in DOCUMENTS:
                for stage, samples in breakdown(make(), path, args.runs, points).items():
                    rows.setdefault((label, stage), []).extend(samples)
        anchor = min(anchors)
    print(f"anchor: 10^6-step loop, {anchor * 1000:.1f} CPU ms (best of {5 * args.rounds})\n")
    print("| document: stage | samples | p50 (ms) | p99 (ms) | p99 / anchor (x 10^-3) |")
    print("|---|---|---|---|---|")
    for (label, stage), samples in rows.items():
        p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
        print(
            f"| {label}: {stage} | {len(samples)} | {p50:.2f} | {p99:.2f} "
            f"| {p99 / (anchor * 1000) * 1000:.1f} |"
        )


def callgrind(arguments: list[str]) -> int:
    """Instructions callgrind counts for this script run with `arguments`."""
    with tempfile.TemporaryDirectory(prefix="callgrind-") as temp:
        out = Path(temp) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                *arguments,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        found = re.search(r"^summary:\s*(\d+)", out.read_text(), re.MULTILINE)
        assert found is not None
        return int(found.group(1))


def counted(args: argparse.Namespace) -> None:
    """The instruction-count table."""
    keystrokes = args.runs
    work = callgrind(["--child", "keys", "--runs", str(keystrokes)])
    idle = callgrind(["--child", "keys", "--runs", "0"])
    loop = callgrind(["--child", "loop"])
    none = callgrind(["--child", "none"])
    per_keystroke = (work - idle) / keystrokes
    anchor = loop - none
    print(f"callgrind, {keystrokes} keystrokes on the ~300-findings document\n")
    print("| measured | instructions | / anchor |")
    print("|---|---|---|")
    print(f"| anchor: one 10^6-step loop | {anchor:,} | 1.000 |")
    print(f"| one keystroke (mean) | {per_keystroke:,.0f} | {per_keystroke / anchor:.3f} |")


def child(args: argparse.Namespace) -> None:
    """What runs under callgrind: the keystroke loop, the anchor loop, or nothing."""
    if args.child == "keys":
        with tempfile.TemporaryDirectory(prefix="keystroke-") as temp:
            _label, make, points = DOCUMENTS[0]
            breakdown(make(), registry(Path(temp)), args.runs, points)
    elif args.child == "loop":
        total = 0
        for number in range(1_000_000):
            total += number % 7


def main() -> int:
    """Parse the arguments and measure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--child", choices=("keys", "loop", "none"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
    elif args.instructions:
        counted(args)
    else:
        timed(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
