"""Generate the registry's seed files from the shared catalog.

    python -m modelfile_ls.registry.build_seed ../shared/catalog          # rewrite the seed
    python -m modelfile_ls.registry.build_seed ../shared/catalog --check  # exit 1 if stale

Input: `models.csv` (one row per model, per-tag values as `tag=value;...`) and
`default-params.csv`. Output, committed under `modelfile_ls/registry/seed/`:

* `models.csv`: the registry CSV format (one row per tag; see `csvio`), written by the same
  writer as `registry export`, so exporting a freshly seeded registry reproduces it byte for
  byte. `latest` is the catalog's `default_tag` (`(none)` where the library has no latest tag;
  a default tag missing from the tag list, such as granite4's `micro`, becomes a tag of its
  own). Free tags are derived: a size class per tag (`tiny` < 1B parameters, `small` < 5B,
  `medium` < 15B, `large` otherwise; sizes read from the parameter count, else from a tag
  such as `7b` or `360m`) and `long-context` when some tag advertises >= 128000 tokens. The
  catalog's `confidence` becomes metadata.
* `default-params.csv`: the catalog's default parameters, with `same` sources resolved to the
  row above.

Parameter facts and instruction docs are not part of the seed: the registry reads them from
`modelfile_ls/facts/data` at seeding time, the one place those facts live.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

from modelfile_ls.atomic import write_atomically
from modelfile_ls.registry.csvio import read_csv, write_csv
from modelfile_ls.registry.csvrows import CsvError
from modelfile_ls.registry.records import NO_LATEST, ModelEntry, Variant

SEED_FILES = ("models.csv", "default-params.csv")
DEFAULT_PARAMS_COLUMNS = ("model", "parameter", "value", "applies_to", "confidence", "source")
_QUANT_TAG = re.compile(r"^(q\d\w*|i?q\d\w*|f16|f32|bf16|fp16|mxfp4)$", re.IGNORECASE)
_SIZE_TAG = re.compile(r"^(\d+(?:\.\d+)?)([mb])$", re.IGNORECASE)


class CatalogError(Exception):
    """The catalog contradicts itself; the message names the model and column."""


def _per_tag(text: str, tags: list[str], where: str) -> tuple[str, dict[str, str]]:
    """Split `default;tag=value;...` into the bare default and per-tag overrides."""
    default = ""
    overrides: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        tag, sep, value = item.partition("=")
        if not sep:
            default = item
            continue
        if tag not in tags:
            raise CatalogError(f"{where}: value for unknown tag {tag!r}")
        overrides[tag] = value
    return default, overrides


def display_name(name: str, family: str) -> str:
    """`qwen2.5-coder` in family Qwen -> `Qwen 2.5 Coder`; the family's spelling wins."""
    family_key = re.sub(r"[^a-z0-9]", "", family.lower())
    head, rest = "", name
    compact = ""
    for index, char in enumerate(name):
        if char.isalnum():
            compact += char.lower()
        if family_key and compact == family_key:
            head, rest = family, name[index + 1 :]
            break
        if not family_key.startswith(compact):
            break
    words = [w for w in re.split(r"[-_]", rest) if w]
    words = [w[0].upper() + w[1:] for w in words]
    return " ".join(([head] if head else []) + words) or name


def _size_billions(tag: str, parameters: float | None) -> float | None:
    if parameters is not None:
        return parameters
    match = _SIZE_TAG.match(tag)
    if not match:
        return None
    value = float(match.group(1))
    return value / 1000 if match.group(2).lower() == "m" else value


def _size_class(billions: float) -> str:
    if billions < 1:
        return "tiny"
    if billions < 5:
        return "small"
    if billions < 15:
        return "medium"
    return "large"


