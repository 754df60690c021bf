"""Listing output for the CLI: tables that fit the terminal, JSON, and CSV."""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO, TypeVar

FORMATS = ("table", "json", "csv")
MIN_FLEX = 12
"""Narrowest a shrinkable column gets before other columns are cut as well."""


@dataclass(frozen=True, slots=True)
class Column:
    """A table/CSV column: the row key, its header, and whether it may shrink to fit."""

    key: str
    header: str
    flex: bool = False


def terminal_width() -> int:
    """Columns available: $COLUMNS or the terminal, else 100."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def cell(value: Any) -> str:
    """A value as table/CSV text: lists joined, None empty, floats short, booleans yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return str(value)


def width(text: str) -> int:
    """Display width: wide East Asian characters take two columns, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def truncate(text: str, limit: int) -> str:
    """Cut to `limit` display columns, ending with an ellipsis when cut."""
    if width(text) <= limit:
        return text
    out, used = "", 0
    for char in text:
        w = width(char)
        if used + w > limit - 1:
            break
        out += char
        used += w
    return out + "…"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _fit(widths: list[int], columns: Sequence[Column], available: int) -> list[int]:
    """Shrink the widest flexible column one step at a time; fixed columns only as a last resort."""
    total = sum(widths) + 2 * (len(widths) - 1)
    for flexible in (True, False):
        while total > available:
            floors = [MIN_FLEX if c.flex else max(4, width(c.header)) for c in columns]
            candidates = [
                i for i, c in enumerate(columns) if c.flex == flexible and widths[i] > floors[i]
            ]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1
            total -= 1
    return widths


def write_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    out: TextIO,
    available: int | None = None,
) -> None:
    """Aligned columns; flexible columns shrink (with …) so each line fits the terminal."""
    texts = [[_flat(cell(row.get(c.key))) for c in columns] for row in rows]
    widths = [max([width(c.header)] + [width(t[i]) for t in texts]) for i, c in enumerate(columns)]
    widths = _fit(widths, columns, available or terminal_width())
    lines = [[c.header for c in columns], *texts]
    for line in lines:
        parts = []
        for i, text in enumerate(line):
            text = truncate(text, widths[i])
            pad = "" if i == len(line) - 1 else " " * (widths[i] - width(text))
            parts.append(text + pad)
        out.write("  ".join(parts).rstrip() + "\n")


def write_pairs(
    pairs: Sequence[tuple[str, Any]], out: TextIO, available: int | None = None
) -> None:
    """`key  value` lines; long values wrap under the value column."""
    key_width = max((width(k) for k, _ in pairs), default=0)
    room = max(20, (available or terminal_width()) - key_width - 2)
    for key, value in pairs:
        text = cell(value)
        wrapped: list[str] = []
        for paragraph in text.split("\n") or [""]:
            wrapped += textwrap.wrap(paragraph, room, break_on_hyphens=False) or [""]
        pad = " " * (key_width - width(key))
        out.write(f"{key}{pad}  {wrapped[0]}".rstrip() + "\n")
        for rest in wrapped[1:]:
            out.write(" " * (key_width + 2) + rest + "\n")


def write_json(data: Any, out: TextIO) -> None:
    """Pretty JSON, UTF-8 characters kept."""
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[Column], out: TextIO) -> None:
    """CSV with the column keys as header; values untruncated (lists comma-joined)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([_csv_cell(row.get(c.key)) for c in columns])


def _csv_cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(_csv_cell(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def emit(
    fmt: str,
    out: TextIO,
    *,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    data: Any,
) -> None:
    """Write a listing in the chosen format (`data` is the JSON form)."""
    if fmt == "json":
        write_json(data, out)
    elif fmt == "csv":
        write_csv(rows, columns, out)
    else:
        write_table(rows, columns, out)


class Record(Protocol):
    """A stored thing with a JSON form (the registry's records)."""

    def to_json(self) -> dict[str, Any]:
        """The record as JSON."""
        ...


R = TypeVar("R", bound=Record)


def emit_records(
    fmt: str,
    out: TextIO,
    records: Sequence[R],
    columns: Sequence[Column],
    row: Callable[[R], dict[str, Any]],
) -> None:
    """Write records as a listing: `row` gives a record's table and CSV cells, its `to_json`
    the JSON form."""
    rows = [row(r) for r in records]
    emit(fmt, out, rows=rows, columns=columns, data=[r.to_json() for r in records])


def human_size(size: int) -> str:
    """Bytes as Ollama's CLI shows them (decimal units: 2.0 GB)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
