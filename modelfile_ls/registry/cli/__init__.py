"""`modelfile-ls registry ...`: query and maintain the local registry from a terminal.

Each group of verbs lives in its own module with its handlers and its arguments
(`models`, `vocab`, `transfer`, `inventory`, `metrics`, `modelfiles`, `lifecycle`); this
module builds the parser from them and maps errors to exit codes.

Exit status: 0 success, 1 the operation failed (bad CSV rows, not found, Ollama unreachable),
2 usage errors or an unusable registry file.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from modelfile_ls.registry.cli import (
    inventory,
    lifecycle,
    metrics,
    modelfiles,
    models,
    transfer,
    vocab,
)
from modelfile_ls.registry.cli.common import PROG, make_parser, non_negative, parse_and_run

VERB_MODULES = (lifecycle, models, vocab, transfer, inventory, metrics, modelfiles)


def _filters() -> argparse.ArgumentParser:
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--family", help="only this family (case-insensitive)")
    filters.add_argument(
        "--capability",
        action="append",
        metavar="C",
        help="only models with this capability, Ollama's or imported (repeat for several)",
    )
    filters.add_argument("--tag", help="only models with this free tag")
    filters.add_argument(
        "--limit", type=non_negative, default=50, help="at most N models (0: no limit; default 50)"
    )
    filters.add_argument("--offset", type=non_negative, default=0, help="skip the first N")
    return filters


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every verb."""
    return make_parser(
        PROG,
        "The local registry of models, parameter facts and Modelfile elements.",
        [module.register for module in VERB_MODULES],
        filters=_filters(),
    )


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    """Run one registry verb; returns the exit status."""
    return parse_and_run(build_parser(), argv, out, PROG)
