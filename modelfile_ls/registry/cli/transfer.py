"""CSV in and out: `import`, `export` (models) and `import-metrics`, `export-metrics`.

Every import is all-or-nothing (the whole file is validated before one transaction writes
it); every export to a file is written atomically.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from modelfile_ls.registry.cli.common import Verbs, opened, read_input, write_output
from modelfile_ls.registry.csvio import read_csv, write_csv
from modelfile_ls.registry.metrics_csv import read_metrics_csv, write_metrics_csv


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import a CSV: every row valid or nothing written."""
    data, name = read_input(args.file)
    entries = read_csv(data, name)
    with opened(args) as registry:
        result = registry.import_entries(entries)
    variants = sum(len(e.variants) for e in entries)
    out.write(
        f"imported {result.models} models ({result.created} new, {result.updated} updated, "
        f"{variants} tags) from {name}\n"
    )
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Export every model as CSV (the import format), to a file or stdout."""
    with opened(args) as registry:
        models = registry.all_models()
    if write_output(args.file, out, lambda handle: write_csv(models, handle)):
        print(f"exported {len(models)} models to {args.file}", file=sys.stderr)
    return 0


def cmd_import_metrics(args: argparse.Namespace, out: TextIO) -> int:
    """Import performance metrics from CSV: every row valid, every model known, or nothing."""
    data, name = read_input(args.file)
    rows = read_metrics_csv(data, name)
    with opened(args) as registry:
        count = registry.import_metrics(rows, name)
    out.write(f"imported {count} metrics from {name}\n")
    return 0


def cmd_export_metrics(args: argparse.Namespace, out: TextIO) -> int:
    """Export stored metrics (all, or of one model) in the import format."""
    with opened(args) as registry:
        metrics = registry.metrics(args.model, hardware=args.hardware)
    if write_output(args.file, out, lambda handle: write_metrics_csv(metrics, handle)):
        print(f"exported {len(metrics)} metrics to {args.file}", file=sys.stderr)
    return 0


def register(verbs: Verbs) -> None:
    """Add the CSV verbs."""
    sub = verbs.add("import", cmd_import, "import models from a CSV file (all rows or none)")
    sub.add_argument("file", metavar="FILE.csv", help="CSV file, or - for stdin")
    sub = verbs.add("export", cmd_export, "export all models as CSV")
    sub.add_argument("file", nargs="?", metavar="FILE.csv", help="output file (default: stdout)")
    sub = verbs.add(
        "import-metrics", cmd_import_metrics, "import performance metrics from CSV (all or none)"
    )
    sub.add_argument("file", metavar="FILE.csv", help="CSV file, or - for stdin")
    sub = verbs.add("export-metrics", cmd_export_metrics, "export performance metrics as CSV")
    sub.add_argument("file", nargs="?", metavar="FILE.csv", help="output file (default: stdout)")
    sub.add_argument("--model", metavar="MODEL", help="only this model")
    sub.add_argument("--hardware", metavar="H", help="only this hardware")
