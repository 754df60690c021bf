from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

Key = TypeVar("Key", bound=Hashable)
Pair = TypeVar("Pair", bound=tuple[int, int])

def scan_simple(
    text: str,
    pos: int,
    out: list[Any],
    types: tuple[type, type, type, object, object, object],
    keywords: tuple[str, ...],
    roles: tuple[str, ...],
    kept: bytearray = ...,
) -> int: ...

BLANKS: int
"""Space, tab, CR and LF."""
LETTERS: int
"""ASCII letters."""
NAME_CHARS: int
"""ASCII letters, digits and `_` (a PARAMETER name's)."""
WORD: int
"""Anything but a space, tab, CR or LF."""
VALUE_CHARS: int
"""Tab and printable ASCII (and the runes set in `kept`)."""
VISIBLE: int
"""Tab, CR, LF and printable ASCII (and the runes set in `kept`): what Ollama never drops."""
PRINTABLE: int
"""Printable ASCII, space to `~` (the text report shows such a run as it is)."""

def run_end(text: str, pos: int, end: int, run: int, kept: bytearray = ...) -> int: ...
def line_breaks(text: str, start: int, end: int) -> list[int]: ...
def line_columns(
    starts: list[int], offsets: Sequence[int], length: int, base: int
) -> tuple[list[int], list[int]]: ...
def span_regions(
    starts: list[int], spans: Sequence[tuple[int, int]], length: int
) -> list[tuple[int, int, int, int]]: ...
def whole_lines(
    starts: list[int], text: str, spans: Sequence[tuple[int, int]], make: type[Pair]
) -> list[Pair]: ...
def group_positions(keys: Iterable[Key], skip: Iterable[bool] | None) -> dict[Key, list[int]]: ...

# The reports' pieces (report/_blocks.c, compiled into this module).
def text_piece(
    head: str,
    findings: Sequence[tuple[Any, ...]],
    fields: tuple[int, ...],
    spans: Sequence[tuple[int, int]],
    columns: Sequence[int],
    layouts: Sequence[tuple[int, int, str | None, Any, str]],
    templates: dict[Any, tuple[str, str]],
    template: Callable[[Any], tuple[str, str]],
    placed: Callable[[int, int, Any], tuple[str, int, int]],
    one_cell_each: object,
) -> str: ...
def plain_lines(
    text: str,
    starts: list[int],
    ends: list[int],
    numbers: list[int],
    opening: str,
    closing: str,
    one_cell_each: object,
    width: int,
) -> list[tuple[int, int, str | None, Any, str]] | None: ...
def json_piece(
    opening: str,
    findings: Sequence[tuple[Any, ...]],
    fields: tuple[int, ...],
    regions: Sequence[tuple[int, int, int, int]],
    heads: dict[Any, str],
    head: Callable[[Any], str],
) -> str: ...
