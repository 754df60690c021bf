"""What the element commands do (`element_commands` registers them): the prompt preview's
text. Loaded on the first command, so it imports freely.
"""

from __future__ import annotations

from pathlib import Path

from modelfile_ls.features.preview import preview_prompt
from modelfile_ls.lsp.answers import with_registry
from modelfile_ls.lsp.snapshot import Snapshot


def render_preview(snapshot: Snapshot, root: Path | None) -> dict[str, object]:
    """The prompt preview of an open Modelfile: text, error, sample, source and version."""
    document = snapshot.document
    base_dir = document.base_dir or root
    preview = with_registry(
        snapshot,
        lambda registry: preview_prompt(document.parsed, base_dir=base_dir, registry=registry),
    )
    return {
        "source": snapshot.uri,
        "version": snapshot.version,
        "text": preview.text,
        "error": preview.text if preview.error else None,
        "sample": preview.sample,
    }
