"""`modelfile-ls registry ...`: query and maintain the local registry from a terminal.

Exit status: 0 success, 1 the operation failed (bad CSV rows, not found, Ollama unreachable),
2 usage errors or an unusable registry file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.registry import db, elements, output
from modelfile_ls.registry.csvio import CsvError, read_csv, write_csv
from modelfile_ls.registry.elements import KIND_ORDER
from modelfile_ls.registry.output import Column, emit, human_size, write_pairs, write_table
from modelfile_ls.registry.records import NO_LATEST, ModelRecord
from modelfile_ls.registry.schema import CAPABILITIES
from modelfile_ls.registry.store import NotFoundError, Registry, open_registry, reset_registry

PROG = "modelfile-ls registry"
CAPABILITY_NAMES = [name for name, _ in CAPABILITIES]
Handler = Callable[[argparse.Namespace, TextIO], int]


class CommandError(Exception):
    """An operation failed in a way the user can fix; exit status 1."""


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _port(text: str) -> int:
    value = _non_negative(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0..65535, got {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


@contextlib.contextmanager
def _registry(args: argparse.Namespace) -> Iterator[Registry]:
    registry = open_registry(args.registry)
    try:
        yield registry
    finally:
        registry.close()


# -- models ----------------------------------------------------------------------------------

MODEL_COLUMNS = [
    Column("id", "ID"),
    Column("name", "NAME"),
    Column("family", "FAMILY"),
    Column("sizes", "TAGS", flex=True),
    Column("capabilities", "CAPABILITIES", flex=True),
    Column("description", "DESCRIPTION", flex=True),
]


def _model_row(model: ModelRecord) -> dict[str, Any]:
    return {
        "id": model.id,
        "name": model.name,
        "family": model.family,
        "sizes": " ".join(v.tag for v in model.variants),
        "capabilities": list(model.capabilities),
        "description": model.description,
    }


def _list(args: argparse.Namespace, out: TextIO, search: str | None) -> int:
    with _registry(args) as registry:
        page = registry.list_models(
            search=search,
            family=args.family,
            capabilities=args.capability or (),
            tag=args.tag,
            limit=args.limit or None,
            offset=args.offset,
        )
    rows = [_model_row(m) for m in page.items]
    if args.format == "csv":
        # The import format, so a filtered listing can be edited and imported again.
        write_csv(page.items, out)
        return 0
    emit(args.format, out, rows=rows, columns=MODEL_COLUMNS, data=[m.to_json() for m in page.items])
    if args.format == "table":
        shown = len(page.items)
        if not page.total:
            print("no models match", file=sys.stderr)
        elif not shown:
            print(f"no models after offset {page.offset} ({page.total} match)", file=sys.stderr)
        elif shown < page.total:
            print(
                f"{page.offset + 1}-{page.offset + shown} of {page.total} models "
                "(use --limit and --offset for more)",
                file=sys.stderr,
            )
    return 0


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """List models, filtered by family, capability, tag or search words."""
    return _list(args, out, args.search)


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    """Search names, descriptions, families, publishers and tags."""
    return _list(args, out, args.query)


VARIANT_COLUMNS = [
    Column("tag", "TAG"),
    Column("parameters", "PARAMS"),
    Column("context", "CONTEXT"),
    Column("quantization", "QUANT"),
    Column("license", "LICENSE", flex=True),
    Column("latest", "LATEST"),
    Column("installed", "INSTALLED"),
]


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """One model in detail: tags, defaults, installs and measurements."""
    reference: str = args.name
    base, _, tag = (
        reference.rpartition(":")
        if reference.rfind(":") > reference.rfind("/")
        else (
            reference,
            "",
            "",
        )
    )
    with _registry(args) as registry:
        model = registry.model(reference)
        installs = [
            i
            for i in registry.installed_models()
            if i.model.lower() == (model.name if model else base).lower()
            and (not tag or i.tag.lower() == tag.lower())
        ]
        if model is None and not installs:
            raise CommandError(f"no model {reference!r} in the registry (try `search`)")
        if model is not None and tag and model.variant(tag) is None and not installs:
            known = ", ".join(v.tag for v in model.variants) or "none"
            raise CommandError(f"{model.name} has no tag {tag!r} in the registry (known: {known})")
        defaults = registry.default_parameters(model.name if model else base, tag or None)
        metrics = registry.metrics(model.name) if model else []
    data: dict[str, Any] = model.to_json() if model else {"name": base}
    data["default_parameters"] = None if defaults is None else [d.to_json() for d in defaults]
    data["installed"] = [i.to_json() for i in installs]
    data["metrics"] = [m.to_json() for m in metrics]
    if args.format == "json":
        output.write_json(data, out)
        return 0
    if args.format == "csv":
        if model is None:
            raise CommandError(f"{base} is installed but not in the catalog; nothing to export")
        write_csv([model], out)
        return 0
    if model is not None:
        latest = model.latest if model.latest != NO_LATEST else "(no latest tag)"
        pairs: list[tuple[str, Any]] = [
            ("name", f"{model.name}  (id {model.id})"),
            ("display name", model.display_name),
            ("family", model.family),
            ("publisher", model.publisher),
            ("license", model.license),
            ("capabilities", list(model.capabilities)),
            ("tags", list(model.tags)),
            ("latest", latest or "unknown"),
            ("description", model.description),
            ("source", model.source),
        ]
        pairs += [(f"meta {k}", v) for k, v in model.metadata.items()]
        write_pairs(pairs, out)
        installed_tags = {i.tag.lower() for i in installs}
        out.write("\n")
        write_table(
            [
                {
                    "tag": v.tag,
                    "parameters": f"{v.parameters_b:g}B" if v.parameters_b is not None else "",
                    "context": v.context_length,
                    "quantization": v.quantization,
                    "license": v.license,
                    "latest": "yes" if v.to_json(model.latest)["latest"] else "",
                    "installed": "yes" if v.tag.lower() in installed_tags else "",
                }
                for v in model.variants
            ],
            VARIANT_COLUMNS,
            out,
        )
    label = f"{model.name if model else base}:{tag or 'latest'}"
    out.write(f"\ndefault parameters of {label}:")
    if defaults is None:
        out.write(" unknown\n")
    elif not defaults:
        out.write(" none\n")
    else:
        out.write("\n")
        for d in defaults:
            value = d.value
            if not value or value != value.strip() or "\n" in value:
                value = json.dumps(value, ensure_ascii=False)  # make the spaces visible
            out.write(f"  PARAMETER {d.name} {value}    ({d.confidence})\n")
    if installs:
        out.write("\ninstalled:\n")
        write_table(
            [
                {
                    "host": i.host,
                    "name": i.name,
                    "size": human_size(i.size),
                    "parameters": i.parameter_size,
                    "quantization": i.quantization_level,
                    "digest": i.digest[:12],
                    "modified": i.modified_at,
                }
                for i in installs
            ],
            INSTALLED_COLUMNS,
            out,
        )
    if metrics:
        out.write("\nmeasurements:\n")
        write_table([m.to_json() for m in metrics], METRIC_COLUMNS, out)
    return 0


METRIC_COLUMNS = [
    Column("tag", "TAG"),
    Column("hardware", "HARDWARE", flex=True),
    Column("metric", "METRIC"),
    Column("value", "VALUE"),
    Column("context_size", "CONTEXT"),
    Column("ollama_version", "OLLAMA"),
    Column("measured_at", "MEASURED"),
]


def _counts(args: argparse.Namespace, out: TextIO, what: str) -> int:
    with _registry(args) as registry:
        counts = {
            "families": registry.families,
            "capabilities": registry.capabilities,
            "tags": registry.tags,
        }[what]()
    header = {"families": "FAMILY", "capabilities": "CAPABILITY", "tags": "TAG"}[what]
    columns = [Column("name", header)]
    columns.append(Column("models", "MODELS"))
    if what == "capabilities":
        columns.append(Column("description", "DESCRIPTION", flex=True))
    rows = [c.to_json() for c in counts]
    emit(args.format, out, rows=rows, columns=columns, data=rows)
    return 0


def cmd_families(args: argparse.Namespace, out: TextIO) -> int:
    """Model families and how many models each has."""
    return _counts(args, out, "families")


def cmd_capabilities(args: argparse.Namespace, out: TextIO) -> int:
    """The capability vocabulary and how many models have each."""
    return _counts(args, out, "capabilities")


def cmd_tags(args: argparse.Namespace, out: TextIO) -> int:
    """Free tags and how many models carry each."""
    return _counts(args, out, "tags")


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    """Counts of everything in the registry."""
    with _registry(args) as registry:
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
    with _registry(args) as registry:
        facts = registry.parameters()
    if args.name:
        fact = next((p for p in facts if p.name == args.name), None)
        if fact is None:
            import difflib

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
    data = [p.to_json() for p in facts]
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


# -- CSV ---------------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import a CSV: every row valid or nothing written."""
    name = "<stdin>" if args.file == "-" else args.file
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {name}: {exc.strerror or exc}") from exc
    entries = read_csv(data, name)
    with _registry(args) as registry:
        result = registry.import_entries(entries)
    variants = sum(len(e.variants) for e in entries)
    out.write(
        f"imported {result.models} models ({result.created} new, {result.updated} updated, "
        f"{variants} tags) from {name}\n"
    )
    return 0


