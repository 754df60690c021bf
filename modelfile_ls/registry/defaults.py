"""The PARAMETERs a model's params layer sets by default (stop tokens, temperature...)."""

from __future__ import annotations

from modelfile_ls.ollama.params import parse_parameters
from modelfile_ls.registry.records import NO_LATEST, DefaultParameter
from modelfile_ls.registry.sql import Connected, base, reference


class DefaultParameterQueries(Connected):
    """Default parameters per model tag, from the last sync or the shipped catalog."""

    def default_parameters(
        self, model: str, tag: str | None = None
    ) -> list[DefaultParameter] | None:
        """Parameters a model's params layer sets (e.g. stop tokens); None when unknown.

        An installed model's own parameters (from `sync`) win over the catalog's. An empty
        list means the layer is known to set nothing.
        """
        ref = reference(f"{model}:{tag}" if tag else model)
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
            "SELECT id, latest FROM models WHERE name = ?", (base(ref),)
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
