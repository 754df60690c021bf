"""Statements that change the catalog tables; callers wrap them in `db.write()`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from modelfile_ls.registry import capabilities
from modelfile_ls.registry.records import ModelEntry

ProgressCallback = Callable[[int, int], None]
"""Called as `progress(done, total)` after each model is written (inside the transaction)."""


def now() -> str:
    """The current UTC time as RFC 3339 with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _id_for(conn: sqlite3.Connection, table: str, name: str, cache: dict[str, int]) -> int:
    key = name.lower()
    if key in cache:
        return cache[key]
    # Table names come from this module only; values are always bound.
    row = conn.execute(f"SELECT id FROM {table} WHERE name = ?", (name,)).fetchone()
    if row is None:
        cursor = conn.execute(f"INSERT INTO {table} (name) VALUES (?)", (name,))
        ident = int(cursor.lastrowid or 0)
    else:
        ident = int(row[0])
    cache[key] = ident
    return ident


def _capability_id(conn: sqlite3.Connection, name: str, cache: dict[str, int]) -> int:
    """The id of a capability, added (as not Ollama's own, no description) when new."""
    key = capabilities.normalize(name)
    if key not in cache:
        cursor = conn.execute(
            "INSERT INTO capabilities (name, position, description, ollama) VALUES (?, 0, '', 0)",
            (key,),
        )
        cache[key] = int(cursor.lastrowid or 0)
    return cache[key]


def upsert_entries(
    conn: sqlite3.Connection,
    entries: Sequence[ModelEntry],
    origin: str,
    *,
    keep_imported: bool = False,
    progress: ProgressCallback | None = None,
) -> tuple[int, int, int]:
    """Insert or replace models by name, keeping ids; returns (created, updated, skipped).

    With `keep_imported`, models a user imported are left alone (a seed refresh must not
    overwrite the user's own data).
    """
    capability_ids = {
        str(r["name"]): int(r["id"]) for r in conn.execute("SELECT id, name FROM capabilities")
    }
    families: dict[str, int] = {}
    tags: dict[str, int] = {}
    created = updated = skipped = 0
    stamp = now()
    for done, entry in enumerate(entries, start=1):
        row = conn.execute("SELECT id, origin FROM models WHERE name = ?", (entry.name,)).fetchone()
        if row is not None and keep_imported and row["origin"] == "import":
            skipped += 1
            continue
        family_id = _id_for(conn, "families", entry.family, families) if entry.family else None
        values = (
            entry.name,
            entry.display_name,
            family_id,
            entry.publisher,
            entry.description,
            entry.license,
            entry.source,
            entry.latest,
            origin,
            stamp,
        )
        if row is None:
            cursor = conn.execute(
                """INSERT INTO models (name, display_name, family_id, publisher, description,
                       license, source, latest, origin, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                values,
            )
            model_id = int(cursor.lastrowid or 0)
            created += 1
        else:
            model_id = int(row["id"])
            conn.execute(
                """UPDATE models SET name = ?, display_name = ?, family_id = ?, publisher = ?,
                       description = ?, license = ?, source = ?, latest = ?, origin = ?,
                       updated_at = ?
                   WHERE id = ?""",
                (*values, model_id),
            )
            for table in ("variants", "model_capabilities", "model_tags", "model_metadata"):
                conn.execute(f"DELETE FROM {table} WHERE model_id = ?", (model_id,))
            updated += 1
        conn.executemany(
            """INSERT INTO variants (model_id, tag, position, parameters_b, context_length,
                   quantization, file_format, license)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    model_id,
                    v.tag,
                    position,
                    v.parameters_b,
                    v.context_length,
                    v.quantization,
                    v.file_format,
                    v.license,
                )
                for position, v in enumerate(entry.variants)
            ],
        )
        conn.executemany(
            "INSERT INTO model_capabilities (model_id, capability_id) VALUES (?, ?)",
            [(model_id, _capability_id(conn, c, capability_ids)) for c in entry.capabilities],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO model_tags (model_id, tag_id) VALUES (?, ?)",
            [(model_id, _id_for(conn, "tags", t, tags)) for t in entry.tags],
        )
        conn.executemany(
            "INSERT INTO model_metadata (model_id, key, value) VALUES (?, ?, ?)",
            [(model_id, k, v) for k, v in entry.metadata.items()],
        )
        if progress is not None:
            progress(done, len(entries))
    prune_vocabulary(conn)
    return created, updated, skipped


def prune_vocabulary(conn: sqlite3.Connection) -> None:
    """Drop families, free tags and imported capabilities no model uses any more."""
    conn.execute(
        "DELETE FROM capabilities WHERE NOT ollama "
        "AND id NOT IN (SELECT capability_id FROM model_capabilities)"
    )
    conn.execute(
        "DELETE FROM families WHERE id NOT IN (SELECT family_id FROM models "
        "WHERE family_id IS NOT NULL)"
    )
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM model_tags)")


def replace_default_parameters(conn: sqlite3.Connection, rows: Iterable[dict[str, str]]) -> None:
    """Replace every model's default parameters with these rows (unknown models skipped)."""
    conn.execute("DELETE FROM default_parameters")
    ids = {
        str(r["name"]).lower(): int(r["id"]) for r in conn.execute("SELECT id, name FROM models")
    }
    conn.executemany(
        """INSERT INTO default_parameters (model_id, position, parameter, value, applies_to,
               confidence, source)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                ids[row["model"].lower()],
                position,
                row["parameter"],
                row["value"],
                row["applies_to"],
                row["confidence"],
                row["source"],
            )
            for position, row in enumerate(rows)
            if row["model"].lower() in ids
        ],
    )
