"""Performance metrics: recorded by `bench` or imported from CSV, read by hover and the CLI."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from modelfile_ls.registry import db, mutations
from modelfile_ls.registry.catalog import CatalogQueries
from modelfile_ls.registry.csvrows import CsvError, RowError
from modelfile_ls.registry.metrics_csv import MetricRow
from modelfile_ls.registry.records import Metric
from modelfile_ls.registry.sql import NotFoundError

TOKENS_PER_SECOND = "tokens_per_second"
"""The generation speed metric `bench` records (Ollama's eval_count / eval_duration)."""

_INSERT = """INSERT INTO metrics (model_id, tag, hardware, metric, value, context_size,
                 ollama_version, measured_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""


def _metric(r: sqlite3.Row) -> Metric:
    return Metric(
        model=str(r["model"]),
        tag=str(r["tag"]),
        hardware=str(r["hardware"]),
        metric=str(r["metric"]),
        value=float(r["value"]),
        context_size=r["context_size"],
        ollama_version=str(r["ollama_version"]),
        measured_at=str(r["measured_at"]),
    )


def _values(model_id: int, metric: Metric, stamp: str) -> tuple[Any, ...]:
    return (
        model_id,
        metric.tag,
        metric.hardware,
        metric.metric,
        metric.value,
        metric.context_size,
        metric.ollama_version,
        metric.measured_at or stamp,
    )


class MetricStore(CatalogQueries):
    """The metrics table: one row per measurement of a model on some hardware."""

    def add_metric(self, metric: Metric) -> None:
        """Record one performance measurement; the model must be in the registry."""
        model_id = self.model_id(metric.model)
        if model_id is None:
            raise NotFoundError(f"no model {metric.model!r} in the registry")
        with db.write(self.conn):
            self.conn.execute(_INSERT, _values(model_id, metric, mutations.now()))

    def import_metrics(self, rows: Sequence[MetricRow], source: str = "<csv>") -> int:
        """Add these measurements in one transaction; every model must exist, else none is."""
        ids: dict[str, int | None] = {}
        missing: list[RowError] = []
        for row in rows:
            key = row.metric.model.lower()
            if key not in ids:
                ids[key] = self.model_id(row.metric.model)
            if ids[key] is None:
                message = f"no model {row.metric.model!r} in the registry (import it first)"
                missing.append(RowError(row.line, message))
        if missing:
            raise CsvError(source, missing)
        stamp = mutations.now()
        with db.write(self.conn):
            self.conn.executemany(
                _INSERT,
                [_values(ids[r.metric.model.lower()] or 0, r.metric, stamp) for r in rows],
            )
        return len(rows)

    def metrics(self, model: str | None = None, *, hardware: str | None = None) -> list[Metric]:
        """Performance measurements, of one model or all, on any or one hardware, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if model is not None:
            model_id = self.model_id(model)
            if model_id is None:
                return []
            where.append("x.model_id = ?")
            params.append(model_id)
        if hardware is not None:
            where.append("x.hardware = ?")
            params.append(hardware)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = (
            "SELECT m.name AS model, x.* FROM metrics x JOIN models m ON m.id = x.model_id"
            f"{clause} ORDER BY x.measured_at DESC, x.id DESC"
        )
        return [_metric(r) for r in self.conn.execute(sql, params)]

    def best_tokens_per_second(
        self, model: str, hardware: str, tag: str | None = None
    ) -> Metric | None:
        """The fastest recorded generation speed of a model (or one tag) on this hardware."""
        model_id = self.model_id(model)
        if model_id is None:
            return None
        sql = (
            "SELECT m.name AS model, x.* FROM metrics x JOIN models m ON m.id = x.model_id "
            "WHERE x.model_id = ? AND x.hardware = ? AND x.metric = ?"
        )
        params: list[Any] = [model_id, hardware, TOKENS_PER_SECOND]
        if tag:
            sql += " AND x.tag = ? COLLATE NOCASE"
            params.append(tag)
        row = self.conn.execute(
            sql + " ORDER BY x.value DESC, x.measured_at DESC LIMIT 1", params
        ).fetchone()
        return None if row is None else _metric(row)
