"""Verbs that list vocabularies and facts: `families`, `capabilities`, `tags`, `stats`,
`params`."""

from __future__ import annotations

import argparse
import difflib
from typing import TextIO

from modelfile_ls.registry import output
from modelfile_ls.registry.cli.common import CommandError, Verbs, opened
from modelfile_ls.registry.output import Column, emit, write_pairs
from modelfile_ls.registry.records import parameter_json


def _counts(args: argparse.Namespace, out: TextIO, what: str) -> int:
    with opened(args) as registry:
        counts = {
            "families": registry.families,
            "capabilities": registry.capabilities,
            "tags": registry.tags,
        }[what]()
    header = {"families": "FAMILY", "capabilities": "CAPABILITY", "tags": "TAG"}[what]
    columns = [Column("name", header)]
    columns.append(Column("models", "MODELS"))
    if what == "capabilities":
        # OLLAMA: whether Ollama itself reports it; imports may add any other name.
        columns.append(Column("ollama", "OLLAMA"))
        columns.append(Column("description", "DESCRIPTION", flex=True))
    rows = [c.to_json() for c in counts]
    emit(args.format, out, rows=rows, columns=columns, data=rows)
    return 0


def cmd_families(args: argparse.Namespace, out: TextIO) -> int:
    """Model families and how many models each has."""
    return _counts(args, out, "families")


def cmd_capabilities(args: argparse.Namespace, out: TextIO) -> int:
    """Capabilities (Ollama's own, then imported names) and how many models have each."""
    return _counts(args, out, "capabilities")


def cmd_tags(args: argparse.Namespace, out: TextIO) -> int:
    """Free tags and how many models carry each."""
    return _counts(args, out, "tags")


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    """Counts of everything in the registry."""
    with opened(args) as registry:
        stats = registry.stats()
    flat = {
        k: (", ".join(f"{n} {s}" for s, n in v.items()) if isinstance(v, dict) else v)
        for k, v in stats.items()
    }
    rows = [{"key": k, "value": v} for k, v in flat.items()]
    if args.format == "json":
        output.write_json(stats, out)
    elif args.format == "csv":
        output.write_csv(rows, [Column("key", "KEY"), Column("value", "VALUE")], out)
    else:
        write_pairs(list(flat.items()), out)
    return 0


PARAM_COLUMNS = [
    Column("name", "NAME"),
    Column("type", "TYPE"),
    Column("default", "DEFAULT"),
    Column("range", "RANGE"),
    Column("status", "STATUS"),
    Column("description", "DESCRIPTION", flex=True),
]


def cmd_params(args: argparse.Namespace, out: TextIO) -> int:
    """Parameter facts: all of them, or one in detail."""
    with opened(args) as registry:
        facts = registry.parameters()
    if args.name:
        fact = next((p for p in facts if p.name == args.name), None)
        if fact is None:
            close = difflib.get_close_matches(args.name, [p.name for p in facts], n=3)
            alias = next((p for p in facts if args.name.lower() in p.aliases), None)
            hint = ""
            if alias is not None:
                hint = f"; Ollama calls it {alias.name!r}"
            elif close:
                hint = f"; did you mean {', '.join(close)}?"
            raise CommandError(f"unknown parameter {args.name!r}{hint}")
        facts = [fact]
    if args.status:
        facts = [p for p in facts if p.status == args.status]
    data = [parameter_json(p) for p in facts]
    if args.name and args.format == "table":
        p = facts[0]
        status: str = p.status
        if p.deprecated:
            status += f" since {p.deprecated} (ollama create warns and drops it)"
        if p.removed:
            status += f" in {p.removed} (ollama create rejects it)"
        write_pairs(
            [
                ("name", p.name),
                ("type", p.type),
                ("default", p.default_text),
                ("range", p.range_text or "any"),
                ("status", status),
                ("added", p.added or "-"),
                ("aliases", list(p.aliases)),
                ("description", p.description),
            ],
            out,
        )
        return 0
    rows = [
        {
            "name": p.name,
            "type": p.type,
            "default": p.default_text if len(p.default_text) <= 12 else cell_default(p.default),
            "range": p.range_text,
            "status": p.status
            + (f" {p.deprecated}" if p.deprecated else "")
            + (f" {p.removed}" if p.removed else ""),
            "description": p.description,
        }
        for p in facts
    ]
    emit(args.format, out, rows=rows, columns=PARAM_COLUMNS, data=data)
    return 0


def cell_default(value: object) -> str:
    """A parameter default for a narrow column."""
    return "unset" if value is None else output.cell(value)


def register(verbs: Verbs) -> None:
    """Add the vocabulary and fact listings."""
    verbs.add("families", cmd_families, "list model families", verbs.fmt)
    verbs.add("capabilities", cmd_capabilities, "list capabilities", verbs.fmt)
    verbs.add("tags", cmd_tags, "list free tags", verbs.fmt)
    verbs.add("stats", cmd_stats, "counts of everything in the registry", verbs.fmt)
    sub = verbs.add("params", cmd_params, "parameter facts (all, or one NAME)", verbs.fmt)
    sub.add_argument("name", nargs="?", metavar="NAME")
    sub.add_argument("--status", choices=("current", "deprecated", "removed"))
