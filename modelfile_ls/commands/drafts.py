"""`modelfile-ls drafts ...`: unsaved or untitled Modelfiles kept in the registry.

`save` keeps a file's text (or stdin) as a draft, `list` shows them newest first, `show`
prints one (or writes it to a file, atomically) to reopen it, `delete` removes one. A draft
is kept as written, even when Ollama would reject it: half-written files are what drafts are
for. Exit status as for `modelfile-ls registry`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from modelfile_ls.registry import output
from modelfile_ls.registry.cli.common import (
    UsageError,
    Verbs,
    make_parser,
    opened,
    parse_and_run,
    read_input,
    write_output,
)
from modelfile_ls.registry.output import Column, emit_records
from modelfile_ls.registry.records import Draft

PROG = "modelfile-ls drafts"
DRAFT_COLUMNS = [
    Column("id", "ID"),
    Column("name", "NAME"),
    Column("updated_at", "SAVED"),
    Column("lines", "LINES"),
    Column("source_uri", "SOURCE", flex=True),
]


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """Every draft, most recently saved first."""
    with opened(args) as registry:
        drafts = registry.drafts()
    emit_records(args.format, out, drafts, DRAFT_COLUMNS, _draft_row)
    return 0


def _draft_row(d: Draft) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "updated_at": d.updated_at,
        "lines": len(d.text.splitlines()),
        "source_uri": d.source_uri,
    }


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """Print a draft's text exactly as saved (or write it to a file) to reopen it."""
    with opened(args) as registry:
        draft = registry.draft(args.name)
    if args.format == "json":
        output.write_json(draft.to_json(), out)
        return 0
    if write_output(args.output, out, lambda handle: handle.write(draft.text)):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_save(args: argparse.Namespace, out: TextIO) -> int:
    """Keep a file's text (or stdin) as a draft, replacing a draft of the same name."""
    data, name = read_input(args.file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name} is not UTF-8 text ({exc.reason})") from exc
    uri = args.uri if args.uri is not None else ("" if args.file == "-" else _file_uri(args.file))
    with opened(args) as registry:
        try:
            draft = registry.save_draft(text, args.name, uri)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    if args.format == "json":
        output.write_json(draft.to_json(), out)
    else:
        out.write(f"saved draft {draft.name} (id {draft.id}) from {name}\n")
    return 0


def _file_uri(file: str) -> str:
    return Path(file).resolve().as_uri()


def cmd_delete(args: argparse.Namespace, out: TextIO) -> int:
    """Remove a draft."""
    with opened(args) as registry:
        draft = registry.delete_draft(args.name)
    out.write(f"deleted draft {draft.name} (id {draft.id})\n")
    return 0


def register(verbs: Verbs) -> None:
    """Add `list`, `show`, `save` and `delete`."""
    verbs.add("list", cmd_list, "list drafts, newest first", verbs.fmt)
    sub = verbs.add("show", cmd_show, "print a draft's text (to reopen it)", verbs.fmt)
    sub.add_argument("name", metavar="NAME", help="draft name or id")
    sub.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    sub = verbs.add("save", cmd_save, "keep a Modelfile's text as a draft", verbs.fmt)
    sub.add_argument("file", metavar="FILE", help="the text to keep (- for stdin)")
    sub.add_argument("--name", metavar="N", help="draft name (default: untitled, untitled-2...)")
    sub.add_argument(
        "--uri", metavar="URI", help="where the text came from (default: the file's URI)"
    )
    sub = verbs.add("delete", cmd_delete, "remove a draft")
    sub.add_argument("name", metavar="NAME", help="draft name or id")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one drafts verb; returns the exit status."""
    parser = make_parser(PROG, "Unsaved or untitled Modelfiles kept in the registry.", [register])
    return parse_and_run(parser, argv, out, PROG)