def _model_entry(row: dict[str, str]) -> ModelEntry:
    name = row["name"]
    tags = [t.strip() for t in row["tags"].split(";") if t.strip()]
    default_tag = row["default_tag"].strip()
    if default_tag == "(no latest tag)":
        latest: str | None = NO_LATEST
    elif default_tag:
        latest = default_tag
        if default_tag not in tags:
            tags.append(default_tag)
    else:
        latest = "latest" if "latest" in tags else None
    params_default, params = _per_tag(row["parameters_b"], tags, f"{name} parameters_b")
    ctx_default, contexts = _per_tag(row["context_length"], tags, f"{name} context_length")
    lic_default, licenses = _per_tag(row["license"], tags, f"{name} license")
    variants = []
    for tag in tags:
        parameters = params.get(tag, params_default)
        context = contexts.get(tag, ctx_default)
        quant = tag.upper() if _QUANT_TAG.match(tag) else row["default_quantization"].strip()
        variants.append(
            Variant(
                tag=tag,
                parameters_b=float(parameters) if parameters else None,
                context_length=int(context) if context else None,
                quantization=quant,
                license=licenses.get(tag, lic_default),
            )
        )
    free_tags = set()
    for variant in variants:
        billions = _size_billions(variant.tag, variant.parameters_b)
        if billions is not None:
            free_tags.add(_size_class(billions))
        if variant.context_length is not None and variant.context_length >= 128000:
            free_tags.add("long-context")
    family = row["family"].strip()
    return ModelEntry(
        name=name,
        display_name=display_name(name, family),
        family=family,
        publisher=row["publisher"].strip(),
        description=row["description"].strip(),
        license=variants[0].license if variants else lic_default,
        source=row["source"].strip(),
        latest=latest,
        capabilities=tuple(c for c in row["capabilities"].split(";") if c),
        tags=tuple(sorted(free_tags)),
        metadata={"confidence": row["confidence"].strip()} if row["confidence"].strip() else {},
        variants=tuple(variants),
    )


def build(catalog: Path) -> dict[str, bytes]:
    """The seed files' exact bytes, built from a catalog directory."""
    with (catalog / "models.csv").open(encoding="utf-8", newline="") as handle:
        entries = [_model_entry(row) for row in csv.DictReader(handle)]
    models_out = io.StringIO()
    write_csv(entries, models_out)
    models_bytes = models_out.getvalue().encode("utf-8")
    # Read back through the importer: a seed the importer would reject must fail the build.
    read_csv(models_bytes, "seed models.csv")
    known = {e.name for e in entries}
    params_out = io.StringIO()
    writer = csv.writer(params_out, lineterminator="\n")
    writer.writerow(DEFAULT_PARAMS_COLUMNS)
    previous_source = ""
    with (catalog / "default-params.csv").open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["model"] not in known:
                raise CatalogError(f"default-params.csv:{line}: unknown model {row['model']!r}")
            source = row["source"].strip()
            # "same" in the catalog means "the source of the row above".
            if source == "same":
                source = previous_source
            previous_source = source
            # Values are not stripped: a stop string may begin or end with a space.
            writer.writerow(
                [row[c].strip() if c != "value" else row[c] for c in DEFAULT_PARAMS_COLUMNS[:-1]]
                + [source]
            )
    return {"models.csv": models_bytes, "default-params.csv": params_out.getvalue().encode("utf-8")}


def seed_dir() -> Path:
    """The package directory holding the committed seed files."""
    return Path(__file__).parent / "seed"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the seed files."""
    parser = argparse.ArgumentParser(
        prog="python -m modelfile_ls.registry.build_seed",
        description="Build the registry seed from the shared catalog directory.",
    )
    parser.add_argument("catalog", type=Path, help="directory with models.csv, default-params.csv")
    parser.add_argument("--out", type=Path, default=None, help="output directory (default: seed/)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the seed files are stale")
    args = parser.parse_args(argv)
    out = args.out or seed_dir()
    try:
        files = build(args.catalog)
    except (OSError, KeyError, ValueError, CatalogError, CsvError) as exc:
        print(f"build_seed: {exc}", file=sys.stderr)
        return 1
    stale = [
        n for n, data in files.items() if not (out / n).is_file() or (out / n).read_bytes() != data
    ]
    if args.check:
        for name in stale:
            print(f"build_seed: {out / name} is not current", file=sys.stderr)
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write_atomically(out / name, data)
    print(f"wrote {', '.join(str(out / n) for n in files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
