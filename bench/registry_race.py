"""Reproducer: many processes opening one new registry at the same moment (first use).

    .venv/bin/python bench/registry_race.py [--processes 8] [--rounds 20]

Each round starts `--processes` children on a registry path that does not exist yet; each
says "ready", waits for the word on stdin, then opens the registry (create, migrate, seed)
and reads its stats. It prints how many opens failed, grouped by the error's last line, and
exits 1 if any did. Not a timing: the figure is a count of failures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

CHILD = """
import sys
from modelfile_ls.registry import open_registry
sys.stdout.write("ready\\n")
sys.stdout.flush()
sys.stdin.readline()
with open_registry(sys.argv[1]) as registry:
    registry.stats()
"""


def one_round(processes: int, folder: Path) -> list[str]:
    """The error lines of the children that failed to open a new registry in `folder`."""
    database = folder / "new" / "registry.sqlite3"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(database)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    failures = []
    for child in children:
        assert child.stderr is not None
        errors = child.stderr.read()
        if child.wait() != 0:
            lines = errors.strip().splitlines()
            line = lines[-1] if lines else f"exit {child.returncode}"
            failures.append(line.replace(str(folder), "<folder>"))
    return failures


def main() -> int:
    """Run the rounds and print the failure count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    failures: Counter[str] = Counter()
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            failures.update(one_round(args.processes, Path(folder)))
    total = args.processes * args.rounds
    print(f"{sum(failures.values())} of {total} opens failed")
    for line, count in failures.most_common():
        print(f"{count} x {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
