"""Verbs about performance: `metrics` (stored measurements), `compare` (models side by side)."""

from __future__ import annotations

import argparse
from typing import TextIO

from modelfile_ls.registry.cli.columns import METRIC_COLUMNS, metric_rows
from modelfile_ls.registry.cli.common import Verbs, opened
from modelfile_ls.registry.output import Column, emit
from modelfile_ls.registry.sql import NotFoundError

LISTING_COLUMNS = [Column("model", "MODEL"), *METRIC_COLUMNS]


def cmd_metrics(args: argparse.Namespace, out: TextIO) -> int:
    """Stored performance metrics, of all models or one, on any or one hardware."""
    with opened(args) as registry:
        if args.model is not None and registry.model_id(args.model) is None:
            raise NotFoundError(f"no model {args.model!r} in the registry (try `search`)")
        found = registry.metrics(args.model, hardware=args.hardware)
    emit(
        args.format,
        out,
        rows=metric_rows(found),
        columns=LISTING_COLUMNS,
        data=[m.to_json() for m in found],
    )
    return 0


def register(verbs: Verbs) -> None:
    """Add `metrics` and `compare`."""
    sub = verbs.add("metrics", cmd_metrics, "list stored performance metrics", verbs.fmt)
    sub.add_argument("model", nargs="?", metavar="MODEL", help="only this model")
    sub.add_argument("--hardware", metavar="H", help="only measurements on this hardware")
