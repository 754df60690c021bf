"""Switching a new registry to WAL waits for other processes instead of failing at once.

SQLite answers `PRAGMA journal_mode = WAL` with "database is locked" without calling the busy
handler when another process holds the file at that moment (several processes opening a new
registry together: `bench/registry_race.py` reproduces it). These tests stand in for that
process with a connection whose pragma is locked a given number of times.
"""

from __future__ import annotations

import sqlite3

import pytest

from modelfile_ls.registry import db


class LockedConnection:
    """Answers the WAL pragma with SQLite's lock error `locked` times, then succeeds."""

    def __init__(self, locked: int, error: str = "database is locked") -> None:
        self.locked = locked
        self.error = error
        self.attempts = 0

    def execute(self, sql: str) -> None:
        assert sql == "PRAGMA journal_mode = WAL"
        self.attempts += 1
        if self.attempts <= self.locked:
            raise sqlite3.OperationalError(self.error)


def test_a_locked_switch_is_tried_again_until_it_succeeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(db.time, "sleep", pauses.append)
    conn = LockedConnection(locked=6)
    db.enable_wal(conn)  # type: ignore[arg-type]
    assert conn.attempts == 7
    # Short pauses first (the other process is usually done in milliseconds), then capped.
    assert pauses == [0.005, 0.01, 0.02, 0.04, 0.08, 0.1]


def test_the_lock_error_surfaces_after_the_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]
    monkeypatch.setattr(db.time, "monotonic", lambda: clock[0])

    def advance(pause: float) -> None:
        clock[0] += 10.0

    monkeypatch.setattr(db.time, "sleep", advance)
    conn = LockedConnection(locked=100)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        db.enable_wal(conn)  # type: ignore[arg-type]
    # 30 s of busy timeout at 10 s per pause: the first attempt and three more.
    assert conn.attempts == 4


def test_other_errors_are_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db.time, "sleep", lambda pause: pytest.fail("must not wait"))
    conn = LockedConnection(locked=1, error="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        db.enable_wal(conn)  # type: ignore[arg-type]
    assert conn.attempts == 1