def _atomic_write(path: Path, write: Callable[[TextIO], Any]) -> None:
    """Write through a temporary file in the same directory, then rename over `path`."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(temp)
        raise


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Export every model as CSV (the import format), to a file or stdout."""
    with _registry(args) as registry:
        models = registry.all_models()
    if not args.file or args.file == "-":
        write_csv(models, out)
        return 0
    path = Path(args.file)
    try:
        _atomic_write(path, lambda handle: write_csv(models, handle))
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"exported {len(models)} models to {path}", file=sys.stderr)
    return 0


# -- inventory ---------------------------------------------------------------------------------

INSTALLED_COLUMNS = [
    Column("host", "HOST"),
    Column("name", "NAME"),
    Column("size", "SIZE"),
    Column("parameters", "PARAMS"),
    Column("quantization", "QUANT"),
    Column("digest", "DIGEST"),
    Column("modified", "MODIFIED", flex=True),
]


def cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    """Replace the inventory of one Ollama host with what it has installed now."""
    from modelfile_ls.ollama.client import OllamaClient, OllamaError
    from modelfile_ls.registry.sync import sync

    with _registry(args) as registry, OllamaClient(args.host, timeout=args.timeout) as client:
        try:
            result = sync(registry, client)
        except OllamaError as exc:
            raise CommandError(f"{exc}; the inventory was not changed") from exc
    for name in result.skipped:
        print(f"warning: {name} disappeared during the sync; skipped", file=sys.stderr)
    rows = [_installed_row(m) for m in result.models]
    if args.format == "table":
        out.write(f"synced {len(result.models)} models from {result.host}\n")
        if rows:
            write_table(rows, INSTALLED_COLUMNS, out)
        return 0
    emit(
        args.format,
        out,
        rows=rows,
        columns=INSTALLED_COLUMNS,
        data=[m.to_json() for m in result.models],
    )
    return 0


