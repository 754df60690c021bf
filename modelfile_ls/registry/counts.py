"""Vocabularies with model counts (families, capabilities, free tags) and registry stats."""

from __future__ import annotations

from typing import Any

from modelfile_ls.registry import seed
from modelfile_ls.registry.catalog import CAPABILITY_ORDER
from modelfile_ls.registry.parameter_facts import ParameterFactQueries
from modelfile_ls.registry.records import Count
from modelfile_ls.registry.schema import user_version


class CountQueries(ParameterFactQueries):
    """How many models carry each name, and how much of everything there is."""

    def families(self) -> list[Count]:
        """Families with their model counts, by name."""
        return [
            Count(str(r["name"]), int(r["models"]))
            for r in self.conn.execute("SELECT * FROM family_counts ORDER BY lower(name)")
        ]

    def capabilities(self) -> list[Count]:
        """Every capability with its description and model count: Ollama's, then others."""
        order = CAPABILITY_ORDER.replace("c.", "")
        return [
            Count(str(r["name"]), int(r["models"]), str(r["description"]), bool(r["ollama"]))
            for r in self.conn.execute(f"SELECT * FROM capability_counts ORDER BY {order}")
        ]

    def capability_names(self) -> list[str]:
        """Every capability name the registry knows (Ollama's and imported ones), in order."""
        return [c.name for c in self.capabilities()]

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
