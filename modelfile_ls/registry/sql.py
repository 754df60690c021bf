"""What every query module shares: the connection they run on and small SQL helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from modelfile_ls.modelname import ModelName, parse_model_name

CHUNK = 500
"""Ids per `IN (...)` query; far below SQLite's variable limit."""
TOP = "\U0010ffff"
"""Sorts after every character: `name >= p AND name < p || TOP` is an indexed prefix match."""


class NotFoundError(LookupError):
    """A model, Modelfile, element or draft the registry does not have; message says which."""


class Connected:
    """Base of the query and store classes that make up a `Registry`: one open connection."""

    conn: sqlite3.Connection
    path: Path


def reference(name: str) -> ModelName | None:
    """`name` parsed as a model reference, or None when Ollama would refuse it."""
    parsed = parse_model_name(name)
    return parsed if parsed.is_valid else None


def base(ref: ModelName) -> str:
    """The registry name of a reference: `model`, `namespace/model` or `host/namespace/model`."""
    return ref.short.rsplit(":", 1)[0]


def like(text: str) -> str:
    """A LIKE pattern (with `ESCAPE '\\'`) matching `text` anywhere."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    """`ids` in slices small enough for one `IN (...)`."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def marks(count: int) -> str:
    """`?,?,?` for `count` bound values."""
    return ",".join("?" * count)
