"""The metrics CSV format: one row per measurement, the columns of `registry metrics`.

Header: `model,hardware,metric,value`, then any of `tag,context_size,ollama_version,
measured_at` (in any order; unknown columns are an error, since a measurement has no free
metadata). `model` is a name as written after FROM; a `name:tag` fills an empty `tag`.
`value` is a finite number >= 0, `measured_at` RFC 3339 (empty: the time of the import).
Reading validates every row and reports every bad one with its line; the store then checks
that each model exists, so an import is all-or-nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO

from modelfile_ls.modelname import split_tag
from modelfile_ls.registry.csvrows import (
    RowError,
    format_float,
    parse_float,
    parse_int,
    raise_if_any,
    read_rows,
)
from modelfile_ls.registry.records import Metric

REQUIRED_COLUMNS = ("model", "hardware", "metric", "value")
OPTIONAL_COLUMNS = ("tag", "context_size", "ollama_version", "measured_at")
EXPORT_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
_METRIC_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class MetricRow:
    """A measurement read from a CSV line (the line locates errors found later)."""

    line: int
    metric: Metric


def _model_and_tag(model: str, tag: str) -> tuple[str, str]:
    return (model, tag) if tag else split_tag(model)


def _measured_at(text: str, problems: list[str]) -> str:
    if not text:
        return ""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        problems.append(
            f"measured_at must be an RFC 3339 time (2026-12-01T10:00:00Z), got {text!r}"
        )
    return text


def _read_row(row: dict[str, str], problems: list[str]) -> Metric:
    model, tag = _model_and_tag(row["model"].strip(), row.get("tag", "").strip())
    if not model:
        problems.append("model is empty")
    hardware = row["hardware"].strip()
    if not hardware:
        problems.append("hardware is empty (name the machine, as `bench` does)")
    metric = row["metric"].strip()
    if not _METRIC_NAME.fullmatch(metric):
        problems.append(f"metric must be a lower-case name like tokens_per_second, got {metric!r}")
    value_text = row["value"].strip()
    value = parse_float(value_text, "value", "the measured value", problems)
    if value is None and not value_text:
        problems.append("value is empty")
    return Metric(
        model=model,
        tag=tag,
        hardware=hardware,
        metric=metric,
        value=value or 0.0,
        context_size=parse_int(row.get("context_size", "").strip(), "context_size", problems),
        ollama_version=row.get("ollama_version", "").strip(),
        measured_at=_measured_at(row.get("measured_at", "").strip(), problems),
    )


def read_metrics_csv(data: bytes, source: str = "<csv>") -> list[MetricRow]:
    """Parse and validate a metrics CSV; raises CsvError listing every bad row."""
    errors: list[RowError] = []
    rows: list[MetricRow] = []
    for line, row in read_rows(data, source, REQUIRED_COLUMNS, errors, OPTIONAL_COLUMNS):
        problems: list[str] = []
        metric = _read_row(row, problems)
        if problems:
            errors.extend(RowError(line, p) for p in problems)
        else:
            rows.append(MetricRow(line, metric))
    raise_if_any(source, errors)
    return rows


def write_metrics_csv(metrics: Iterable[Metric], out: TextIO) -> int:
    """Write measurements in the metrics CSV format; returns the number of data rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    rows = 0
    for m in metrics:
        context = "" if m.context_size is None else str(m.context_size)
        cells = (m.model, m.hardware, m.metric, format_float(m.value), m.tag, context)
        writer.writerow([*cells, m.ollama_version, m.measured_at])
        rows += 1
    return rows
