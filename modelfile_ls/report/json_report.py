"""The `json` format: a flat array of findings, one object each, for scripts."""

from __future__ import annotations

# The C string encoder `json.dumps(..., ensure_ascii=False)` itself uses.
from _json import encode_basestring as _string
from collections.abc import Iterator, Sequence
from operator import attrgetter

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult, batches

_SPAN = attrgetter("span")
_HEAD = attrgetter("code", "severity", "message")


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
    for batch in batches(_objects(results), PIECE_OBJECTS):
        yield opening + ",\n".join(batch)
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


PIECE_OBJECTS = 4096
"""Objects per piece of a json report (~1 MB)."""


def _objects(results: Sequence[FileResult]) -> Iterator[str]:
    for result in results:
        path = _string(result.path)
        # The part of an object before its numbers, per code, severity and message: a
        # few-shot file repeats one message on thousands of findings.
        heads: dict[tuple[str, Severity, str], str] = {}
        findings = result.findings
        located = result.lines.regions(list(map(_SPAN, findings)))
        for key, (line, column, end_line, end_column) in zip(
            map(_HEAD, findings), located, strict=True
        ):
            head = heads.get(key)
            if head is None:
                code, severity, message = key
                head = heads[key] = (
                    "  {\n"
                    f'    "file": {path},\n'
                    f'    "code": {_string(code)},\n'
                    f'    "severity": {_string(severity.label)},\n'
                    f'    "message": {_string(message)},\n'
                    '    "line": '
                )
            yield (
                f"{head}{line},\n"
                f'    "column": {column},\n'
                f'    "end_line": {end_line},\n'
                f'    "end_column": {end_column}\n'
                "  }"
            )
