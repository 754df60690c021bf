"""Verbs for Modelfiles built from elements: `save` (and `save --preview`), `save-element`,
`modelfiles`, `elements`, `compose`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from modelfile_ls.registry import output
from modelfile_ls.registry.cli.columns import ELEMENT_COLUMNS, element_row
from modelfile_ls.registry.cli.common import (
    CommandError,
    UsageError,
    Verbs,
    opened,
    read_input,
    write_output,
)
from modelfile_ls.registry.elements import KIND_ORDER
from modelfile_ls.registry.output import Column, emit_records, write_table
from modelfile_ls.registry.records import SavedModelfile
from modelfile_ls.syntax import parse_bytes

MODELFILE_COLUMNS = [
    Column("id", "ID"),
    Column("name", "NAME"),
    Column("elements", "ELEMENTS"),
    Column("saved_at", "SAVED"),
    Column("path", "PATH", flex=True),
]
PREVIEW_COLUMNS = [
    Column("kind", "KIND"),
    Column("stored", "STORED"),
    Column("preview", "CONTENT", flex=True),
]


def _default_name(path: Path) -> str:
    """`coder.Modelfile` -> coder; `coder/Modelfile` -> coder; `Modelfile.coder` -> coder."""
    resolved = path.resolve()
    if resolved.name.lower() == "modelfile":
        return resolved.parent.name or "modelfile"
    if resolved.stem.lower() == "modelfile" and resolved.suffix:
        return resolved.suffix[1:]
    return resolved.stem


def _selected_lines(data: bytes, lines: str | None) -> bytes:
    """The 1-based inclusive line range `START-END` (or one line `N`) of the file."""
    if lines is None:
        return data
    first, _, last = lines.partition("-")
    if not first.isdigit() or not (last or first).isdigit():
        raise UsageError(f"--lines takes START-END or N (1-based), got {lines!r}")
    start, end = int(first), int(last or first)
    all_lines = data.splitlines(keepends=True)
    if not 1 <= start <= end <= len(all_lines):
        raise UsageError(f"--lines {lines} is outside the file's {len(all_lines)} lines")
    return b"".join(all_lines[start - 1 : end])


def _preview(args: argparse.Namespace, out: TextIO, data: bytes, name: str) -> int:
    text = _selected_lines(data, args.lines).decode("utf-8", errors="replace")
    with opened(args) as registry:
        try:
            found = registry.preview(text)
        except ValueError as exc:
            raise CommandError(f"{name}: {exc}") from exc
    if args.format == "json":
        output.write_json([p.to_json() for p in found], out)
        return 0
    rows = [
        {
            "kind": p.kind,
            "stored": f"yes ({p.existing.name})" if p.existing else "new",
            "preview": p.content.split("\n")[0]
            + (f" (+{p.content.count(chr(10))} lines)" if "\n" in p.content else ""),
        }
        for p in found
    ]
    new = sum(p.existing is None for p in found)
    out.write(f"{name}: {len(found)} elements, {new} new (preview: nothing stored)\n")
    write_table(rows, PREVIEW_COLUMNS, out)
    return 0


def cmd_save(args: argparse.Namespace, out: TextIO) -> int:
    """Store a Modelfile and its elements (elements shared with other files are reused)."""
    data, name = read_input(args.modelfile)
    if args.preview:
        return _preview(args, out, data, name)
    if args.lines is not None:
        raise UsageError("--lines selects text to preview; use it with --preview")
    if args.modelfile == "-":
        raise UsageError("save reads a file (its path is stored); use --preview for stdin")
    path = Path(args.modelfile)
    parsed = parse_bytes(data)
    if parsed.ollama_error is not None:
        raise CommandError(f"not saved: Ollama rejects {path}: {parsed.ollama_error}")
    with opened(args) as registry:
        result = registry.save_modelfile(
            args.name or _default_name(path), str(path.resolve()), data, parsed
        )
    saved = result.modelfile
    if args.format == "json":
        output.write_json({**saved.to_json(), "new_elements": result.new_elements}, out)
        return 0
    out.write(
        f"saved {saved.name} (id {saved.id}): {len(saved.elements)} elements, "
        f"{result.new_elements} new\n"
    )
    write_table([element_row(e) for e in saved.elements], ELEMENT_COLUMNS, out)
    return 0


def cmd_save_element(args: argparse.Namespace, out: TextIO) -> int:
    """Store one element from a file or stdin under a name, with tags."""
    data, name = read_input(args.file)
    text = _selected_lines(data, args.lines).decode("utf-8", errors="replace")
    source = "" if args.file == "-" else str(Path(args.file).resolve())
    with opened(args) as registry:
        try:
            saved = registry.save_element(text, args.name, tags=args.tag or (), source=source)
        except ValueError as exc:
            raise CommandError(f"{name}: {exc}") from exc
    element = saved.element
    if args.format == "json":
        output.write_json({**element.to_json(), "created": saved.created}, out)
        return 0
    state = "saved" if saved.created else "already stored as"
    out.write(f"{state} {element.kind} element {element.name} (id {element.id})\n")
    return 0


def cmd_modelfiles(args: argparse.Namespace, out: TextIO) -> int:
    """Saved Modelfiles."""
    with opened(args) as registry:
        saved = registry.modelfiles()
    emit_records(args.format, out, saved, MODELFILE_COLUMNS, _modelfile_row)
    return 0


def _modelfile_row(m: SavedModelfile) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "elements": " ".join(e.kind for e in m.elements),
        "saved_at": m.saved_at,
        "path": m.path,
    }


def cmd_elements(args: argparse.Namespace, out: TextIO) -> int:
    """Stored elements, optionally of one kind or name/value prefix."""
    with opened(args) as registry:
        if args.prefix is None:
            found = registry.elements(args.kind)
        else:
            found = registry.elements_by_prefix(args.prefix, args.kind, limit=1000)
    if args.format == "csv":
        rows: list[dict[str, Any]] = [
            {**element_row(e), "hash": e.hash, "content": e.content} for e in found
        ]
        columns = [c for c in ELEMENT_COLUMNS if c.key != "preview"] + [Column("content", "")]
        output.write_csv(rows, columns, out)
        return 0
    emit_records(args.format, out, found, ELEMENT_COLUMNS, element_row)
    return 0


def cmd_compose(args: argparse.Namespace, out: TextIO) -> int:
    """Print a Modelfile assembled from a saved Modelfile and/or stored elements."""
    with opened(args) as registry:
        try:
            text = registry.compose(args.elements, modelfile=args.modelfile, from_=args.from_)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
    if write_output(args.output, out, lambda handle: handle.write(text)):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def register(verbs: Verbs) -> None:
    """Add the Modelfile and element verbs."""
    sub = verbs.add("save", cmd_save, "store a Modelfile and its elements", verbs.fmt)
    sub.add_argument("modelfile", metavar="MODELFILE", help="the file (- for stdin with --preview)")
    sub.add_argument("--name", metavar="N", help="name to save under (default: from the file name)")
    sub.add_argument(
        "--preview",
        action="store_true",
        help="print the elements that would be stored and which exist already; store nothing",
    )
    sub.add_argument("--lines", metavar="START-END", help="with --preview: only these lines")
    sub = verbs.add(
        "save-element", cmd_save_element, "store one element (an instruction or set)", verbs.fmt
    )
    sub.add_argument("file", metavar="FILE", help="file holding the element's text (- for stdin)")
    sub.add_argument("--name", required=True, metavar="N", help="the element's name")
    sub.add_argument("--tag", action="append", metavar="T", help="a tag (repeat for several)")
    sub.add_argument("--lines", metavar="START-END", help="only these lines of FILE")
    verbs.add("modelfiles", cmd_modelfiles, "list saved Modelfiles", verbs.fmt)
    sub = verbs.add("elements", cmd_elements, "list stored elements", verbs.fmt)
    sub.add_argument("--kind", choices=KIND_ORDER)
    sub.add_argument("--prefix", metavar="P", help="only names or values starting with P")
    sub = verbs.add("compose", cmd_compose, "print a Modelfile assembled from stored elements")
    sub.add_argument(
        "elements",
        nargs="*",
        metavar="ELEMENT",
        help="element id, name or hash prefix; replaces the same kind (LICENSE adds)",
    )
    sub.add_argument("--modelfile", metavar="NAME", help="start from a saved Modelfile")
    sub.add_argument("--from", dest="from_", metavar="MODEL", help="use this FROM")
    sub.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
