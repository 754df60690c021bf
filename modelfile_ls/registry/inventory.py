"""The inventory: which models each Ollama host has installed, as of its last `sync`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from modelfile_ls.registry import db, mutations
from modelfile_ls.registry.records import InstalledModel
from modelfile_ls.registry.sql import Connected


class InventoryStore(Connected):
    """Reads and replaces the installs tables."""

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