def _installed_row(m: Any) -> dict[str, Any]:
    return {
        "host": m.host,
        "name": m.name,
        "size": human_size(m.size),
        "parameters": m.parameter_size,
        "quantization": m.quantization_level,
        "digest": m.digest[:12],
        "modified": m.modified_at,
    }


def cmd_installed(args: argparse.Namespace, out: TextIO) -> int:
    """Models installed on Ollama hosts as of their last sync."""
    host = None
    if args.host:
        from modelfile_ls.ollama.client import resolve_base_url

        host = resolve_base_url(args.host)
    with _registry(args) as registry:
        models = registry.installed_models(host)
    emit(
        args.format,
        out,
        rows=[_installed_row(m) for m in models],
        columns=INSTALLED_COLUMNS,
        data=[m.to_json() for m in models],
    )
    return 0


# -- Modelfiles and elements -------------------------------------------------------------------


def _default_name(path: Path) -> str:
    """`coder.Modelfile` -> coder; `coder/Modelfile` -> coder; `Modelfile.coder` -> coder."""
    resolved = path.resolve()
    if resolved.name.lower() == "modelfile":
        return resolved.parent.name or "modelfile"
    if resolved.stem.lower() == "modelfile" and resolved.suffix:
        return resolved.suffix[1:]
    return resolved.stem


