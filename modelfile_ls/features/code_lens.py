"""Code lenses above FROM lines: what the base model is and whether it is installed, "Pull
<model>" when it is not, and "Create model <name>" above the first FROM of a saved file.

A lens's arguments are the one named-field object its command takes (`vocabulary.py`); the
server adds the document's `uri` to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from modelfile_ls.analysis.references import Reference, resolve_references
from modelfile_ls.features.models import context_text, model_info, size_text
from modelfile_ls.naming import suggested_name
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.model import ParsedModelfile, Span
from modelfile_ls.vocabulary import CREATE, PULL


@dataclass(frozen=True, slots=True)
class Lens:
    """A lens on `span`; `command` None means the title is information only."""

    span: Span
    title: str
    command: str | None = None
    arguments: Mapping[str, str] = field(default_factory=dict)


def code_lenses(
    parsed: ParsedModelfile,
    *,
    registry: Registry | None = None,
    base_dir: str | None = None,
    path: PurePath | None = None,
) -> list[Lens]:
    """Per FROM: the local file it names or the model's status in the registry, and "Pull"
    when it is not installed; "Create model" above the first FROM when the document has a
    file `path` (its name suggests the model's)."""
    lenses = _create_lens(parsed, path)
    clean = [i for i in parsed.instructions if not i.has_error]
    for reference in resolve_references(clean, base_dir):
        if reference.keyword == "FROM":
            lenses.extend(_lenses(reference, registry))
    return lenses


def _create_lens(parsed: ParsedModelfile, path: PurePath | None) -> list[Lens]:
    first = next((i for i in parsed.instructions if i.keyword == "FROM"), None)
    name = suggested_name(path) if path is not None else None
    if first is None or name is None:
        return []
    return [Lens(first.keyword_span, f"Create model {name}", CREATE, {"name": name})]


def _lenses(reference: Reference, registry: Registry | None) -> list[Lens]:
    span = reference.instruction.keyword_span
    local = reference.local
    if reference.is_local and local is not None:
        return [Lens(span, "local directory" if local.kind == "directory" else "local file")]
    name = reference.name
    if registry is None or name is None or not name.is_valid or reference.looks_like_path:
        return []
    if name.is_remote:
        return [Lens(span, f"cloud model {name.short}")]
    info = model_info(registry, name)
    facts = []
    if info.record is not None and info.record.family:
        facts.append(info.record.family)
    if info.variant is not None and info.variant.parameters_b is not None:
        facts.append(size_text(info.variant.parameters_b))
    if info.context_length is not None:
        facts.append(f"{context_text(info.context_length)} context")
    if info.installed:
        return [Lens(span, " · ".join(["installed", *facts]))]
    if info.installed is False:
        return [
            Lens(span, " · ".join(["not installed", *facts])),
            Lens(span, f"Pull {name.short}", PULL, {"model": name.short}),
        ]
    return [Lens(span, " · ".join(facts))] if facts else []
