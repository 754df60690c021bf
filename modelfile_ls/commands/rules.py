"""`modelfile-ls rules`: the table of every rule."""

from __future__ import annotations

import argparse

from modelfile_ls.analysis.rules import RULES_BY_CODE
from modelfile_ls.report.rules_doc import render_rules_table


def main(args: list[str]) -> int:
    """Run `modelfile-ls rules`; returns the exit code."""
    parser = argparse.ArgumentParser(prog="modelfile-ls rules", description="List every rule.")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    options = parser.parse_args(args)
    print(render_rules_table(RULES_BY_CODE, options.format))
    return 0