def cmd_save(args: argparse.Namespace, out: TextIO) -> int:
    """Store a Modelfile and its elements (elements shared with other files are reused)."""
    from modelfile_ls.syntax import parse_bytes

    path = Path(args.modelfile)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
    parsed = parse_bytes(data)
    if parsed.ollama_error is not None:
        raise CommandError(f"not saved: Ollama rejects {path}: {parsed.ollama_error}")
    name = args.name or _default_name(path)
    with _registry(args) as registry:
        result = registry.save_modelfile(name, str(path.resolve()), data, parsed)
    saved = result.modelfile
    if args.format == "json":
        output.write_json({**saved.to_json(), "new_elements": result.new_elements}, out)
        return 0
    out.write(
        f"saved {saved.name} (id {saved.id}): {len(saved.elements)} elements, "
        f"{result.new_elements} new\n"
    )
    write_table([_element_row(e) for e in saved.elements], ELEMENT_COLUMNS, out)
    return 0


MODELFILE_COLUMNS = [
    Column("id", "ID"),
    Column("name", "NAME"),
    Column("elements", "ELEMENTS"),
    Column("saved_at", "SAVED"),
    Column("path", "PATH", flex=True),
]


def cmd_modelfiles(args: argparse.Namespace, out: TextIO) -> int:
    """Saved Modelfiles."""
    with _registry(args) as registry:
        saved = registry.modelfiles()
    rows = [
        {
            "id": m.id,
            "name": m.name,
            "elements": " ".join(e.kind for e in m.elements),
            "saved_at": m.saved_at,
            "path": m.path,
        }
        for m in saved
    ]
    emit(args.format, out, rows=rows, columns=MODELFILE_COLUMNS, data=[m.to_json() for m in saved])
    return 0


ELEMENT_COLUMNS = [
    Column("id", "ID"),
    Column("kind", "KIND"),
    Column("name", "NAME"),
    Column("uses", "USES"),
    Column("hash", "HASH"),
    Column("preview", "CONTENT", flex=True),
]


def _element_row(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "uses": e.uses,
        "hash": e.hash[:12],
        "preview": e.preview,
    }


def cmd_elements(args: argparse.Namespace, out: TextIO) -> int:
    """Stored elements, optionally of one kind."""
    with _registry(args) as registry:
        found = registry.elements(args.kind)
    if args.format == "csv":
        rows = [{**_element_row(e), "hash": e.hash, "content": e.content} for e in found]
        columns = [c for c in ELEMENT_COLUMNS if c.key != "preview"] + [Column("content", "")]
        output.write_csv(rows, columns, out)
        return 0
    emit(
        args.format,
        out,
        rows=[_element_row(e) for e in found],
        columns=ELEMENT_COLUMNS,
        data=[e.to_json() for e in found],
    )
    return 0


