"""Directory listings for FROM / ADAPTER / DRAFT path completion.

Paths resolve as Ollama's CLI resolves them (`analysis.paths.expand`): relative to the
Modelfile's directory, `~` and `~user` to home directories. A listing reads at most
`MAX_ENTRIES` entries, so a huge directory cannot stall a request.
"""

from __future__ import annotations

import os
from itertools import islice

from modelfile_ls.analysis.paths import expand

MAX_ENTRIES = 500
_WEIGHT_SUFFIXES = (".gguf", ".safetensors", ".bin", ".pth")


def _listing(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return list(islice(entries, MAX_ENTRIES))
    except OSError:
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def path_candidates(prefix: str, base_dir: str | None) -> tuple[int, list[tuple[str, bool]]]:
    """Entries of the directory `prefix` points into, as (name, is directory), with the
    offset in `prefix` where the last path segment (the part a candidate replaces) starts."""
    head, slash, segment = prefix.rpartition("/")
    folder = head + slash
    relative = not folder.startswith(("/", "~"))
    if relative and base_dir is None:
        # An unsaved document has no directory to be relative to.
        return len(folder), []
    directory, error = expand(folder or ".", base_dir or "/")
    if directory is None or error is not None:
        return len(folder), []
    show_hidden = segment.startswith(".")
    found = [
        (entry.name + "/" if _is_dir(entry) else entry.name, _is_dir(entry))
        for entry in _listing(directory)
        if show_hidden or not entry.name.startswith(".")
    ]
    return len(folder), sorted(found)


def weight_files(base_dir: str) -> list[str]:
    """Model weight files right in the Modelfile's directory (`*.gguf`, `*.safetensors`, ...)."""
    return sorted(
        entry.name
        for entry in _listing(base_dir)
        if entry.name.lower().endswith(_WEIGHT_SUFFIXES) and not _is_dir(entry)
    )
