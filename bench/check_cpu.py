"""CPU time (user + sys) of whole `--check` processes from two source trees, run in turns.

Run: `python3 -m venv /tmp/plain && /tmp/plain/bin/python bench/check_cpu.py BEFORE_TREE
AFTER_TREE [--runs N]` from the project root, each tree a checkout of the package with its
extensions built in place (`git worktree add --detach DIR COMMIT`, then an editable install
of it anywhere), put first on `PYTHONPATH` for its runs. A bare venv's Python, because an
editable install's import hook (pathlib and all) would add the same ~10 ms to both trees.
It checks the inputs of `bench/check.py` (the 1.5k-line files and the 10 MB ones, the short lines
also with accents and CRLF ends) and prints a
Markdown table: the median CPU seconds over N runs of each tree, each as a ratio to the median
CPU time of `python -c pass` measured in the same run.

Wall time on the shared two-core machine moves with the other engineers' load; the CPU a
process itself uses moves much less, and both trees run in turns under the same load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from check import big_file, findings_file, realistic_file, short_lines_file

MIB = 1024 * 1024
CASES = (
    ("1.5k lines, clean", "clean", "text"),
    ("1.5k lines, ~600 findings", "findings", "text"),
    ("10 MB long messages", "long", "text"),
    ("10 MB short lines, text", "short", "text"),
    ("10 MB short lines, json", "short", "json"),
    ("10 MB short lines, sarif", "short", "sarif"),
    ("10 MB short lines, CRLF ends and accents, text", "accented", "text"),
)


def cpu_seconds(command: list[str], env: dict[str, str], folder: str) -> float:
    """User plus system CPU seconds of one child process, run in `folder` (`-m` puts the
    working directory first on `sys.path`: in the project root it would beat `PYTHONPATH`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=folder
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def median_cpu(
    command: list[str], envs: list[dict[str, str]], folder: str, runs: int
) -> list[float]:
    """Median CPU seconds of the command under each environment, over `runs` rounds in which
    each takes its turn, after one warm-up each (bytecode written)."""
    samples: list[list[float]] = [[] for _ in envs]
    for round_ in range(runs + 1):
        for env, times in zip(envs, samples, strict=True):
            seconds = cpu_seconds(command, env, folder)
            if round_:
                times.append(seconds)
    return [statistics.median(times) for times in samples]


def main() -> int:
    """Write the inputs, time both trees in turns and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        help="leave out the inputs whose label holds this text (repeatable): `--skip sarif`",
    )
    options = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    trees = [
        {**base, "PYTHONPATH": str(Path(tree).resolve())}
        for tree in (options.before, options.after)
    ]
    inputs = {
        "clean": realistic_file(1500).encode(),
        "findings": findings_file(1500).encode(),
        "long": big_file(10 * MIB),
        "short": short_lines_file(10 * MIB),
        # A French few-shot file saved on Windows: every message and SYSTEM line holds
        # non-ASCII text, which the lexer reads rune by rune (its C fast path takes printable
        # ASCII only), and every line ends in CR LF.
        "accented": short_lines_file(10 * MIB)
        .replace(b"Answer", "Réponds".encode())
        .replace(b"What is", "Où est".encode())
        .replace(b"It is", "C'est à".encode())
        .replace(b"\n", b"\r\n"),
    }
    with tempfile.TemporaryDirectory() as folder:
        [anchor] = median_cpu([sys.executable, "-c", "pass"], trees[:1], folder, options.runs)
        print(f"anchor `python -c pass`: {anchor:.3f} s CPU (median of {options.runs})\n")
        print("| input | before (s CPU) | before / anchor | after (s CPU) | after / anchor |")
        print("|---|---|---|---|---|")
        for name, data in inputs.items():
            (Path(folder) / f"{name}.Modelfile").write_bytes(data)
        for label, name, fmt in CASES:
            if any(part in label for part in options.skip):
                continue
            path = str(Path(folder) / f"{name}.Modelfile")
            command = [sys.executable, "-m", "modelfile_ls", "--check", path, "--format", fmt]
            command += ["--fail-on", "never"]
            before, after = median_cpu(command, trees, folder, options.runs)
            print(
                f"| {label} | {before:.3f} | {before / anchor:.1f} "
                f"| {after:.3f} | {after / anchor:.1f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
