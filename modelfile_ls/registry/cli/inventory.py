"""Verbs for what Ollama hosts have installed: `sync`, `installed`."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from modelfile_ls.registry.cli.columns import INSTALLED_COLUMNS, installed_row
from modelfile_ls.registry.cli.common import CommandError, Verbs, opened, positive_float
from modelfile_ls.registry.output import emit_records, write_table


def cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    """Replace the inventory of one Ollama host with what it has installed now."""
    # Imported here: httpx costs ~100 ms of start-up (python -X importtime), which every
    # other registry verb would pay for nothing.
    from modelfile_ls.ollama.client import OllamaClient, OllamaError
    from modelfile_ls.registry.sync import sync

    with opened(args) as registry, OllamaClient(args.host, timeout=args.timeout) as client:
        try:
            result = sync(registry, client)
        except OllamaError as exc:
            raise CommandError(f"{exc}; the inventory was not changed") from exc
    for name in result.skipped:
        print(f"warning: {name} disappeared during the sync; skipped", file=sys.stderr)
    if args.format == "table":
        out.write(f"synced {len(result.models)} models from {result.host}\n")
        if result.models:
            write_table([installed_row(m) for m in result.models], INSTALLED_COLUMNS, out)
        return 0
    emit_records(args.format, out, result.models, INSTALLED_COLUMNS, installed_row)
    return 0


def cmd_installed(args: argparse.Namespace, out: TextIO) -> int:
    """Models installed on Ollama hosts as of their last sync."""
    host = None
    if args.host:
        # Imported here for the same start-up reason as in cmd_sync.
        from modelfile_ls.ollama.client import resolve_base_url

        host = resolve_base_url(args.host)
    with opened(args) as registry:
        models = registry.installed_models(host)
    emit_records(args.format, out, models, INSTALLED_COLUMNS, installed_row)
    return 0


def register(verbs: Verbs) -> None:
    """Add `sync` and `installed`."""
    sub = verbs.add("sync", cmd_sync, "record the models installed on an Ollama host", verbs.fmt)
    sub.add_argument(
        "--host", metavar="URL", help="Ollama URL or host:port (default: $OLLAMA_HOST)"
    )
    sub.add_argument("--timeout", type=positive_float, default=30.0, metavar="SECONDS")
    sub = verbs.add(
        "installed", cmd_installed, "models installed on Ollama hosts (last sync)", verbs.fmt
    )
    sub.add_argument("--host", metavar="URL", help="only this host")
