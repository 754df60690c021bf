"""What the registry's CSV formats share: decoding, rows with their line numbers, and errors.

Readers collect every problem with its line and raise one `CsvError` at the end, so an
import is all-or-nothing and the user sees every bad row at once.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    """One reason one line is bad."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvError(Exception):
    """The file cannot be imported; `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        rows = len({e.line for e in errors})
        noun = "row" if rows == 1 else "rows"
        detail = "\n".join(f"{source}:{e.line}: {e.message}" for e in errors)
        super().__init__(f"{source}: {rows} bad {noun}, nothing imported\n{detail}")


def raise_if_any(source: str, errors: list[RowError]) -> None:
    """Raise one CsvError listing every bad row in line order, if there is any."""
    if errors:
        errors.sort(key=lambda e: e.line)
        raise CsvError(source, errors)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped); bad bytes are a located CsvError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvError(source, [RowError(line, f"not valid UTF-8 ({exc.reason})")]) from exc


def read_rows(
    data: bytes,
    source: str,
    required: Sequence[str],
    errors: list[RowError],
    optional: Sequence[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) for each data row; the header starts with `required`, then any columns
    (or, when `optional` is given, only those).

    Header problems raise at once (nothing else can be read); a malformed or short row is
    added to `errors` and skipped, so the caller still sees every other row.
    """
    reader = csv.reader(io.StringIO(decode(data, source), newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvError(source, [RowError(1, f"unreadable header: {exc}")]) from exc
    if header is None:
        raise CsvError(source, [RowError(1, "the file is empty; expected a header line")])
    if tuple(header[: len(required)]) != tuple(required):
        expected = ",".join(required)
        raise CsvError(source, [RowError(1, f"the header must start with {expected}")])
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        raise CsvError(source, [RowError(1, f"duplicate columns: {', '.join(duplicates)}")])
    if any(not c.strip() for c in header):
        raise CsvError(source, [RowError(1, "a column name is empty")])
    unknown = [c for c in header[len(required) :] if optional is not None and c not in optional]
    if unknown and optional is not None:
        allowed = ", ".join(optional)
        raise CsvError(
            source, [RowError(1, f"unknown columns {', '.join(unknown)} (optional: {allowed})")]
        )
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            errors.append(RowError(start, f"malformed CSV: {exc}"))
            return
        if row is None:
            return
        line = reader.line_num
        if not row:
            continue
        if len(row) != len(header):
            errors.append(
                RowError(start, f"expected {len(header)} fields like the header, got {len(row)}")
            )
            continue
        yield start, dict(zip(header, row, strict=True))


def parse_float(text: str, column: str, meaning: str, problems: list[str]) -> float | None:
    """A finite number >= 0, or None when empty; a problem is appended otherwise."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(f"{column} must be a number ({meaning}), got {text!r}")
        return None
    if not math.isfinite(value) or value < 0:
        problems.append(f"{column} must be a finite number >= 0, got {text!r}")
        return None
    return value


def parse_int(text: str, column: str, problems: list[str]) -> int | None:
    """A positive whole number, or None when empty; a problem is appended otherwise."""
    if not text:
        return None
    if not text.isdigit() or int(text) <= 0:
        problems.append(f"{column} must be a positive whole number, got {text!r}")
        return None
    return int(text)


def format_float(value: float | None) -> str:
    """Shortest text that reads back as the same float ("" for unknown)."""
    return "" if value is None else repr(value)
