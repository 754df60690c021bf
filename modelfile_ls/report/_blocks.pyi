from collections.abc import Callable, Sequence
from typing import Any

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
