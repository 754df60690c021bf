"""The registry's CSV format: one row per model tag, in the seed's column layout.

Header: the ten core columns, then `publisher,license,context_length,latest,source`, then one
column per metadata key (sorted). Extra columns an importer does not know become metadata.
Model-level columns repeat on every row of a model and must agree; per-tag columns
(`model_size` = the tag, `parameters` in billions, `quantization`, `file_format`, `license`,
`context_length`) describe that tag. A model with no known tags has one row with an empty
`model_size`. `capabilities` is an open vocabulary: any name is kept (Ollama's own sort first, see
`capabilities.py`). Reading validates everything and reports every bad row with its line
number; nothing is returned unless the whole file is good, which makes import all-or-nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from modelfile_ls.modelname import has_tag, parse_model_name
from modelfile_ls.registry import capabilities
from modelfile_ls.registry.csvrows import (
    RowError,
    format_float,
    parse_float,
    parse_int,
    raise_if_any,
    read_rows,
)
from modelfile_ls.registry.records import NO_LATEST, ModelEntry, Variant

CORE_COLUMNS = (
    "name",
    "display_name",
    "model_family",
    "model_size",
    "parameters",
    "quantization",
    "file_format",
    "capabilities",
    "tags",
    "description",
)
EXTRA_COLUMNS = ("publisher", "license", "context_length", "latest", "source")
KNOWN_COLUMNS = CORE_COLUMNS + EXTRA_COLUMNS
MODEL_FIELDS = (
    "display_name",
    "model_family",
    "capabilities",
    "tags",
    "description",
    "publisher",
    "latest",
    "source",
)
"""Columns that describe the model, not the tag: equal on every row of one model."""


@dataclass(slots=True)
class _Group:
    """Rows of one model while reading."""

    line: int
    fields: dict[str, str]
    metadata: dict[str, str]
    variants: list[Variant] = field(default_factory=list)
    variant_lines: dict[str, int] = field(default_factory=dict)
    tagless_line: int | None = None


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def validate_model_name(name: str, tag: str = "") -> str | None:
    """Why `name` (as written after FROM, without a tag) plus `tag` is not a model reference."""
    if not name:
        return "name is empty"
    if name != name.strip():
        return f"name {name!r} has leading or trailing spaces"
    if has_tag(name):
        return f"name {name!r} includes a tag; put the tag in model_size"
    reference = f"{name}:{tag}" if tag else name
    parsed = parse_model_name(reference)
    if parsed.problem:
        return f"{reference!r} is not a valid model reference: {parsed.problem}"
    return None


def read_csv(data: bytes, source: str = "<csv>") -> list[ModelEntry]:
    """Parse and validate a registry CSV; raises CsvError listing every bad row."""
    errors: list[RowError] = []
    groups: dict[str, _Group] = {}
    order: list[str] = []
    for line, row in read_rows(data, source, CORE_COLUMNS, errors):
        _read_row(row, line, groups, order, errors)
    for key in order:
        group = groups[key]
        latest = group.fields["latest"]
        if latest and latest != NO_LATEST and latest.lower() not in group.variant_lines:
            errors.append(
                RowError(
                    group.line,
                    f"latest {latest!r} of model {group.fields['name']!r} is not one of its "
                    f"model_size values; use a listed tag, {NO_LATEST} or leave it empty",
                )
            )
    raise_if_any(source, errors)
    return [_entry(groups[key]) for key in order]


def _read_row(
    row: dict[str, str],
    line: int,
    groups: dict[str, _Group],
    order: list[str],
    errors: list[RowError],
) -> None:
    problems: list[str] = []
    name = row["name"]
    tag = row["model_size"].strip()
    problem = validate_model_name(name, tag)
    if problem:
        problems.append(problem)
    # An open vocabulary (the seed registry's own example has `reasoning` and `math`): any
    # name is kept; only text that cannot be a name (`chat;tools`) is an error.
    names = [capabilities.normalize(c) for c in _split_list(row["capabilities"])]
    problems += [p for p in map(capabilities.name_problem, names) if p]
    fields = {
        "name": name,
        "display_name": row["display_name"].strip() or name,
        "model_family": row["model_family"].strip(),
        "capabilities": ",".join(capabilities.canonical_order(names)),
        "tags": ",".join(sorted(set(_split_list(row["tags"])), key=str.lower)),
        "description": row["description"].strip(),
        "publisher": row.get("publisher", "").strip(),
        "latest": row.get("latest", "").strip(),
        "source": row.get("source", "").strip(),
    }
    variant = Variant(
        tag=tag,
        parameters_b=parse_float(
            row["parameters"].strip(), "parameters", "billions of parameters", problems
        ),
        context_length=parse_int(row.get("context_length", "").strip(), "context_length", problems),
        quantization=row["quantization"].strip(),
        file_format=row["file_format"].strip(),
        license=row.get("license", "").strip(),
    )
    metadata = {
        k.strip(): v.strip() for k, v in row.items() if k not in KNOWN_COLUMNS and v.strip()
    }
    if problems:
        errors.extend(RowError(line, p) for p in problems)
        return
    key = name.lower()
    group = groups.get(key)
    if group is None:
        group = _Group(line, fields, metadata)
        groups[key] = group
        order.append(key)
    else:
        for column in MODEL_FIELDS:
            if fields[column] != group.fields[column]:
                errors.append(
                    RowError(
                        line,
                        f"{column} {fields[column]!r} differs from line {group.line} "
                        f"({group.fields[column]!r}) for model {name!r}; model-level columns "
                        "must be equal on every row of a model",
                    )
                )
                return
        if metadata != group.metadata:
            errors.append(
                RowError(line, f"metadata columns differ from line {group.line} for model {name!r}")
            )
            return
    if not tag:
        if group.variant_lines or group.tagless_line is not None:
            errors.append(_mixed(line, name, group))
            return
        group.tagless_line = line
        group.fields["license"] = variant.license
        return
    if group.tagless_line is not None:
        errors.append(_mixed(line, name, group))
        return
    first = group.variant_lines.get(tag.lower())
    if first is not None:
        errors.append(RowError(line, f"duplicate row for {name}:{tag} (first at line {first})"))
        return
    group.variant_lines[tag.lower()] = line
    group.variants.append(variant)


def _mixed(line: int, name: str, group: _Group) -> RowError:
    first = group.tagless_line or min(group.variant_lines.values())
    return RowError(
        line,
        f"model {name!r} mixes a row without model_size with other rows (see line {first}); "
        "a model without tags has exactly one row",
    )


def _entry(group: _Group) -> ModelEntry:
    f = group.fields
    license_text = f.get("license", group.variants[0].license if group.variants else "")
    return ModelEntry(
        name=f["name"],
        display_name=f["display_name"],
        family=f["model_family"],
        publisher=f["publisher"],
        description=f["description"],
        license=license_text,
        source=f["source"],
        latest=f["latest"] or None,
        capabilities=tuple(_split_list(f["capabilities"])),
        tags=tuple(_split_list(f["tags"])),
        metadata=dict(sorted(group.metadata.items())),
        variants=tuple(group.variants),
    )


def write_csv(entries: Iterable[ModelEntry], out: TextIO) -> int:
    """Write entries in the registry CSV format; returns the number of data rows."""
    entries = list(entries)
    meta_keys = sorted({k for e in entries for k in e.metadata} - set(KNOWN_COLUMNS))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(KNOWN_COLUMNS + tuple(meta_keys))
    rows = 0
    for entry in entries:
        model_cells = {
            "name": entry.name,
            "display_name": entry.display_name,
            "model_family": entry.family,
            "capabilities": ",".join(capabilities.canonical_order(entry.capabilities)),
            "tags": ",".join(sorted(entry.tags, key=str.lower)),
            "description": entry.description,
            "publisher": entry.publisher,
            "latest": entry.latest or "",
            "source": entry.source,
        }
        meta = [entry.metadata.get(k, "") for k in meta_keys]
        variants = entry.variants or (Variant(tag="", license=entry.license),)
        for variant in variants:
            cells = {
                **model_cells,
                "model_size": variant.tag,
                "parameters": format_float(variant.parameters_b),
                "quantization": variant.quantization,
                "file_format": variant.file_format,
                "license": variant.license,
                "context_length": ""
                if variant.context_length is None
                else str(variant.context_length),
            }
            writer.writerow([cells[c] for c in KNOWN_COLUMNS] + meta)
            rows += 1
    return rows
