"""Where the registry file lives, how it is opened, and the one way to write to it.

Every connection uses WAL (readers never wait for a writer) and a busy timeout (writers queue
instead of failing with "database is locked"). Every write happens inside `write()`, a
`BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two processes never both
read, then both try to upgrade and deadlock.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

BUSY_TIMEOUT_S = 30.0
"""How long a writer waits for another writer; a 10,000-row import takes well under a second."""
_WAL_RETRY_S = 0.005
"""First pause between attempts to switch a new file to WAL (doubled up to 0.1 s)."""
RESET_HINT = "run `modelfile-ls registry reset` to recreate it"


class RegistryError(Exception):
    """The registry cannot be used; the message names the file and what to do."""

    exit_code = 2


class RegistryBusy(RegistryError):
    """Another process held the write lock for longer than the busy timeout."""

    exit_code = 1


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the shared pragmas."""
    if path.is_dir():
        raise RegistryError(f"registry path {path} is a directory, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RegistryError(f"cannot create the directory for registry {path}: {exc}") from exc
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise RegistryError(f"cannot open registry {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from exc
    return conn


def translate(exc: sqlite3.Error, path: Path) -> RegistryError:
    """A user-facing error for an SQLite failure; corruption names the reset command."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return RegistryBusy(
            f"registry {path} is busy: another process kept it locked for more than "
            f"{BUSY_TIMEOUT_S:.0f} s ({text})"
        )
    if isinstance(exc, sqlite3.OperationalError) and (
        "readonly" in text or "unable to open" in text or "disk I/O" in text
    ):
        return RegistryError(f"cannot write registry {path}: {text}")
    return RegistryError(f"registry {path} is not a usable database ({text}); {RESET_HINT}")


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL (persistent in its header), waiting like any other writer.

    The switch needs the file to itself, and SQLite answers "database is locked" at once when
    another connection holds any lock on it, without calling the busy handler: processes that
    open a new registry together (first use) would fail instead of queueing. So this waits
    for the busy timeout itself, pausing briefly between attempts.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = _WAL_RETRY_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One `BEGIN IMMEDIATE` transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # BaseException too: a KeyboardInterrupt mid-import must not leave a half transaction
        # open on a connection that is about to be reused.
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def remove_database_files(path: Path) -> None:
    """Delete the database and its WAL side files (a stale WAL must never meet a new file)."""
    for suffix in ("-wal", "-shm", "-journal", ""):
        with suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
