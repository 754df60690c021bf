"""The `Registry`: typed queries and writes over the SQLite file (no CLI or HTTP concerns).

Open it with `open_registry()`; it creates, migrates and seeds the file on first use without
any network. A `Registry` wraps one connection: use it from one thread at a time (the HTTP
server opens one per request). Each concern lives in its own module, and `Registry` is their
sum:

| module | queries and writes |
|---|---|
| `catalog` | models by id or name, filtered listings, CSV import |
| `completion` | `model_exists` (the analysis' ModelCatalog), FROM completion candidates |
| `counts` | families, capabilities, free tags with model counts; `stats` |
| `parameter_facts`, `defaults` | parameter facts; a model's default PARAMETERs |
| `inventory` | what Ollama hosts have installed (`sync`) |
| `metrics` | performance measurements, best tokens/s on a hardware |
| `modelfiles` | saved Modelfiles and their elements |
| `drafts` | unsaved Modelfiles kept for later |
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.closing import Closing
from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.registry import db, seed
from modelfile_ls.registry.catalog import MODEL_SORTS
from modelfile_ls.registry.completion import CompletionQueries
from modelfile_ls.registry.counts import CountQueries
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.defaults import DefaultParameterQueries
from modelfile_ls.registry.drafts import DraftStore
from modelfile_ls.registry.inventory import InventoryStore
from modelfile_ls.registry.metrics import MetricStore
from modelfile_ls.registry.model_facts import model_facts
from modelfile_ls.registry.modelfiles import ModelfileStore
from modelfile_ls.registry.schema import SCHEMA_VERSION, drop_all, migrate, user_version
from modelfile_ls.registry.sql import NotFoundError

__all__ = ["MODEL_SORTS", "NotFoundError", "Registry", "open_registry", "reset_registry"]


class Registry(
    CompletionQueries,
    CountQueries,
    DefaultParameterQueries,
    InventoryStore,
    MetricStore,
    ModelfileStore,
    DraftStore,
    Closing,
):
    """Queries and writes over one registry file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def model_facts(self, name: str) -> ModelFacts | None:
        """Family, context length, capabilities, template and stops of `name[:tag]` (the
        analysis' `ModelCatalog` protocol, with `model_exists`)."""
        return model_facts(self.conn, name, self.model, self.default_parameters)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def reset(self, *, empty: bool = False) -> None:
        """Drop everything and rebuild the schema; reseed unless `empty` (facts always)."""
        with db.write(self.conn):
            drop_all(self.conn)
            migrate(self.conn)
            seed.set_meta(self.conn, seed.SEED_MODELS_KEY, "off" if empty else "on")
            seed.refresh(self.conn)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Create, migrate and seed the file as needed; a current file costs two reads."""
    version = user_version(conn)
    _check_version(version, path)
    if version == SCHEMA_VERSION and seed.get_meta(conn, seed.STAMP_KEY) == seed.data_stamp():
        return
    if version == 0:
        # Persistent in the file; must be set outside a transaction.
        db.enable_wal(conn)
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
        db.enable_wal(conn)
        registry = Registry(conn, resolved)
        registry.reset(empty=empty)
    except sqlite3.Error as exc:
        raise db.translate(exc, resolved) from exc
    finally:
        conn.close()
    return resolved
