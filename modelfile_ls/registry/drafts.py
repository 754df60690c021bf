"""Drafts: unsaved or untitled Modelfiles kept as text, to list, reopen and delete later.

A draft is stored as written, even when Ollama would reject it (half-written files are what
drafts are for); saving again under the same name replaces the text and keeps the id.
"""

from __future__ import annotations

import sqlite3

from modelfile_ls.registry import db, mutations
from modelfile_ls.registry.records import Draft
from modelfile_ls.registry.sql import Connected, NotFoundError

UNTITLED = "untitled"
"""Name stem of a draft saved without a name: `untitled`, `untitled-2`..."""


def _draft(r: sqlite3.Row) -> Draft:
    return Draft(
        id=int(r["id"]),
        name=str(r["name"]),
        text=str(r["text"]),
        source_uri=str(r["source_uri"]),
        created_at=str(r["created_at"]),
        updated_at=str(r["updated_at"]),
    )


class DraftStore(Connected):
    """The drafts table."""

    def save_draft(self, text: str, name: str | None = None, source_uri: str = "") -> Draft:
        """Store `text` as the draft `name` (replacing it), or under a new untitled name."""
        if name is not None and not name.strip():
            raise ValueError("a draft name cannot be empty")
        stamp = mutations.now()
        with db.write(self.conn):
            wanted = name.strip() if name is not None else self._free_draft_name()
            self.conn.execute(
                """INSERT INTO drafts (name, text, source_uri, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (name) DO UPDATE SET text = excluded.text,
                       source_uri = excluded.source_uri, updated_at = excluded.updated_at""",
                (wanted, text, source_uri, stamp, stamp),
            )
        return self.draft(wanted)

    def _free_draft_name(self) -> str:
        name, suffix = UNTITLED, 1
        while self.conn.execute("SELECT 1 FROM drafts WHERE name = ?", (name,)).fetchone():
            suffix += 1
            name = f"{UNTITLED}-{suffix}"
        return name

    def drafts(self) -> list[Draft]:
        """Every draft, most recently saved first."""
        rows = self.conn.execute("SELECT * FROM drafts ORDER BY updated_at DESC, id DESC")
        return [_draft(r) for r in rows]

    def draft(self, ref: str) -> Draft:
        """A draft by exact name, or by id."""
        row = self.conn.execute("SELECT * FROM drafts WHERE name = ?", (ref,)).fetchone()
        if row is None and ref.isdigit():
            row = self.conn.execute("SELECT * FROM drafts WHERE id = ?", (int(ref),)).fetchone()
        if row is None:
            raise NotFoundError(f"no draft {ref!r} (see `modelfile-ls drafts list`)")
        return _draft(row)

    def delete_draft(self, ref: str) -> Draft:
        """Remove a draft (by name or id) and return what it held."""
        with db.write(self.conn):
            found = self.draft(ref)
            self.conn.execute("DELETE FROM drafts WHERE id = ?", (found.id,))
        return found
