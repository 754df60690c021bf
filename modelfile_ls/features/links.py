"""Document links: FROM / ADAPTER / DRAFT paths that exist, and model names to their pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from modelfile_ls.analysis.references import resolve_references
from modelfile_ls.features.models import library_url
from modelfile_ls.syntax.model import ParsedModelfile, Span


@dataclass(frozen=True, slots=True)
class Link:
    """A link from a span of the document to a URI (`file://...` or `https://...`)."""

    span: Span
    target: str
    tooltip: str


def document_links(parsed: ParsedModelfile, base_dir: str | None = None) -> list[Link]:
    """Links for every FROM, ADAPTER and DRAFT value that is a local path or a model name.

    Paths resolve as the CLI resolves them (relative to `base_dir`, the Modelfile's
    directory; without it, only model names are linked).
    """
    clean = [i for i in parsed.instructions if not i.has_error]
    links = []
    for reference in resolve_references(clean, base_dir):
        value = reference.instruction.value
        if value is None or not value.text:
            continue
        span = value.content_span
        local = reference.local
        if reference.is_local and local is not None and local.path is not None:
            links.append(Link(span, Path(local.path).as_uri(), f"Open {local.path}"))
        elif reference.name is not None and not reference.looks_like_path:
            url = library_url(reference.name)
            if url is not None:
                links.append(Link(span, url, f"{reference.name.short} on the web"))
    return links
