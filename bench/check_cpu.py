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

Each tree runs as a user runs it: through the `modelfile-ls` command, the script pip (25.2 and
later; this is 26.3's) writes for the tree's own `[project.scripts]` entry (`import sys`,
import the entry point, call it). `--via module` runs `python -m modelfile_ls` instead, which
adds what `runpy` imports (`importlib.util`, `contextlib`, `collections`, `functools`: ~1.5 ms
here) to both.
Older pips (Python 3.11's own is 23.2) write a script that also imports `re` (~3 ms).

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
import tomllib
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
    working directory first on `sys.path`: in the project root it would beat `PYTHONPATH`;
    a script puts its own folder, the temporary one)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=folder
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def median_cpu(
    runners: list[tuple[list[str], dict[str, str]]], folder: str, runs: int
) -> list[float]:
    """Median CPU seconds of each (command, environment), over `runs` rounds in which each
    takes its turn, after one warm-up each (bytecode written)."""
    samples: list[list[float]] = [[] for _ in runners]
    for round_ in range(runs + 1):
        for (command, env), times in zip(runners, samples, strict=True):
            seconds = cpu_seconds(command, env, folder)
            if round_:
                times.append(seconds)
    return [statistics.median(times) for times in samples]


def command_script(tree: Path, folder: Path, label: str) -> Path:
    """Write the `modelfile-ls` script pip writes for the tree's entry point; its path."""
    entry = tomllib.loads((tree / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = entry["modelfile-ls"].split(":")
    script = folder / f"modelfile-ls-{label}"
    script.write_text(
        f"import sys\nfrom {module} import {function}\nif __name__ == '__main__':\n"
        f"    sys.argv[0] = sys.argv[0].removesuffix('.exe')\n    sys.exit({function}())\n"
    )
    return script


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
    parser.add_argument(
        "--via",
        choices=("command", "module"),
        default="command",
        help="run each tree as the `modelfile-ls` command (default) or `python -m modelfile_ls`",
    )
    options = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    trees = [Path(tree).resolve() for tree in (options.before, options.after)]
    envs = [{**base, "PYTHONPATH": str(tree)} for tree in trees]
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
        if options.via == "command":
            starts = [
                [sys.executable, str(command_script(tree, Path(folder), label))]
                for tree, label in zip(trees, ("before", "after"), strict=True)
            ]
        else:
            starts = [[sys.executable, "-m", "modelfile_ls"]] * 2
        [anchor] = median_cpu([([sys.executable, "-c", "pass"], envs[0])], folder, options.runs)
        print(f"anchor `python -c pass`: {anchor:.4f} s CPU (median of {options.runs})\n")
        print(
            "| input | before (s CPU) | before / anchor | after (s CPU) | after / anchor "
            "| after / before |"
        )
        print("|---|---|---|---|---|---|")
        for name, data in inputs.items():
            (Path(folder) / f"{name}.Modelfile").write_bytes(data)
        for label, name, fmt in CASES:
            if any(part in label for part in options.skip):
                continue
            path = str(Path(folder) / f"{name}.Modelfile")
            arguments = ["--check", path, "--format", fmt, "--fail-on", "never"]
            runners = [(start + arguments, env) for start, env in zip(starts, envs, strict=True)]
            before, after = median_cpu(runners, folder, options.runs)
            print(
                f"| {label} | {before:.4f} | {before / anchor:.1f} "
                f"| {after:.4f} | {after / anchor:.1f} | {after / before:.3f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
