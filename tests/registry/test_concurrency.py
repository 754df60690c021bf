"""Several processes at once, and a process killed inside an import's transaction.

No sleeps: children say "ready"/"inside" on a pipe and wait for a line on stdin, so the
parent knows exactly where each child is.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from modelfile_ls.registry import ModelEntry, Variant, open_registry
from modelfile_ls.registry.csvio import write_csv
from tests.conftest import ROOT

IMPORTER = """
import sys
from modelfile_ls.registry.cli import main
sys.stdout.write("ready\\n")
sys.stdout.flush()
sys.stdin.readline()
sys.exit(main(["--registry", sys.argv[1], "import", sys.argv[2]]))
"""

STUCK_IMPORTER = """
import sys
from modelfile_ls.registry import open_registry
from modelfile_ls.registry.csvio import read_csv

entries = read_csv(open(sys.argv[2], "rb").read())
registry = open_registry(sys.argv[1])

def progress(done, total):
    if done == total // 2:
        sys.stdout.write("inside\\n")
        sys.stdout.flush()
        sys.stdin.readline()  # hold the transaction open until the parent kills us

registry.import_entries(entries, progress=progress)
sys.stdout.write("committed\\n")
"""


def _write_models(path: Path, prefix: str, count: int) -> None:
    entries = [
        ModelEntry(
            name=f"{prefix}-{i}",
            display_name=f"{prefix} {i}",
            family=prefix,
            description="x" * 200,
            capabilities=("completion", "chat"),
            tags=("bulk", prefix),
            variants=tuple(Variant(f"{n}b", float(n), 4096, "Q4_K_M") for n in (1, 3, 7)),
            latest="3b",
        )
        for i in range(count)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(entries, handle)


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_four_processes_create_and_import_at_once(tmp_path: Path) -> None:
    database = tmp_path / "shared" / "registry.sqlite3"  # does not exist yet: first use races too
    files = []
    for n in range(4):
        csv_file = tmp_path / f"part{n}.csv"
        _write_models(csv_file, f"p{n}", 400)
        files.append(csv_file)
    children = [_spawn(IMPORTER, str(database), str(f)) for f in files]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    results = [(child.wait(timeout=120), child.stdout, child.stderr) for child in children]
    for code, out, err in results:
        assert out is not None and err is not None
        errors = err.read()
        assert code == 0, errors
        assert "locked" not in errors
        assert "imported 400 models (400 new" in out.read()
    with open_registry(database) as registry:
        stats = registry.stats()
        assert stats["models"] == 140 + 4 * 400
        assert {f"p{n}" for n in range(4)} <= {c.name for c in registry.families()}


def _snapshot(database: Path) -> str:
    with open_registry(database) as registry:
        out = io.StringIO()
        write_csv(registry.all_models(), out)
        return out.getvalue()


def test_a_process_killed_mid_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    database = tmp_path / "registry.sqlite3"
    csv_file = tmp_path / "big.csv"
    _write_models(csv_file, "big", 3000)
    before = _snapshot(database)
    child = _spawn(STUCK_IMPORTER, str(database), str(csv_file))
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "inside\n", child.stderr.read() if child.stderr else line
        # The writer is mid-transaction; a reader still sees the old state, unblocked (WAL).
        assert _snapshot(database) == before
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(database) == before
    check = sqlite3.connect(database).execute("PRAGMA integrity_check").fetchone()
    assert check == ("ok",)
    # And the registry is writable again: the killed writer's lock died with it.
    with open_registry(database) as registry:
        registry.import_entries([ModelEntry("after", "After")])
        assert registry.model("after") is not None
