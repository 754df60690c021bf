"""The registry's CSV format: one row per model tag, in the seed's column layout.

Header: the ten core columns, then `publisher,license,context_length,latest,source`, then one
column per metadata key (sorted). Extra columns an importer does not know become metadata.
Model-level columns repeat on every row of a model and must agree; per-tag columns
(`model_size` = the tag, `parameters` in billions, `quantization`, `file_format`, `license`,
`context_length`) describe that tag. A model with no known tags has one row with an empty
`model_size`. Reading validates everything and reports every bad row with its line number;
nothing is returned unless the whole file is good, which is what makes import all-or-nothing.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from modelfile_ls.modelname import parse_model_name
from modelfile_ls.registry.records import NO_LATEST, ModelEntry, Variant
from modelfile_ls.registry.schema import CAPABILITIES

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
CAPABILITY_NAMES = tuple(name for name, _ in CAPABILITIES)


@dataclass(frozen=True, slots=True)
class RowError:
    """One reason one line is bad."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvError(Exception):
    """The file cannot be imported; `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        noun = "row" if len(errors) == 1 else "rows"
        detail = "\n".join(f"{source}:{e.line}: {e.message}" for e in errors)
        super().__init__(f"{source}: {len(errors)} bad {noun}, nothing imported\n{detail}")


@dataclass(slots=True)
class _Group:
    """Rows of one model while reading."""

    line: int
    fields: dict[str, str]
    metadata: dict[str, str]
    variants: list[Variant] = field(default_factory=list)
    variant_lines: dict[str, int] = field(default_factory=dict)
    tagless_line: int | None = None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvError(source, [RowError(line, f"not valid UTF-8 ({exc.reason})")]) from exc


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def validate_model_name(name: str, tag: str = "") -> str | None:
    """Why `name` (as written after FROM, without a tag) plus `tag` is not a model reference."""
    if not name:
        return "name is empty"
    if name != name.strip():
        return f"name {name!r} has leading or trailing spaces"
    if name.rfind(":") > name.rfind("/"):
        return f"name {name!r} includes a tag; put the tag in model_size"
    reference = f"{name}:{tag}" if tag else name
    parsed = parse_model_name(reference)
    if parsed.problem:
        return f"{reference!r} is not a valid model reference: {parsed.problem}"
    return None


def _parse_float(text: str, column: str, errors: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors.append(f"{column} must be a number (billions of parameters), got {text!r}")
        return None
    if not math.isfinite(value) or value < 0:
        errors.append(f"{column} must be a finite number >= 0, got {text!r}")
        return None
    return value


def _parse_int(text: str, column: str, errors: list[str]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) <= 0:
        errors.append(f"{column} must be a positive whole number, got {text!r}")
        return None
    return int(text)


def read_csv(data: bytes, source: str = "<csv>") -> list[ModelEntry]:
    """Parse and validate a registry CSV; raises CsvError listing every bad row."""
    text = _decode(data, source)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    errors: list[RowError] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvError(source, [RowError(1, f"unreadable header: {exc}")]) from exc
    if header is None:
        raise CsvError(source, [RowError(1, "the file is empty; expected a header line")])
    if tuple(header[: len(CORE_COLUMNS)]) != CORE_COLUMNS:
        expected = ",".join(CORE_COLUMNS)
        raise CsvError(source, [RowError(1, f"the header must start with {expected}")])
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        raise CsvError(source, [RowError(1, f"duplicate columns: {', '.join(duplicates)}")])
    if any(not c.strip() for c in header):
        raise CsvError(source, [RowError(1, "a column name is empty")])
    groups: dict[str, _Group] = {}
    order: list[str] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            errors.append(RowError(start, f"malformed CSV: {exc}"))
            break
        if row is None:
            break
        line = reader.line_num
        if not row:
            continue
        if len(row) != len(header):
            errors.append(
                RowError(start, f"expected {len(header)} fields like the header, got {len(row)}")
            )
            continue
        _read_row(dict(zip(header, row, strict=True)), start, groups, order, errors)
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
    if errors:
        errors.sort(key=lambda e: e.line)
        raise CsvError(source, errors)
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
    capabilities = [c.lower() for c in _split_list(row["capabilities"])]
    unknown = [c for c in capabilities if c not in CAPABILITY_NAMES]
    if unknown:
        problems.append(
            f"unknown capabilities {', '.join(unknown)}; known: {', '.join(CAPABILITY_NAMES)}"
        )
    fields = {
        "name": name,
        "display_name": row["display_name"].strip() or name,
        "model_family": row["model_family"].strip(),
        "capabilities": ",".join(c for c in CAPABILITY_NAMES if c in capabilities),
        "tags": ",".join(sorted(set(_split_list(row["tags"])), key=str.lower)),
        "description": row["description"].strip(),
        "publisher": row.get("publisher", "").strip(),
        "latest": row.get("latest", "").strip(),
        "source": row.get("source", "").strip(),
    }
    variant = Variant(
        tag=tag,
        parameters_b=_parse_float(row["parameters"].strip(), "parameters", problems),
        context_length=_parse_int(
            row.get("context_length", "").strip(), "context_length", problems
        ),
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


def format_float(value: float | None) -> str:
    """Shortest text that reads back as the same float ("" for unknown)."""
    return "" if value is None else repr(value)


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
            "capabilities": ",".join(c for c in CAPABILITY_NAMES if c in entry.capabilities),
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
