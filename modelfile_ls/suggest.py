"""Did-you-mean suggestions, shared by every rule and the settings that offer one (a leaf)."""

from __future__ import annotations

from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most similar to `word`, if any is similar enough."""
    # Lazy: difflib (and heapq) is a start-up cost of every `--check`, and only a file with an
    # unknown name asks for a suggestion.
    import difflib

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None
