"""What the registry knows about one model reference, in the form the rules read
(`analysis.catalog.ModelFacts`): family, context length, capabilities, template, stops.

An installed model (as the last `sync` saw it) is the best evidence; the shipped catalog fills
in what the install does not say. Nothing known gives None, so registry-dependent rules stay
silent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.registry.records import DefaultParameter, ModelRecord
from modelfile_ls.registry.sql import reference


def model_facts(
    conn: sqlite3.Connection,
    name: str,
    catalog_entry: Callable[[str], ModelRecord | None],
    default_parameters: Callable[[str], list[DefaultParameter] | None],
) -> ModelFacts | None:
    """The facts about `name[:tag]`, or None when the registry knows nothing about it;
    `catalog_entry` and `default_parameters` are the registry's own queries."""
    ref = reference(name)
    if ref is None or ref.is_remote:
        return None
    install = conn.execute(
        "SELECT id, family, context_length, template FROM installs WHERE name = ? COLLATE NOCASE"
        " ORDER BY synced_at DESC LIMIT 1",
        (ref.short,),
    ).fetchone()
    record = catalog_entry(name)
    if install is None and record is None:
        return None
    variant = record.variant(ref.tag) if record is not None else None
    capabilities: frozenset[str] | None = None
    if install is not None:
        rows = conn.execute(
            "SELECT capability FROM install_capabilities WHERE install_id = ?", (install["id"],)
        ).fetchall()
        capabilities = frozenset(str(row[0]) for row in rows) or None
    if capabilities is None and record is not None and record.capabilities:
        capabilities = frozenset(record.capabilities)
    defaults = default_parameters(name) or []
    return ModelFacts(
        family=(record.family if record is not None else "") or _text(install, "family"),
        context_length=(install["context_length"] if install is not None else None)
        or (variant.context_length if variant is not None else None),
        capabilities=capabilities,
        template=_text(install, "template"),
        stop=tuple(d.value for d in defaults if d.name == "stop"),
    )


def _text(row: Any, key: str) -> str:
    """A text column of an optional row ("" when there is no row or no value)."""
    if row is None:
        return ""
    value = row[key]
    return str(value) if value else ""
