"""Verbs about performance: `metrics` (stored measurements), `compare` (models side by side)."""

from __future__ import annotations

import argparse
from typing import TextIO

from modelfile_ls.registry import output
from modelfile_ls.registry.cli.columns import METRIC_COLUMNS, metric_row
from modelfile_ls.registry.cli.common import UsageError, Verbs, opened
from modelfile_ls.registry.compare import MAX_MODELS, MIN_MODELS, compare
from modelfile_ls.registry.hardware import hardware_id
from modelfile_ls.registry.output import Column, emit, emit_records
from modelfile_ls.registry.sql import NotFoundError

LISTING_COLUMNS = [Column("model", "MODEL"), *METRIC_COLUMNS]


def cmd_metrics(args: argparse.Namespace, out: TextIO) -> int:
    """Stored performance metrics, of all models or one, on any or one hardware."""
    with opened(args) as registry:
        if args.model is not None and registry.model_id(args.model) is None:
            raise NotFoundError(f"no model {args.model!r} in the registry (try `search`)")
        hardware = hardware_id() if args.this_machine else args.hardware
        found = registry.metrics(args.model, hardware=hardware)
    emit_records(args.format, out, found, LISTING_COLUMNS, metric_row)
    return 0


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """Two to four models side by side; rows where they differ are marked."""
    if not MIN_MODELS <= len(args.models) <= MAX_MODELS:
        raise UsageError(
            f"compare takes {MIN_MODELS} to {MAX_MODELS} models, got {len(args.models)}"
        )
    if len({m.lower() for m in args.models}) != len(args.models):
        raise UsageError("compare takes different models; one was given twice")
    with opened(args) as registry:
        comparison = compare(registry, args.models)
    if args.format == "json":
        output.write_json(comparison.to_json(), out)
        return 0
    columns = [
        Column("differs", "DIFF"),
        Column("field", "FIELD"),
        *(Column(name, name.upper(), flex=True) for name in comparison.models),
    ]
    rows = [
        {
            "differs": row.differs if args.format == "csv" else ("*" if row.differs else ""),
            "field": row.field,
            **dict(zip(comparison.models, row.values, strict=True)),
        }
        for row in comparison.rows
    ]
    emit(args.format, out, rows=rows, columns=columns, data=comparison.to_json())
    return 0


def register(verbs: Verbs) -> None:
    """Add `metrics` and `compare`."""
    sub = verbs.add("metrics", cmd_metrics, "list stored performance metrics", verbs.fmt)
    sub.add_argument("model", nargs="?", metavar="MODEL", help="only this model")
    where = sub.add_mutually_exclusive_group()
    where.add_argument("--hardware", metavar="H", help="only measurements on this hardware")
    where.add_argument(
        "--this-machine",
        action="store_true",
        help="only measurements on this machine's hardware (as `bench` names it)",
    )
    sub = verbs.add("compare", cmd_compare, "show 2-4 models side by side", verbs.fmt)
    sub.add_argument("models", nargs="+", metavar="MODEL", help="NAME[:TAG], two to four")
