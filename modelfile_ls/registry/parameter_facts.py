"""Parameter facts as the registry holds them (seeded from `modelfile_ls/facts/data`).

The analysis reads the same facts straight from the package data (`language_facts()`), so
`--check` needs no database; this table serves the CLI's `params`, the HTTP API and SQL users.
"""

from __future__ import annotations

import json

from modelfile_ls.facts import ParameterFact
from modelfile_ls.registry.sql import Connected


class ParameterFactQueries(Connected):
    """The parameter-facts table."""

    def parameters(self) -> list[ParameterFact]:
        """Every parameter fact, current, deprecated and removed, in documentation order."""
        aliases: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT alias, parameter FROM parameter_aliases ORDER BY parameter, position"
        ):
            aliases.setdefault(str(r[1]), []).append(str(r[0]))
        return [
            ParameterFact(
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
