"""Capability names: an open vocabulary, of which Ollama itself reports or labels eight.

Ollama's own capabilities (with descriptions, in display order) live in
`modelfile_ls/facts/data/capabilities.py`; this module is the only reader. Any other name
a CSV import brings (`reasoning`, `math`) is stored as given and sorts after Ollama's, by
name, so the order of a model's capabilities never depends on import history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from modelfile_ls.facts import read_facts

FACTS = "capabilities"
_NAME = re.compile(r"[a-z0-9][a-z0-9._+-]*")


@cache
def ollama_capabilities() -> tuple[tuple[str, str], ...]:
    """Ollama's capabilities as (name, description), in display order."""
    entries = read_facts(FACTS)["capabilities"]
    return tuple((str(e["name"]), str(e["description"])) for e in entries)


@cache
def ollama_capability_names() -> tuple[str, ...]:
    """The names of Ollama's capabilities, in display order."""
    return tuple(name for name, _ in ollama_capabilities())


def is_ollama_capability(name: str) -> bool:
    """Whether Ollama itself reports or labels this capability."""
    return name.lower() in ollama_capability_names()


def normalize(name: str) -> str:
    """The stored form of a capability name: trimmed and lower-case."""
    return name.strip().lower()


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a capability name (None when it can)."""
    if _NAME.fullmatch(name):
        return None
    return (
        f"capability {name!r} is not a name (letters, digits, '.', '_', '+', '-'; "
        "separate capabilities with commas)"
    )


def canonical_order(names: Iterable[str]) -> tuple[str, ...]:
    """Distinct names, Ollama's first in their display order, then the others by name."""
    known = ollama_capability_names()
    unique = set(names)
    return tuple(n for n in known if n in unique) + tuple(sorted(unique - set(known)))
