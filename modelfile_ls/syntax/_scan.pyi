from typing import Any

def scan_simple(
    text: str,
    pos: int,
    out: list[Any],
    types: tuple[type, type, type, object],
    keywords: tuple[str, ...],
    roles: tuple[str, ...],
) -> int: ...
def line_breaks(text: str, start: int, end: int) -> list[int]: ...
def line_numbers(starts: list[int], offsets: list[int]) -> list[int]: ...
