"""The one atomic file writer: complete content or the old file, never half, and durable."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls import atomic
from modelfile_ls.atomic import write_atomically


def test_writes_text_as_utf8_and_bytes_as_given(tmp_path: Path) -> None:
    text_file, byte_file = tmp_path / "report.txt", tmp_path / "seed.bin"
    write_atomically(text_file, "héllo\r\nworld\n")
    write_atomically(byte_file, b"\x00\xff")
    assert text_file.read_bytes() == "héllo\r\nworld\n".encode()
    assert byte_file.read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "seed.bin"]


def test_replaces_an_existing_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous")
    write_atomically(target, "new")
    assert target.read_text() == "new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous")

    def refuse(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_writes_text_in_pieces_as_one_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    write_atomically(target, iter(["a é\n", "", "b\r\n"]))
    assert target.read_bytes() == "a é\nb\r\n".encode()


def test_pieces_that_fail_midway_keep_the_old_file_and_leave_no_temporary(
    tmp_path: Path,
) -> None:
    """A report rendered while it is written (`report.render_pieces`) that fails after its
    first piece leaves the previous report whole."""
    target = tmp_path / "report.txt"
    target.write_text("previous")

    def pieces() -> Iterator[str]:
        yield "half of a report\n"
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError, match="rendering failed"):
        write_atomically(target, pieces())
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "no-dir" / "x.csv", "data")


def test_syncs_the_file_and_its_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def record(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(atomic.os, "fsync", record)
    write_atomically(tmp_path / "out.txt", "data")
    expected = [False, True] if hasattr(os, "O_DIRECTORY") else [False]
    assert synced == expected


def test_every_file_the_package_writes_goes_through_it() -> None:
    package = Path(atomic.__file__).parent
    writes = re.compile(
        r"os\.replace\(|os\.rename\(|\.write_(text|bytes)\(|mkstemp\(|NamedTemporaryFile"
        r"|open\([^)]*[\"'][wax]b?\+?[\"']"
    )
    writing = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "atomic.py" and writes.search(path.read_text(encoding="utf-8"))
    }
    assert not writing, f"write files with modelfile_ls.atomic.write_atomically: {sorted(writing)}"