def cmd_compose(args: argparse.Namespace, out: TextIO) -> int:
    """Print a Modelfile assembled from a saved Modelfile and/or stored elements."""
    from modelfile_ls.syntax import parse

    with _registry(args) as registry:
        base: list[elements.ElementDraft] = []
        if args.modelfile:
            saved = registry.modelfile(args.modelfile)
            if saved is None:
                raise CommandError(f"no saved Modelfile {args.modelfile!r} (see `modelfiles`)")
            base = [elements.ElementDraft(e.kind, e.content) for e in saved.elements]
        overrides = [
            elements.ElementDraft(e.kind, e.content) for e in map(registry.element, args.elements)
        ]
    if args.from_:
        try:
            overrides.insert(0, elements.from_reference(args.from_))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
    if not base and not overrides:
        raise CommandError("nothing to compose: give elements, --modelfile or --from")
    text = elements.to_text(elements.compose(base, overrides))
    error = parse(text).ollama_error
    if error is not None:
        raise CommandError(f"the composed Modelfile would be rejected by Ollama: {error}")
    if args.output:
        path = Path(args.output)
        try:
            _atomic_write(path, lambda handle: handle.write(text))
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
        print(f"wrote {path}", file=sys.stderr)
    else:
        out.write(text)
    return 0


# -- lifecycle ---------------------------------------------------------------------------------


def cmd_path(args: argparse.Namespace, out: TextIO) -> int:
    """Print the registry file's path (without creating it)."""
    out.write(f"{resolve_registry_path(args.registry)}\n")
    return 0


