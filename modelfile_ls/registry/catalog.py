"""Catalog queries: models by id or name, filtered listings, and the CSV import's write."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from modelfile_ls.registry import db, mutations
from modelfile_ls.registry.records import ImportResult, ModelEntry, ModelRecord, Page, Variant
from modelfile_ls.registry.sql import Connected, base, chunks, like, marks, reference

MODEL_SORTS = {
    "name": "m.name",
    "family": "coalesce(f.name, '')",
    "parameters": "(SELECT max(v.parameters_b) FROM variants v WHERE v.model_id = m.id)",
    "context": "(SELECT max(v.context_length) FROM variants v WHERE v.model_id = m.id)",
    "updated": "m.updated_at",
}
"""What a model listing can be ordered by, and the SQL of each (unknown sizes sort first)."""

# Installs store the model name as Ollama reports it; the column compares case-insensitively,
# as Ollama matches names.
_INSTALLED = "EXISTS (SELECT 1 FROM installs i WHERE i.model = m.name)"

CAPABILITY_ORDER = "c.ollama DESC, c.position, c.name"
"""Ollama's capabilities in display order, then the others by name (see capabilities.py)."""


class CatalogQueries(Connected):
    """Models of the catalog (shipped seed and imports) and their tags."""

    def model(self, name_or_id: str | int) -> ModelRecord | None:
        """A model by numeric id, or by name as written after FROM (a tag is ignored)."""
        ident = self.model_id(name_or_id)
        return None if ident is None else self._records([ident])[0]

    def model_id(self, name_or_id: str | int) -> int | None:
        """The id of a model given by id or by name (a tag is ignored); None when unknown."""
        if isinstance(name_or_id, int) or name_or_id.isdigit():
            row = self.conn.execute(
                "SELECT id FROM models WHERE id = ?", (int(name_or_id),)
            ).fetchone()
            return None if row is None else int(row[0])
        ref = reference(name_or_id)
        for candidate in [name_or_id] if ref is None else [base(ref), name_or_id]:
            row = self.conn.execute("SELECT id FROM models WHERE name = ?", (candidate,)).fetchone()
            if row is not None:
                return int(row[0])
        return None

    def list_models(
        self,
        *,
        search: str | None = None,
        family: str | None = None,
        capabilities: Sequence[str] = (),
        tag: str | None = None,
        installed: bool | None = None,
        sort: str = "name",
        descending: bool = False,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Page:
        """Models matching every given filter, by relevance to `search`, then by `sort`."""
        if sort not in MODEL_SORTS:
            raise ValueError(f"sort must be one of {', '.join(MODEL_SORTS)}, got {sort!r}")
        where: list[str] = []
        params: dict[str, Any] = {}
        if installed is not None:
            where.append(("" if installed else "NOT ") + _INSTALLED)
        if family:
            where.append("m.family_id = (SELECT id FROM families WHERE name = :family)")
            params["family"] = family
        for i, capability in enumerate(capabilities):
            where.append(
                "EXISTS (SELECT 1 FROM model_capabilities mc JOIN capabilities c "
                f"ON c.id = mc.capability_id WHERE mc.model_id = m.id AND c.name = :cap{i})"
            )
            params[f"cap{i}"] = capability.lower()
        if tag:
            where.append(
                "EXISTS (SELECT 1 FROM model_tags mt JOIN tags t ON t.id = mt.tag_id "
                "WHERE mt.model_id = m.id AND t.name = :tag)"
            )
            params["tag"] = tag
        words = (search or "").split()
        for i, word in enumerate(words):
            pattern = f":like{i} ESCAPE '\\'"
            where.append(
                f"(m.name LIKE {pattern} OR m.display_name LIKE {pattern} "
                f"OR m.description LIKE {pattern} OR m.publisher LIKE {pattern} "
                f"OR f.name LIKE {pattern} "
                "OR EXISTS (SELECT 1 FROM model_tags mt JOIN tags t ON t.id = mt.tag_id "
                f"WHERE mt.model_id = m.id AND t.name LIKE {pattern}) "
                "OR EXISTS (SELECT 1 FROM model_capabilities mc JOIN capabilities c "
                f"ON c.id = mc.capability_id WHERE mc.model_id = m.id AND c.name = :word{i}))"
            )
            params[f"like{i}"] = like(word)
            params[f"word{i}"] = word.lower()
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        source = f"FROM models m LEFT JOIN families f ON f.id = m.family_id {clause}"
        total = int(self.conn.execute(f"SELECT count(*) {source}", params).fetchone()[0])
        order = f"{MODEL_SORTS[sort]} {'DESC' if descending else 'ASC'}, m.name"
        if words and sort == "name" and not descending:
            # Name matches first: exact, then prefix, then anywhere in the name.
            order = (
                "CASE WHEN m.name = :first THEN 0 "
                "WHEN m.name LIKE :first_prefix ESCAPE '\\' THEN 1 "
                "WHEN m.name LIKE :like0 ESCAPE '\\' THEN 2 ELSE 3 END, m.name"
            )
            params["first"] = words[0]
            params["first_prefix"] = like(words[0])[1:]
        params["limit"] = -1 if limit is None else limit
        params["offset"] = offset
        sql = f"SELECT m.id {source} ORDER BY {order} LIMIT :limit OFFSET :offset"
        ids = [int(r[0]) for r in self.conn.execute(sql, params)]
        return Page(tuple(self._records(ids)), total, -1 if limit is None else limit, offset)

    def all_models(self) -> list[ModelRecord]:
        """Every model in id order (the order of export)."""
        ids = [int(r[0]) for r in self.conn.execute("SELECT id FROM models ORDER BY id")]
        return self._records(ids)

    def import_entries(
        self,
        entries: Sequence[ModelEntry],
        *,
        progress: mutations.ProgressCallback | None = None,
    ) -> ImportResult:
        """Insert or replace these models (by name, ids kept) in one transaction."""
        with db.write(self.conn):
            created, updated, _ = mutations.upsert_entries(
                self.conn, entries, "import", progress=progress
            )
        return ImportResult(created, updated)

    def _variants(self, ids: Sequence[int]) -> dict[int, list[Variant]]:
        found: dict[int, list[Variant]] = {}
        for chunk in chunks(ids):
            for r in self.conn.execute(
                f"""SELECT * FROM variants WHERE model_id IN ({marks(len(chunk))})
                    ORDER BY model_id, position""",
                list(chunk),
            ):
                found.setdefault(int(r["model_id"]), []).append(
                    Variant(
                        tag=str(r["tag"]),
                        parameters_b=r["parameters_b"],
                        context_length=r["context_length"],
                        quantization=str(r["quantization"]),
                        file_format=str(r["file_format"]),
                        license=str(r["license"]),
                    )
                )
        return found

    def _capabilities(self, ids: Sequence[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for chunk in chunks(ids):
            for r in self.conn.execute(
                f"""SELECT mc.model_id, c.name FROM model_capabilities mc
                    JOIN capabilities c ON c.id = mc.capability_id
                    WHERE mc.model_id IN ({marks(len(chunk))})
                    ORDER BY mc.model_id, {CAPABILITY_ORDER}""",
                list(chunk),
            ):
                found.setdefault(int(r[0]), []).append(str(r[1]))
        return found

    def _records(self, ids: Sequence[int]) -> list[ModelRecord]:
        rows: dict[int, sqlite3.Row] = {}
        tags: dict[int, list[str]] = {}
        metadata: dict[int, dict[str, str]] = {}
        for chunk in chunks(ids):
            places = marks(len(chunk))
            for r in self.conn.execute(
                f"SELECT * FROM model_overview WHERE id IN ({places})", list(chunk)
            ):
                rows[int(r["id"])] = r
            for r in self.conn.execute(
                f"""SELECT mt.model_id, t.name FROM model_tags mt JOIN tags t ON t.id = mt.tag_id
                    WHERE mt.model_id IN ({places}) ORDER BY mt.model_id, lower(t.name)""",
                list(chunk),
            ):
                tags.setdefault(int(r[0]), []).append(str(r[1]))
            for r in self.conn.execute(
                f"""SELECT model_id, key, value FROM model_metadata
                    WHERE model_id IN ({places}) ORDER BY model_id, key""",
                list(chunk),
            ):
                metadata.setdefault(int(r[0]), {})[str(r[1])] = str(r[2])
        variants = self._variants(ids)
        capabilities = self._capabilities(ids)
        return [
            ModelRecord(
                id=ident,
                name=str(rows[ident]["name"]),
                display_name=str(rows[ident]["display_name"]),
                family=str(rows[ident]["family"] or ""),
                publisher=str(rows[ident]["publisher"]),
                description=str(rows[ident]["description"]),
                license=str(rows[ident]["license"]),
                source=str(rows[ident]["source"]),
                latest=rows[ident]["latest"],
                capabilities=tuple(capabilities.get(ident, ())),
                tags=tuple(tags.get(ident, ())),
                metadata=metadata.get(ident, {}),
                variants=tuple(variants.get(ident, ())),
                origin=str(rows[ident]["origin"]),
                updated_at=str(rows[ident]["updated_at"]),
            )
            for ident in ids
        ]
