"""The `Registry`: typed queries and writes over the SQLite file (no CLI or HTTP concerns).

Open it with `open_registry()`; it creates, migrates and seeds the file on first use without
any network. A `Registry` wraps one connection: use it from one thread at a time (the HTTP
server opens one per request).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from modelfile_ls.facts import InstructionFact, ParameterFact
from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.modelname import ModelName, parse_model_name
from modelfile_ls.ollama.params import parse_parameters
from modelfile_ls.registry import db, elements, mutations, seed
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.records import (
    NO_LATEST,
    Count,
    DefaultParameter,
    ElementRecord,
    InstalledModel,
    Metric,
    ModelEntry,
    ModelMatch,
    ModelRecord,
    Page,
    ParameterRecord,
    SavedModelfile,
    Variant,
)
from modelfile_ls.registry.schema import SCHEMA_VERSION, migrate, user_version
from modelfile_ls.syntax import ParsedModelfile

DEFAULT_HOST_KEY = "registry.ollama.ai"
_CHUNK = 500
"""Ids per `IN (...)` query; far below SQLite's variable limit."""
_TOP = "\U0010ffff"
"""Sorts after every character: `name >= p AND name < p || _TOP` is an indexed prefix match."""


class NotFoundError(LookupError):
    """A model, Modelfile or element that the registry does not have; message says which."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed."""

    created: int
    updated: int

    @property
    def models(self) -> int:
        """Models written."""
        return self.created + self.updated


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What `save` stored."""

    modelfile: SavedModelfile
    new_elements: int


def _reference(name: str) -> ModelName | None:
    parsed = parse_model_name(name)
    return parsed if parsed.is_valid else None


def _base(ref: ModelName) -> str:
    """The registry name of a reference: `model`, `namespace/model` or `host/namespace/model`."""
    return ref.short.rsplit(":", 1)[0]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(count: int) -> str:
    return ",".join("?" * count)


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


class Registry:
    """Queries and writes over one registry file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Registry:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    # -- the ModelCatalog protocol and completion ----------------------------------------

    def model_exists(self, name: str) -> bool | None:
        """True/False when the registry knows; None when it has no data that could answer."""
        try:
            return self._model_exists(name)
        except sqlite3.Error:
            # A damaged file is missing data, not evidence that the model is missing.
            return None

    def _model_exists(self, name: str) -> bool | None:
        ref = _reference(name)
        if ref is None or ref.is_remote:
            return None
        if self.conn.execute(
            "SELECT 1 FROM installs WHERE name = ? COLLATE NOCASE LIMIT 1", (ref.short,)
        ).fetchone():
            return True
        entry = self._entry_by_name(_base(ref))
        if entry is None:
            library = ref.host == DEFAULT_HOST_KEY and ref.namespace == "library"
            catalog_loaded = seed.get_meta(self.conn, seed.SEED_MODELS_KEY) == "on"
            return False if library and catalog_loaded else None
        if ref.tag.lower() == "latest" and not any(v.tag.lower() == "latest" for v in entry):
            return self._has_latest(_base(ref))
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
        if prefix.rfind(":") > prefix.rfind("/"):
            return self._tags_by_prefix(prefix, limit)
        # Installed models come first (they are what a user most likely means), so they are
        # fetched before the limit cuts the catalog's alphabetical list.
        installed_rows = self.conn.execute(
            """SELECT model, min(family) AS family FROM installs
               WHERE model >= ? AND model < ? GROUP BY model ORDER BY model LIMIT ?""",
            (prefix, prefix + _TOP, limit),
        ).fetchall()
        installed = {str(r["model"]).lower(): str(r["family"]) for r in installed_rows}
        columns = "id, name, display_name, family, description"
        rows = self.conn.execute(
            f"""SELECT {columns} FROM model_overview
               WHERE name >= ? AND name < ? ORDER BY name LIMIT ?""",
            (prefix, prefix + _TOP, limit),
        ).fetchall()
        listed = {str(r["name"]).lower() for r in rows}
        missing = [name for name in installed if name not in listed]
        if missing:
            marks = ",".join("?" * len(missing))
            rows += self.conn.execute(
                f"SELECT {columns} FROM model_overview WHERE lower(name) IN ({marks})", missing
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

    def parameters_by_prefix(
        self, prefix: str, *, include_retired: bool = False
    ) -> list[ParameterFact]:
        """Parameter facts whose name starts with `prefix` (case-insensitive), doc order."""
        return [
            p.fact
            for p in self.parameters()
            if p.name.lower().startswith(prefix.lower())
            and (include_retired or p.status == "current")
        ]

    def parameters(self) -> list[ParameterRecord]:
        """Every parameter fact, current, deprecated and removed, in documentation order."""
        aliases: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT alias, parameter FROM parameter_aliases ORDER BY parameter, position"
        ):
            aliases.setdefault(str(r[1]), []).append(str(r[0]))
        return [
            ParameterRecord(
                name=str(r["name"]),
                type=r["type"],
                default=None if r["default_value"] is None else json.loads(r["default_value"]),
                default_text=str(r["default_text"]),
                minimum=r["minimum"],
                maximum=r["maximum"],
                choices=tuple(r["choices"].split(",")) if r["choices"] else (),
                description=str(r["description"]),
                added=r["added"],
                deprecated=r["deprecated"],
                removed=r["removed"],
                aliases=tuple(aliases.get(str(r["name"]), ())),
            )
            for r in self.conn.execute("SELECT * FROM parameter_facts ORDER BY position")
        ]

    def parameter(self, name: str) -> ParameterRecord | None:
        """The fact for an exact parameter name."""
        return next((p for p in self.parameters() if p.name == name), None)

    def instructions(self) -> list[InstructionFact]:
        """Instruction docs in documentation order."""
        return [
            InstructionFact(
                keyword=str(r["keyword"]),
                command=r["command"],
                added=r["added"],
                repeat=str(r["repeat"]),
                summary=str(r["summary"]),
                doc=str(r["doc"]),
            )
            for r in self.conn.execute("SELECT * FROM instruction_docs ORDER BY position")
        ]

    def instruction(self, keyword: str) -> InstructionFact | None:
        """The docs of one instruction keyword (case-insensitive)."""
        return next((i for i in self.instructions() if i.keyword == keyword.upper()), None)

    # -- models ----------------------------------------------------------------------------

    def model(self, name_or_id: str | int) -> ModelRecord | None:
        """A model by numeric id, or by name as written after FROM (a tag is ignored)."""
        if isinstance(name_or_id, int) or name_or_id.isdigit():
            row = self.conn.execute(
                "SELECT id FROM models WHERE id = ?", (int(name_or_id),)
            ).fetchone()
        else:
            ref = _reference(name_or_id)
            names = [name_or_id] if ref is None else [_base(ref), name_or_id]
            row = None
            for candidate in names:
                row = self.conn.execute(
                    "SELECT id FROM models WHERE name = ?", (candidate,)
                ).fetchone()
                if row is not None:
                    break
        if row is None:
            return None
        return self._records([int(row[0])])[0]

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
            like = f":like{i} ESCAPE '\\'"
            where.append(
                f"(m.name LIKE {like} OR m.display_name LIKE {like} "
                f"OR m.description LIKE {like} OR m.publisher LIKE {like} OR f.name LIKE {like} "
                "OR EXISTS (SELECT 1 FROM model_tags mt JOIN tags t ON t.id = mt.tag_id "
                f"WHERE mt.model_id = m.id AND t.name LIKE {like}) "
                "OR EXISTS (SELECT 1 FROM model_capabilities mc JOIN capabilities c "
                f"ON c.id = mc.capability_id WHERE mc.model_id = m.id AND c.name = :word{i}))"
            )
            params[f"like{i}"] = _like(word)
            params[f"word{i}"] = word.lower()
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        base = f"FROM models m LEFT JOIN families f ON f.id = m.family_id {clause}"
        total = int(self.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        order = f"{MODEL_SORTS[sort]} {'DESC' if descending else 'ASC'}, m.name"
        if words and sort == "name" and not descending:
            # Name matches first: exact, then prefix, then anywhere in the name.
            order = (
                "CASE WHEN m.name = :first THEN 0 "
                "WHEN m.name LIKE :first_prefix ESCAPE '\\' THEN 1 "
                "WHEN m.name LIKE :like0 ESCAPE '\\' THEN 2 ELSE 3 END, m.name"
            )
            params["first"] = words[0]
            params["first_prefix"] = _like(words[0])[1:]
        params["limit"] = -1 if limit is None else limit
        params["offset"] = offset
        sql = f"SELECT m.id {base} ORDER BY {order} LIMIT :limit OFFSET :offset"
        ids = [int(r[0]) for r in self.conn.execute(sql, params)]
        return Page(tuple(self._records(ids)), total, -1 if limit is None else limit, offset)

    def all_models(self) -> list[ModelRecord]:
        """Every model in id order (the order of export)."""
        ids = [int(r[0]) for r in self.conn.execute("SELECT id FROM models ORDER BY id")]
        return self._records(ids)

    def _variants(self, ids: Sequence[int]) -> dict[int, list[Variant]]:
        found: dict[int, list[Variant]] = {}
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                f"""SELECT * FROM variants WHERE model_id IN ({_marks(len(chunk))})
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
        for chunk in _chunks(ids):
            for r in self.conn.execute(
                f"""SELECT mc.model_id, c.name FROM model_capabilities mc
                    JOIN capabilities c ON c.id = mc.capability_id
                    WHERE mc.model_id IN ({_marks(len(chunk))}) ORDER BY mc.model_id, c.position""",
                list(chunk),
            ):
                found.setdefault(int(r[0]), []).append(str(r[1]))
        return found

    def _records(self, ids: Sequence[int]) -> list[ModelRecord]:
        rows: dict[int, sqlite3.Row] = {}
        tags: dict[int, list[str]] = {}
        metadata: dict[int, dict[str, str]] = {}
        for chunk in _chunks(ids):
            marks = _marks(len(chunk))
            for r in self.conn.execute(
                f"SELECT * FROM model_overview WHERE id IN ({marks})", list(chunk)
            ):
                rows[int(r["id"])] = r
            for r in self.conn.execute(
                f"""SELECT mt.model_id, t.name FROM model_tags mt JOIN tags t ON t.id = mt.tag_id
                    WHERE mt.model_id IN ({marks}) ORDER BY mt.model_id, lower(t.name)""",
                list(chunk),
            ):
                tags.setdefault(int(r[0]), []).append(str(r[1]))
            for r in self.conn.execute(
                f"""SELECT model_id, key, value FROM model_metadata
                    WHERE model_id IN ({marks}) ORDER BY model_id, key""",
                list(chunk),
            ):
                metadata.setdefault(int(r[0]), {})[str(r[1])] = str(r[2])
        variants = self._variants(ids)
        capabilities = self._capabilities(ids)
        records = []
        for ident in ids:
            r = rows[ident]
            records.append(
                ModelRecord(
                    id=ident,
                    name=str(r["name"]),
                    display_name=str(r["display_name"]),
                    family=str(r["family"] or ""),
                    publisher=str(r["publisher"]),
                    description=str(r["description"]),
                    license=str(r["license"]),
                    source=str(r["source"]),
                    latest=r["latest"],
                    capabilities=tuple(capabilities.get(ident, ())),
                    tags=tuple(tags.get(ident, ())),
                    metadata=metadata.get(ident, {}),
                    variants=tuple(variants.get(ident, ())),
                    origin=str(r["origin"]),
                    updated_at=str(r["updated_at"]),
                )
            )
        return records

    def families(self) -> list[Count]:
        """Families with their model counts, by name."""
        return [
            Count(str(r["name"]), int(r["models"]))
            for r in self.conn.execute("SELECT * FROM family_counts ORDER BY lower(name)")
        ]

    def capabilities(self) -> list[Count]:
        """Every capability with its description and model count, in vocabulary order."""
        return [
            Count(str(r["name"]), int(r["models"]), str(r["description"]))
            for r in self.conn.execute("SELECT * FROM capability_counts ORDER BY position")
        ]

    def tags(self) -> list[Count]:
        """Free tags with their model counts, by name."""
        return [
            Count(str(r["name"]), int(r["models"]))
            for r in self.conn.execute("SELECT * FROM tag_counts ORDER BY lower(name)")
        ]

    def stats(self) -> dict[str, Any]:
        """Counts of everything the registry holds, plus where and which data version."""

        def count(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        status = {"current": 0, "deprecated": 0, "removed": 0}
        for p in self.parameters():
            status[p.status] += 1
        return {
            "path": str(self.path),
            "schema_version": user_version(self.conn),
            "data_stamp": seed.get_meta(self.conn, seed.STAMP_KEY),
            "created_at": seed.get_meta(self.conn, "created_at"),
            "seeded_at": seed.get_meta(self.conn, "seeded_at"),
            "models": count("SELECT count(*) FROM models"),
            "variants": count("SELECT count(*) FROM variants"),
            "families": count("SELECT count(*) FROM families"),
            "capabilities": count("SELECT count(*) FROM capabilities"),
            "tags": count("SELECT count(*) FROM tags"),
            "default_parameters": count("SELECT count(*) FROM default_parameters"),
            "parameters": status,
            "instructions": count("SELECT count(*) FROM instruction_docs"),
            "installed": count("SELECT count(*) FROM installs"),
            "hosts": count("SELECT count(DISTINCT host) FROM installs"),
            "metrics": count("SELECT count(*) FROM metrics"),
            "modelfiles": count("SELECT count(*) FROM modelfiles"),
            "elements": count("SELECT count(*) FROM elements"),
        }

    def default_parameters(
        self, model: str, tag: str | None = None
    ) -> list[DefaultParameter] | None:
        """Parameters a model's params layer sets (e.g. stop tokens); None when unknown.

        An installed model's own parameters (from `sync`) win over the catalog's. An empty
        list means the layer is known to set nothing.
        """
        ref = _reference(f"{model}:{tag}" if tag else model)
        if ref is None:
            return None
        install = self.conn.execute(
            "SELECT parameters, host FROM installs WHERE name = ? COLLATE NOCASE "
            "ORDER BY synced_at DESC LIMIT 1",
            (ref.short,),
        ).fetchone()
        if install is not None:
            source = f"/api/show on {install['host']}"
            return [
                DefaultParameter(name, value, "installed", source)
                for name, value in parse_parameters(str(install["parameters"]))
            ]
        row = self.conn.execute(
            "SELECT id, latest FROM models WHERE name = ?", (_base(ref),)
        ).fetchone()
        if row is None:
            return None
        wanted = {ref.tag.lower()}
        latest = row["latest"]
        if latest and latest != NO_LATEST:
            if ref.tag.lower() == "latest":
                wanted.add(str(latest).lower())
            elif ref.tag.lower() == str(latest).lower():
                wanted.add("latest")
        result: list[DefaultParameter] = []
        matched = False
        for r in self.conn.execute(
            "SELECT * FROM default_parameters WHERE model_id = ? ORDER BY position", (row["id"],)
        ):
            applies = str(r["applies_to"])
            tags = {t.strip().lower() for t in applies.split(";")}
            if applies != "all" and not tags & wanted:
                continue
            matched = True
            if r["parameter"] != "(none)":
                result.append(
                    DefaultParameter(
                        str(r["parameter"]), str(r["value"]), str(r["confidence"]), str(r["source"])
                    )
                )
        return result if matched else None

    # -- inventory -------------------------------------------------------------------------

    def has_inventory(self) -> bool:
        """Whether any Ollama host was ever synced (so "not installed" is a known fact)."""
        row = self.conn.execute("SELECT 1 FROM meta WHERE key = 'last_sync'").fetchone()
        return row is not None

    def installed_models(self, host: str | None = None) -> list[InstalledModel]:
        """Models seen on Ollama hosts by `sync`, by host then name."""
        sql = "SELECT * FROM installs"
        params: list[Any] = []
        if host is not None:
            sql += " WHERE host = ?"
            params.append(host)
        rows = self.conn.execute(sql + " ORDER BY host, name", params).fetchall()
        caps: dict[int, list[str]] = {}
        for r in self.conn.execute("SELECT install_id, capability FROM install_capabilities"):
            caps.setdefault(int(r[0]), []).append(str(r[1]))
        return [
            InstalledModel(
                host=str(r["host"]),
                name=str(r["name"]),
                model=str(r["model"]),
                tag=str(r["tag"]),
                digest=str(r["digest"]),
                size=int(r["size"]),
                modified_at=str(r["modified_at"]),
                format=str(r["format"]),
                family=str(r["family"]),
                parameter_size=str(r["parameter_size"]),
                quantization_level=str(r["quantization_level"]),
                context_length=r["context_length"],
                capabilities=tuple(sorted(caps.get(int(r["id"]), ()))),
                parameters=str(r["parameters"]),
                template=str(r["template"]),
                system=str(r["system"]),
                synced_at=str(r["synced_at"]),
            )
            for r in rows
        ]

    def replace_installed(self, host: str, models: Iterable[InstalledModel]) -> int:
        """Make `models` the inventory of `host` (one transaction); returns how many."""
        stamp = mutations.now()
        written = 0
        with db.write(self.conn):
            # Remembered even when the host has no models: "nothing installed" is then a fact.
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_sync', ?)", (stamp,)
            )
            self.conn.execute("DELETE FROM installs WHERE host = ?", (host,))
            for m in models:
                cursor = self.conn.execute(
                    """INSERT INTO installs (host, name, model, tag, digest, size, modified_at,
                           format, family, parameter_size, quantization_level, context_length,
                           parameters, template, system, synced_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        host,
                        m.name,
                        m.model,
                        m.tag,
                        m.digest,
                        m.size,
                        m.modified_at,
                        m.format,
                        m.family,
                        m.parameter_size,
                        m.quantization_level,
                        m.context_length,
                        m.parameters,
                        m.template,
                        m.system,
                        stamp,
                    ),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO install_capabilities (install_id, capability) "
                    "VALUES (?, ?)",
                    [(cursor.lastrowid, c) for c in m.capabilities],
                )
                written += 1
        return written

    def add_metric(self, metric: Metric) -> None:
        """Record one performance measurement; the model must be in the registry."""
        record = self.model(metric.model)
        if record is None:
            raise NotFoundError(f"no model {metric.model!r} in the registry")
        with db.write(self.conn):
            self.conn.execute(
                """INSERT INTO metrics (model_id, tag, hardware, metric, value, context_size,
                       ollama_version, measured_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    record.id,
                    metric.tag,
                    metric.hardware,
                    metric.metric,
                    metric.value,
                    metric.context_size,
                    metric.ollama_version,
                    metric.measured_at or mutations.now(),
                ),
            )

    def metrics(self, model: str | None = None) -> list[Metric]:
        """Performance measurements, of one model or all, newest first."""
        sql = "SELECT m.name AS model, x.* FROM metrics x JOIN models m ON m.id = x.model_id"
        params: list[Any] = []
        if model is not None:
            record = self.model(model)
            if record is None:
                return []
            sql += " WHERE x.model_id = ?"
            params.append(record.id)
        return [
            Metric(
                model=str(r["model"]),
                tag=str(r["tag"]),
                hardware=str(r["hardware"]),
                metric=str(r["metric"]),
                value=float(r["value"]),
                context_size=r["context_size"],
                ollama_version=str(r["ollama_version"]),
                measured_at=str(r["measured_at"]),
            )
            for r in self.conn.execute(sql + " ORDER BY x.measured_at DESC, x.id DESC", params)
        ]

    # -- import / export ---------------------------------------------------------------------

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

    # -- Modelfiles and elements -------------------------------------------------------------

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
                row = self.conn.execute(
                    "SELECT id FROM elements WHERE hash = ?", (draft.hash,)
                ).fetchone()
                if row is None:
                    cursor = self.conn.execute(
                        "INSERT INTO elements (hash, kind, name, content, created_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (
                            draft.hash,
                            draft.kind,
                            self._free_element_name(f"{name}/{draft.kind}"),
                            draft.content,
                            stamp,
                        ),
                    )
                    element_ids.append(int(cursor.lastrowid or 0))
                    new += 1
                else:
                    element_ids.append(int(row[0]))
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

    def _free_element_name(self, wanted: str) -> str:
        name, suffix = wanted, 1
        while self.conn.execute("SELECT 1 FROM elements WHERE name = ?", (name,)).fetchone():
            suffix += 1
            name = f"{wanted}-{suffix}"
        return name

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

    @staticmethod
    def _element(r: sqlite3.Row) -> ElementRecord:
        return ElementRecord(
            id=int(r["id"]),
            hash=str(r["hash"]),
            kind=str(r["kind"]),
            name=str(r["name"]),
            content=str(r["content"]),
            created_at=str(r["created_at"]),
            uses=int(r["uses"]),
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

    # -- lifecycle -----------------------------------------------------------------------------

    def reset(self, *, empty: bool = False) -> None:
        """Drop everything and rebuild the schema; reseed unless `empty` (facts always)."""
        with db.write(self.conn):
            _drop_all(self.conn)
            migrate(self.conn)
            seed.set_meta(self.conn, seed.SEED_MODELS_KEY, "off" if empty else "on")
            seed.refresh(self.conn)


def _drop_all(conn: sqlite3.Connection) -> None:
    # Views first, then tables newest first: a child table must go before the table its
    # foreign keys point to, and children are always created after their parents.
    objects = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND type IN ('view', 'table') ORDER BY type = 'table', rowid DESC"
    ).fetchall()
    for kind, name in objects:
        # Names come from sqlite_master of this file; quote them as identifiers.
        conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    if _has_table(conn, "sqlite_sequence"):
        # Not droppable; emptying it restarts ids at 1 like a new file.
        conn.execute("DELETE FROM sqlite_sequence")
    conn.execute("PRAGMA user_version = 0")


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
    )


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Create, migrate and seed the file as needed; a current file costs two reads."""
    version = user_version(conn)
    _check_version(version, path)
    if version == SCHEMA_VERSION and seed.get_meta(conn, seed.STAMP_KEY) == seed.data_stamp():
        return
    if version == 0:
        # Persistent in the file; must be set outside a transaction.
        conn.execute("PRAGMA journal_mode = WAL")
    with db.write(conn):
        # Re-read under the write lock: another process may have done the work meanwhile.
        version = user_version(conn)
        _check_version(version, path)
        if version == 0 and _has_foreign_tables(conn):
            raise RegistryError(
                f"{path} is an SQLite database but not a modelfile-ls registry; "
                "choose another path with --registry or MODELFILE_LS_REGISTRY"
            )
        migrate(conn)
        if seed.get_meta(conn, seed.STAMP_KEY) != seed.data_stamp():
            seed.refresh(conn)


def _check_version(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise RegistryError(
            f"registry {path} has schema version {version}, newer than this modelfile-ls "
            f"understands ({SCHEMA_VERSION}); upgrade modelfile-ls, or {db.RESET_HINT}"
        )


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def open_registry(path: str | os.PathLike[str] | None = None) -> Registry:
    """Open (creating, migrating and seeding on first use) the registry at the resolved path."""
    resolved = resolve_registry_path(path)
    conn = db.connect(resolved)
    try:
        _prepare(conn, resolved)
    except sqlite3.Error as exc:
        conn.close()
        raise db.translate(exc, resolved) from exc
    except BaseException:
        conn.close()
        raise
    return Registry(conn, resolved)


def reset_registry(path: str | os.PathLike[str] | None = None, *, empty: bool = False) -> Path:
    """Recreate the registry; works on a corrupt file by replacing it."""
    resolved = resolve_registry_path(path)
    try:
        with open_registry(resolved) as registry:
            registry.reset(empty=empty)
            return resolved
    except RegistryError as exc:
        if isinstance(exc, db.RegistryBusy) or "not a modelfile-ls registry" in str(exc):
            raise
    # The file is unreadable as a registry: nothing in it can be kept.
    db.remove_database_files(resolved)
    conn = db.connect(resolved)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        registry = Registry(conn, resolved)
        registry.reset(empty=empty)
    except sqlite3.Error as exc:
        raise db.translate(exc, resolved) from exc
    finally:
        conn.close()
    return resolved