def cmd_reset(args: argparse.Namespace, out: TextIO) -> int:
    """Recreate the registry from the shipped seed (or empty); works on a corrupt file."""
    path = resolve_registry_path(args.registry)
    if sys.stdin.isatty() and not args.yes:
        answer = input(
            f"Delete everything in {path} (imports, inventory, saved Modelfiles)? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("not reset", file=sys.stderr)
            return 1
    reset_registry(path, empty=args.empty)
    out.write(f"reset {path}" + (" (empty)" if args.empty else "") + "\n")
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the read-only HTTP API until interrupted."""
    from modelfile_ls.registry.http_api import is_loopback, make_server

    path = resolve_registry_path(args.registry)
    open_registry(path).close()  # create/migrate now, so a broken file fails before binding
    try:
        server = make_server(path, args.host, args.port, access_log=sys.stderr)
    except OSError as exc:
        raise CommandError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from exc
    if not is_loopback(args.host):
        print(
            f"warning: listening on {args.host}, not loopback: anyone who can reach this "
            "machine can read the registry",
            file=sys.stderr,
        )
    out.write(f"serving {path} at {server.url} (Ctrl-C to stop)\n")
    out.flush()
    if threading.current_thread() is threading.main_thread():
        # A service manager stops us with SIGTERM: shut down as cleanly as on Ctrl-C.
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# -- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every verb."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: given after the verb it overrides, otherwise the value before the verb stays.
    common.add_argument(
        "--registry",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="registry file (default: $MODELFILE_LS_REGISTRY or the user data dir)",
    )
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=output.FORMATS, default="table", help="output format")
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--family", help="only this family (case-insensitive)")
    filters.add_argument(
        "--capability",
        action="append",
        choices=CAPABILITY_NAMES,
        help="only models with this capability (repeat for several)",
    )
    filters.add_argument("--tag", help="only models with this free tag")
    filters.add_argument(
        "--limit", type=_non_negative, default=50, help="at most N models (0: no limit; default 50)"
    )
    filters.add_argument("--offset", type=_non_negative, default=0, help="skip the first N")

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The local registry of models, parameter facts and Modelfile elements.",
    )
    parser.add_argument(
        "--registry",
        metavar="PATH",
        default=None,
        help="registry file (default: $MODELFILE_LS_REGISTRY or the user data dir)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    def verb(
        name: str, handler: Handler, help_text: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        sub = verbs.add_parser(
            name, parents=[common, *parents], help=help_text, description=help_text
        )
        sub.set_defaults(handler=handler)
        return sub

    verb("path", cmd_path, "print the registry file's path")
    sub = verb("list", cmd_list, "list models", fmt, filters)
    sub.add_argument("--search", metavar="Q", help="words that must all match")
    sub = verb("search", cmd_search, "search models by words", fmt, filters)
    sub.add_argument("query", metavar="QUERY")
    sub = verb("show", cmd_show, "show one model (NAME[:TAG] or id)", fmt)
    sub.add_argument("name", metavar="NAME[:TAG]")
    verb("families", cmd_families, "list model families", fmt)
    verb("capabilities", cmd_capabilities, "list capabilities", fmt)
    verb("tags", cmd_tags, "list free tags", fmt)
    verb("stats", cmd_stats, "counts of everything in the registry", fmt)
    sub = verb("params", cmd_params, "parameter facts (all, or one NAME)", fmt)
    sub.add_argument("name", nargs="?", metavar="NAME")
    sub.add_argument("--status", choices=("current", "deprecated", "removed"))
    sub = verb("import", cmd_import, "import models from a CSV file (all rows or none)")
    sub.add_argument("file", metavar="FILE.csv", help="CSV file, or - for stdin")
    sub = verb("export", cmd_export, "export all models as CSV")
    sub.add_argument("file", nargs="?", metavar="FILE.csv", help="output file (default: stdout)")
    sub = verb("sync", cmd_sync, "record the models installed on an Ollama host", fmt)
    sub.add_argument(
        "--host", metavar="URL", help="Ollama URL or host:port (default: $OLLAMA_HOST)"
    )
    sub.add_argument("--timeout", type=_positive_float, default=30.0, metavar="SECONDS")
    sub = verb("installed", cmd_installed, "models installed on Ollama hosts (last sync)", fmt)
    sub.add_argument("--host", metavar="URL", help="only this host")
    sub = verb("save", cmd_save, "store a Modelfile and its elements", fmt)
    sub.add_argument("modelfile", metavar="MODELFILE")
    sub.add_argument("--name", metavar="N", help="name to save under (default: from the file name)")
    verb("modelfiles", cmd_modelfiles, "list saved Modelfiles", fmt)
    sub = verb("elements", cmd_elements, "list stored elements", fmt)
    sub.add_argument("--kind", choices=KIND_ORDER)
    sub = verb("compose", cmd_compose, "print a Modelfile assembled from stored elements")
    sub.add_argument(
        "elements",
        nargs="*",
        metavar="ELEMENT",
        help="element id, name or hash prefix; replaces the same kind (LICENSE adds)",
    )
    sub.add_argument("--modelfile", metavar="NAME", help="start from a saved Modelfile")
    sub.add_argument("--from", dest="from_", metavar="MODEL", help="use this FROM")
    sub.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    sub = verb("reset", cmd_reset, "recreate the registry (also repairs a corrupt file)")
    sub.add_argument("--empty", action="store_true", help="no catalog models, only facts")
    sub.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    sub = verb("serve", cmd_serve, "serve the read-only HTTP API")
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sub.add_argument("--port", type=_port, default=3001, help="port (default 3001; 0 picks one)")
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    """Run one registry verb; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    stream = out or sys.stdout
    handler: Handler = args.handler
    try:
        return handler(args, stream)
    except (CommandError, NotFoundError) as exc:
        _error(str(exc))
        return 1
    except CsvError as exc:
        _error(str(exc))
        return 1
    except db.RegistryError as exc:
        _error(str(exc))
        return exc.exit_code
    except sqlite3.Error as exc:
        error = db.translate(exc, resolve_registry_path(args.registry))
        _error(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `... | head`: the reader left; stop quietly like other CLI tools.
        with contextlib.suppress(OSError):
            sys.stdout = io.TextIOWrapper(io.BytesIO())
        return 0


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)
