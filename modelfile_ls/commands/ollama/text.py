"""Ollama's CLI text helpers, mirrored so our tables read as `ollama list` and `ollama ps` do:
left-aligned columns four spaces apart (its tablewriter settings) and times as
`format.HumanTime` words them (`3 weeks ago`, `4 minutes from now`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

_FRACTION = re.compile(r"(\.\d{6})\d+")


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, indent: str = "") -> str:
    """Columns padded to their widest cell, four spaces apart, no trailing spaces."""
    everything = [list(header), *map(list, rows)] if header else [list(r) for r in rows]
    if not everything:
        return ""
    widths = [
        max(len(row[i]) for row in everything if i < len(row))
        for i in range(max(len(row) for row in everything))
    ]
    lines = []
    for row in everything:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append((indent + "    ".join(cells)).rstrip())
    return "\n".join(lines) + "\n"


def parse_time(text: str) -> datetime | None:
    """An RFC 3339 time with Ollama's nanoseconds (Python keeps microseconds); None if empty
    or not a time."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(_FRACTION.sub(r"\1", text.replace("Z", "+00:00")))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def human_duration(seconds: float) -> str:
    """Go's `format.humanDuration`: `Less than a second`, `About a minute`, `3 weeks` ..."""
    whole = int(seconds)
    if whole < 1:
        return "Less than a second"
    if whole == 1:
        return "1 second"
    if whole < 60:
        return f"{whole} seconds"
    minutes = whole // 60
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = round(seconds / 3600)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{int(seconds / 3600) // 24 // 365} years"


def human_time(text: str, zero: str, now: datetime | None = None) -> str:
    """Go's `format.HumanTime`: `3 weeks ago`, `4 minutes from now`, `Forever`, or `zero`."""
    when = parse_time(text)
    if when is None or when.year <= 1:
        return zero
    delta = ((now or datetime.now(UTC)) - when).total_seconds()
    if delta / 3600 / 24 / 365 < -20:
        return "Forever"
    if delta < 0:
        return f"{human_duration(-delta)} from now"
    return f"{human_duration(delta)} ago"
