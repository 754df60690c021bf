"""Verbs that find models: `list`, `search`, `show`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from modelfile_ls.modelname import split_tag
from modelfile_ls.registry import output
from modelfile_ls.registry.cli.columns import (
    INSTALLED_COLUMNS,
    METRIC_COLUMNS,
    installed_row,
    metric_row,
)
from modelfile_ls.registry.cli.common import CommandError, Verbs, check_capabilities, opened
from modelfile_ls.registry.csvio import write_csv
from modelfile_ls.registry.output import Column, emit_records, write_pairs, write_table
from modelfile_ls.registry.records import NO_LATEST, ModelRecord

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
    with opened(args) as registry:
        page = registry.list_models(
            search=search,
            family=args.family,
            capabilities=check_capabilities(registry, args.capability),
            tag=args.tag,
            limit=args.limit or None,
            offset=args.offset,
        )
    if args.format == "csv":
        # The import format, so a filtered listing can be edited and imported again.
        write_csv(page.items, out)
        return 0
    emit_records(args.format, out, page.items, MODEL_COLUMNS, _model_row)
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
    base, tag = split_tag(reference)
    with opened(args) as registry:
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
            [installed_row(i) for i in installs],
            INSTALLED_COLUMNS,
            out,
        )
    if metrics:
        out.write("\nmeasurements:\n")
        write_table([metric_row(m) for m in metrics], METRIC_COLUMNS, out)
    return 0


def register(verbs: Verbs) -> None:
    """Add `list`, `search` and `show`."""
    sub = verbs.add("list", cmd_list, "list models", verbs.fmt, verbs.filters)
    sub.add_argument("--search", metavar="Q", help="words that must all match")
    sub = verbs.add("search", cmd_search, "search models by words", verbs.fmt, verbs.filters)
    sub.add_argument("query", metavar="QUERY")
    sub = verbs.add("show", cmd_show, "show one model (NAME[:TAG] or id)", verbs.fmt)
    sub.add_argument("name", metavar="NAME[:TAG]")
