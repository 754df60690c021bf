"""Completion and existence queries: what a FROM value being typed can name, and whether
a complete name exists (the analysis' `ModelCatalog` protocol)."""

from __future__ import annotations

import sqlite3

from modelfile_ls.modelname import has_tag
from modelfile_ls.registry import seed
from modelfile_ls.registry.catalog import CatalogQueries
from modelfile_ls.registry.records import NO_LATEST, ModelMatch, Variant
from modelfile_ls.registry.sql import TOP, base, marks, reference

DEFAULT_HOST_KEY = "registry.ollama.ai"


class CompletionQueries(CatalogQueries):
    """The ModelCatalog protocol and completion candidates for FROM."""

    def model_exists(self, name: str) -> bool | None:
        """True/False when the registry knows; None when it has no data that could answer."""
        try:
            return self._model_exists(name)
        except sqlite3.Error:
            # A damaged file is missing data, not evidence that the model is missing.
            return None

    def _model_exists(self, name: str) -> bool | None:
        ref = reference(name)
        if ref is None or ref.is_remote:
            return None
        if self.conn.execute(
            "SELECT 1 FROM installs WHERE name = ? COLLATE NOCASE LIMIT 1", (ref.short,)
        ).fetchone():
            return True
        entry = self._entry_by_name(base(ref))
        if entry is None:
            library = ref.host == DEFAULT_HOST_KEY and ref.namespace == "library"
            catalog_loaded = seed.get_meta(self.conn, seed.SEED_MODELS_KEY) == "on"
            return False if library and catalog_loaded else None
        if ref.tag.lower() == "latest" and not any(v.tag.lower() == "latest" for v in entry):
            return self._has_latest(base(ref))
        if any(v.tag.lower() == ref.tag.lower() for v in entry):
            return True
        # The catalog lists size tags only; `8b-instruct-q4_K_M` may well exist.
        return None

    def _entry_by_name(self, name: str) -> list[Variant] | None:
        row = self.conn.execute("SELECT id FROM models WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        return self._variants([int(row[0])]).get(int(row[0]), [])

    def _has_latest(self, name: str) -> bool | None:
        row = self.conn.execute("SELECT latest FROM models WHERE name = ?", (name,)).fetchone()
        if row is None or row[0] is None or row[0] == "":
            return None
        return bool(row[0] != NO_LATEST)

    def models_by_prefix(self, prefix: str, limit: int = 50) -> list[ModelMatch]:
        """Completion candidates for a FROM value being typed (`qw` or `qwen3:1`)."""
        if has_tag(prefix):
            return self._tags_by_prefix(prefix, limit)
        # Installed models come first (they are what a user most likely means), so they are
        # fetched before the limit cuts the catalog's alphabetical list.
        installed_rows = self.conn.execute(
            """SELECT model, min(family) AS family FROM installs
               WHERE model >= ? AND model < ? GROUP BY model ORDER BY model LIMIT ?""",
            (prefix, prefix + TOP, limit),
        ).fetchall()
        installed = {str(r["model"]).lower(): str(r["family"]) for r in installed_rows}
        columns = "id, name, display_name, family, description"
        rows = self.conn.execute(
            f"""SELECT {columns} FROM model_overview
               WHERE name >= ? AND name < ? ORDER BY name LIMIT ?""",
            (prefix, prefix + TOP, limit),
        ).fetchall()
        listed = {str(r["name"]).lower() for r in rows}
        missing = [name for name in installed if name not in listed]
        if missing:
            places = marks(len(missing))
            rows += self.conn.execute(
                f"SELECT {columns} FROM model_overview WHERE lower(name) IN ({places})", missing
            ).fetchall()
        caps = self._capabilities([int(r["id"]) for r in rows])
        matches = [
            ModelMatch(
                name=str(r["name"]),
                kind="model",
                display_name=str(r["display_name"]),
                family=str(r["family"] or ""),
                description=str(r["description"]),
                capabilities=tuple(caps.get(int(r["id"]), ())),
                installed=str(r["name"]).lower() in installed,
            )
            for r in rows
        ]
        known = {m.name.lower() for m in matches}
        matches += [
            ModelMatch(name=name, kind="installed", family=family, installed=True)
            for name, family in installed.items()
            if name not in known
        ]
        matches.sort(key=lambda m: (not m.installed, m.name.lower()))
        return matches[:limit]

    def _tags_by_prefix(self, prefix: str, limit: int) -> list[ModelMatch]:
        base, _, tag_prefix = prefix.rpartition(":")
        installed = {
            str(r["name"]).lower(): r
            for r in self.conn.execute(
                "SELECT name, family, context_length FROM installs WHERE model = ?", (base,)
            )
        }
        matches: list[ModelMatch] = []
        record = self.model(base)
        if record is not None:
            candidates = list(record.variants)
            latest = record.variant("latest")
            if latest is not None and latest.tag.lower() != "latest":
                # `model:latest` is an alias the user may type; offer it like a tag.
                candidates.append(Variant("latest", latest.parameters_b, latest.context_length))
            for variant in candidates:
                if not variant.tag.lower().startswith(tag_prefix.lower()):
                    continue
                name = f"{record.name}:{variant.tag}"
                matches.append(
                    ModelMatch(
                        name=name,
                        kind="tag",
                        display_name=record.display_name,
                        family=record.family,
                        description=record.description,
                        capabilities=record.capabilities,
                        parameters_b=variant.parameters_b,
                        context_length=variant.context_length,
                        installed=name.lower() in installed,
                    )
                )
        known = {m.name.lower() for m in matches}
        for key, row in installed.items():
            tag = key.rpartition(":")[2]
            if key not in known and tag.startswith(tag_prefix.lower()):
                matches.append(
                    ModelMatch(
                        name=str(row["name"]),
                        kind="installed",
                        family=str(row["family"]),
                        context_length=row["context_length"],
                        installed=True,
                    )
                )
        return matches[:limit]
