"""Saved Modelfiles and their elements: store a file or a single element, preview what a
save would store, and read elements back by name, kind or prefix (editor completion)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence

from modelfile_ls.registry import db, elements, mutations
from modelfile_ls.registry.elements import ElementDraft
from modelfile_ls.registry.records import (
    ElementPreview,
    ElementRecord,
    SavedElement,
    SavedModelfile,
    SaveResult,
)
from modelfile_ls.registry.sql import Connected, NotFoundError, like
from modelfile_ls.syntax import ParsedModelfile, parse


class ModelfileStore(Connected):
    """The elements, element_tags, modelfiles and modelfile_elements tables."""

    def save_modelfile(
        self, name: str, path: str, data: bytes, parsed: ParsedModelfile
    ) -> SaveResult:
        """Store an accepted Modelfile as its elements (each stored once by content hash)."""
        if parsed.ollama_error is not None:
            raise ValueError(f"Ollama rejects this Modelfile: {parsed.ollama_error}")
        drafts = elements.split(parsed)
        stamp = mutations.now()
        new = 0
        with db.write(self.conn):
            element_ids = []
            for draft in drafts:
                ident, created = self._store_element(draft, f"{name}/{draft.kind}", path, stamp)
                element_ids.append(ident)
                new += created
            self.conn.execute(
                """INSERT INTO modelfiles (name, path, sha256, saved_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (name) DO UPDATE SET path = excluded.path,
                       sha256 = excluded.sha256, saved_at = excluded.saved_at""",
                (name, path, hashlib.sha256(data).hexdigest(), stamp),
            )
            modelfile_id = int(
                self.conn.execute("SELECT id FROM modelfiles WHERE name = ?", (name,)).fetchone()[0]
            )
            self.conn.execute(
                "DELETE FROM modelfile_elements WHERE modelfile_id = ?", (modelfile_id,)
            )
            self.conn.executemany(
                "INSERT INTO modelfile_elements (modelfile_id, position, element_id) "
                "VALUES (?, ?, ?)",
                [(modelfile_id, i, e) for i, e in enumerate(element_ids)],
            )
        saved = self.modelfile(name)
        assert saved is not None
        return SaveResult(saved, new)

    def _store_element(
        self, draft: ElementDraft, wanted_name: str, source: str, stamp: str
    ) -> tuple[int, bool]:
        """The id of the element with this content, inserted under a free name when new."""
        row = self.conn.execute("SELECT id FROM elements WHERE hash = ?", (draft.hash,)).fetchone()
        if row is not None:
            return int(row[0]), False
        cursor = self.conn.execute(
            "INSERT INTO elements (hash, kind, name, content, created_at, source) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                draft.hash,
                draft.kind,
                self._free_element_name(wanted_name),
                draft.content,
                stamp,
                source,
            ),
        )
        return int(cursor.lastrowid or 0), True

    def _free_element_name(self, wanted: str) -> str:
        name, suffix = wanted, 1
        while self.conn.execute("SELECT 1 FROM elements WHERE name = ?", (name,)).fetchone():
            suffix += 1
            name = f"{wanted}-{suffix}"
        return name

    def preview(self, text: str) -> list[ElementPreview]:
        """The elements `save` would store for this Modelfile or selection, storing nothing.

        Each comes with the stored element of identical content, if there is one. A selection
        needs no FROM; text Ollama cannot parse at all raises ValueError with its error.
        """
        return [
            ElementPreview(draft.kind, draft.content, draft.hash, self._by_hash(draft.hash))
            for draft in _fragment_elements(text)
        ]

    def _by_hash(self, digest: str) -> ElementRecord | None:
        row = self.conn.execute("SELECT * FROM element_usage WHERE hash = ?", (digest,)).fetchone()
        return None if row is None else self._element(row)

    def save_element(
        self, text: str, name: str, *, tags: Sequence[str] = (), source: str = ""
    ) -> SavedElement:
        """Store one element (one instruction, or a set of PARAMETERs or MESSAGEs) by name.

        Identical content already stored is reused (it keeps its name, gains the tags);
        a name another element has is refused.
        """
        found = _fragment_elements(text)
        if len(found) != 1:
            kinds = ", ".join(d.kind for d in found) or "nothing"
            raise ValueError(f"an element is one kind of instruction; the text holds {kinds}")
        draft = found[0]
        wanted = name.strip()
        if not wanted:
            raise ValueError("an element needs a name")
        with db.write(self.conn):
            taken = self.conn.execute(
                "SELECT hash FROM elements WHERE name = ?", (wanted,)
            ).fetchone()
            if taken is not None and str(taken[0]) != draft.hash:
                raise ValueError(f"an element named {wanted!r} already exists; choose another")
            ident, created = self._store_element(draft, wanted, source, mutations.now())
            self.conn.executemany(
                "INSERT OR IGNORE INTO element_tags (element_id, tag) VALUES (?, ?)",
                [(ident, t.strip()) for t in tags if t.strip()],
            )
        return SavedElement(self.element(str(ident)), created)

    def compose(
        self,
        element_refs: Sequence[str] = (),
        *,
        modelfile: str | None = None,
        from_: str | None = None,
    ) -> str:
        """Modelfile text from a saved Modelfile and/or elements; Ollama must accept it.

        An element replaces the base's elements of its kind (LICENSE adds); `from_` is the
        FROM to use. Raises NotFoundError for an unknown name, ValueError for a result
        Ollama would reject.
        """
        base: list[ElementDraft] = []
        if modelfile:
            saved = self.modelfile(modelfile)
            if saved is None:
                raise NotFoundError(f"no saved Modelfile {modelfile!r} (see `modelfiles`)")
            base = [ElementDraft(e.kind, e.content) for e in saved.elements]
        overrides = [ElementDraft(e.kind, e.content) for e in map(self.element, element_refs)]
        if from_:
            overrides.insert(0, elements.from_reference(from_))
        if not base and not overrides:
            raise ValueError("nothing to compose: give elements, --modelfile or --from")
        text = elements.to_text(elements.compose(base, overrides))
        error = parse(text).ollama_error
        if error is not None:
            raise ValueError(f"the composed Modelfile would be rejected by Ollama: {error}")
        return text

    def elements_by_prefix(
        self, prefix: str = "", kind: str | None = None, limit: int = 50
    ) -> list[ElementRecord]:
        """Stored elements (optionally of one kind) whose name or value starts with `prefix`.

        For completion in the editor: the value is the content after its keyword (and name
        or role), so typing `You are` after SYSTEM finds the stored SYSTEM prompts.
        """
        pattern = like(prefix)[1:]
        sql = (
            "SELECT * FROM element_usage WHERE (name LIKE :p ESCAPE '\\' "
            "OR content LIKE :p ESCAPE '\\' OR substr(content, instr(content, ' ') + 1) "
            "LIKE :p ESCAPE '\\')"
        )
        params: dict[str, object] = {"p": pattern, "limit": limit}
        if kind is not None:
            sql += " AND kind = :kind"
            params["kind"] = kind
        rows = self.conn.execute(sql + " ORDER BY uses DESC, name LIMIT :limit", params)
        return [self._element(r) for r in rows]

    def modelfiles(self) -> list[SavedModelfile]:
        """Saved Modelfiles by name, each with its elements."""
        names = [str(r[0]) for r in self.conn.execute("SELECT name FROM modelfiles ORDER BY name")]
        return [m for m in (self.modelfile(n) for n in names) if m is not None]

    def modelfile(self, name: str) -> SavedModelfile | None:
        """One saved Modelfile by name."""
        row = self.conn.execute("SELECT * FROM modelfiles WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        parts = tuple(
            self._element(r)
            for r in self.conn.execute(
                """SELECT u.* FROM modelfile_elements me
                   JOIN element_usage u ON u.id = me.element_id
                   WHERE me.modelfile_id = ? ORDER BY me.position""",
                (row["id"],),
            )
        )
        return SavedModelfile(
            id=int(row["id"]),
            name=str(row["name"]),
            path=str(row["path"]),
            sha256=str(row["sha256"]),
            saved_at=str(row["saved_at"]),
            elements=parts,
        )

    def _element(self, r: sqlite3.Row) -> ElementRecord:
        tags = self.conn.execute(
            "SELECT tag FROM element_tags WHERE element_id = ? ORDER BY lower(tag)", (r["id"],)
        )
        return ElementRecord(
            id=int(r["id"]),
            hash=str(r["hash"]),
            kind=str(r["kind"]),
            name=str(r["name"]),
            content=str(r["content"]),
            created_at=str(r["created_at"]),
            uses=int(r["uses"]),
            source=str(r["source"]),
            tags=tuple(str(t[0]) for t in tags),
        )

    def elements(self, kind: str | None = None) -> list[ElementRecord]:
        """Stored elements, optionally of one kind, in kind order then by name."""
        rows = self.conn.execute(
            "SELECT * FROM element_usage" + (" WHERE kind = ?" if kind else ""),
            [kind] if kind else [],
        ).fetchall()
        found = [self._element(r) for r in rows]
        found.sort(key=lambda e: (elements.KIND_ORDER.index(e.kind), e.name))
        return found

    def element(self, ref: str) -> ElementRecord:
        """An element by id, exact name, or hash prefix (at least 6 hex digits)."""
        rows: list[sqlite3.Row] = []
        if ref.isdigit():
            rows = self.conn.execute(
                "SELECT * FROM element_usage WHERE id = ?", (int(ref),)
            ).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT * FROM element_usage WHERE name = ?", (ref,)
            ).fetchall()
        if not rows and len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref.lower()):
            rows = self.conn.execute(
                "SELECT * FROM element_usage WHERE hash LIKE ?", (ref.lower() + "%",)
            ).fetchall()
        if not rows:
            raise NotFoundError(f"no element {ref!r} (give an id, a name or a hash prefix)")
        if len(rows) > 1:
            names = ", ".join(str(r["name"]) for r in rows)
            raise NotFoundError(f"element {ref!r} is ambiguous: {names}")
        return self._element(rows[0])


def _fragment_elements(text: str) -> list[ElementDraft]:
    """The elements of Modelfile text that may lack a FROM (a selection, one instruction)."""
    parsed = parse(text if text.endswith("\n") else text + "\n")
    if parsed.problems:
        raise ValueError(f"Ollama cannot parse this text: {parsed.problems[0].ollama_error}")
    return elements.split(parsed)
