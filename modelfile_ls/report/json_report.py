"""The `json` format: a flat array of findings, one object each, for scripts."""

from __future__ import annotations

# The C string encoder `json.dumps(..., ensure_ascii=False)` itself uses.
from _json import encode_basestring as _string
from _operator import attrgetter
from collections.abc import Iterator, Sequence
from functools import partial

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.report.model import FileResult, pieces_of

# report/_blocks.c, compiled into the syntax layer's extension module (it says why).
from modelfile_ls.syntax._scan import json_piece

_SPAN = attrgetter("span")
_HEAD_FIELDS = tuple(map(Finding._fields.index, ("code", "severity", "message")))
"""Where an object's head reads its finding (`_blocks.json_piece`)."""


def render_json(results: Sequence[FileResult]) -> str:
    """Every finding as an object with file, code, severity, message and a 1-based range.

    The text is exactly `json.dumps(items, indent=2, ensure_ascii=False)`, written out by
    hand: with `indent` the standard library falls back to its pure-Python encoder, about ten
    times slower than formatting these flat objects of strings and integers directly.
    """
    return "".join(json_pieces(results))


def json_pieces(results: Sequence[FileResult]) -> Iterator[str]:
    """`render_json` in pieces of a few thousand objects each, made as they are written: a
    10 MB few-shot file's report is 25 MB, which as one string (and its bytes) took a tenth
    of the check in memory first touched."""
    opening = "[\n"
    for result in results:
        # The part of an object before its numbers, per code, severity and message: a
        # few-shot file repeats one message on thousands of findings.
        heads: dict[tuple[str, Severity, str], str] = {}
        head = partial(_head, _string(result.path))
        for chunk in pieces_of(result.findings, PIECE_OBJECTS):
            # Located and made in C (the objects from a head per key), each piece's lists
            # freed before the next one's.
            located = result.lines.regions(list(map(_SPAN, chunk)))
            yield json_piece(opening, chunk, _HEAD_FIELDS, located, heads, head)
            opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


PIECE_OBJECTS = 4096
"""Objects per piece of a json report (~1 MB)."""


def _head(path: str, key: tuple[str, Severity, str]) -> str:
    """An object's text before its numbers: its file (as json), code, severity and message."""
    code, severity, message = key
    return (
        "  {\n"
        f'    "file": {path},\n'
        f'    "code": {_string(code)},\n'
        f'    "severity": {_string(severity.label)},\n'
        f'    "message": {_string(message)},\n'
        '    "line": '
    )
