"""The `sarif` format: a SARIF 2.1.0 log for code-scanning services (GitHub, Azure DevOps, IDEs)."""

from __future__ import annotations

import json
from _operator import attrgetter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import count
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from modelfile_ls import __version__
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule
from modelfile_ls.report.model import FileResult, pieces_of
from modelfile_ls.static_types import Any
from modelfile_ls.syntax.model import Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "modelfile-ls"
INFORMATION_URI = "https://pypi.org/project/modelfile-ls/"
SOURCE_ROOT = "%SRCROOT%"

_LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.HINT: "note",
}

JsonObject = dict[str, Any]


def render_sarif(results: Sequence[FileResult], rules: Mapping[str, Rule]) -> str:
    """One run with every rule as a reporting descriptor and every finding as a result.

    The text is exactly `json.dumps(log, indent=2, ensure_ascii=False)`, but each result is
    written through a template per shape (rule, message, notes and fixes, file) that
    `json.dumps` itself wrote once, the regions' numbers put in with one `%` each: a 10 MB
    few-shot file's hundred thousand findings took 32 s and 2.8 GB as one document to dump.
    """
    return "".join(sarif_pieces(results, rules))


def sarif_pieces(results: Sequence[FileResult], rules: Mapping[str, Rule]) -> Iterator[str]:
    """`render_sarif` in pieces of a few thousand results each, made as they are written: a
    10 MB few-shot file's log is 250 MB, which as one string (and its bytes) took a gigabyte
    of memory and a third of the check in memory first touched."""
    indices = {code: index for index, code in enumerate(rules)}
    text = json.dumps(sarif_log(rules, []), indent=2, ensure_ascii=False) + "\n"
    # Unescaped quotes are only ever a key's or a string's own, so this is the key.
    head, _, tail = text.rpartition('"results": []')
    opening, started = f'{head}"results": [\n', False
    for result in results:
        for piece in _result_pieces(result, indices):
            yield opening + ",\n".join(piece)
            opening, started = ",\n", True
    yield f"\n{_RUN_INDENT}]{tail}" if started else text


PIECE_RESULTS = 4096
"""Results per piece of a SARIF log (a few MB)."""


def sarif_log(rules: Mapping[str, Rule], results: list[JsonObject]) -> JsonObject:
    """The log around its results: one run of this tool, every rule a reporting descriptor."""
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(rule) for rule in rules.values()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


_RUN_INDENT = " " * 6
"""The indent of a run's keys in the log (log, `runs`, run: three levels of two)."""

_RESULT_INDENT = " " * 8
"""The indent of a result in the log (one level under the run's `results`)."""

_REGION_KEYS = ("startLine", "startColumn", "endLine", "endColumn")
_SENTINEL = 7_000_000_000
"""The first of the numbers a template's regions are written with, then replaced: each is
unique in its template and found right after its region key (`"startLine": `), which no
string can hold unescaped."""

_Shape = tuple[
    str, Severity, str, str | None, tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]
]
"""What a result's text depends on but its regions: code, severity, message, Ollama's words,
the notes' messages and each fix's title and inserted texts."""


def _result_pieces(result: FileResult, indices: Mapping[str, int]) -> Iterator[list[str]]:
    """The text of each finding's result, as it stands in the log, `PIECE_RESULTS` to a list:
    each list's spans, shapes and numbers are made and freed before the next one's."""
    artifact = artifact_uri(result.path)
    templates: dict[_Shape, tuple[str, int]] = {}
    for chunk in pieces_of(result.findings, PIECE_RESULTS):
        spans, shapes = _spans_and_shapes(chunk)
        numbers = [number for where in result.lines.regions(spans) for number in where]
        texts = []
        start = 0
        for shape in shapes:
            made = templates.get(shape)
            if made is None:
                made = templates[shape] = _template(shape, artifact, indices)
            template, size = made
            texts.append(template % tuple(numbers[start : start + size]))
            start += size
        yield texts


def _spans_and_shapes(findings: Sequence[Finding]) -> tuple[list[Span], list[_Shape]]:
    """Every region's span of the findings' results, in their text's order (each finding's
    own, its notes', its fix edits'), and each finding's shape."""
    spans: list[Span] = []
    shapes: list[_Shape] = []
    add_span, add_spans, add_shape = spans.append, spans.extend, shapes.append
    for finding in findings:
        related = finding.related
        add_span(finding.span)
        if related:
            add_spans(map(_SPAN, related))
        fixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
        if finding.fixes:
            kept = [fix for fix in finding.fixes if fix.edits]
            for fix in kept:
                add_spans(map(_SPAN, fix.edits))
            fixes = tuple((fix.title, tuple(map(_NEW_TEXT, fix.edits))) for fix in kept)
        add_shape(
            (
                finding.code,
                finding.severity,
                finding.message,
                finding.ollama_message,
                tuple(map(_MESSAGE, related)),
                fixes,
            )
        )
    return spans, shapes


_SPAN = attrgetter("span")
_MESSAGE = attrgetter("message")
_NEW_TEXT = attrgetter("new_text")


def _template(shape: _Shape, artifact: JsonObject, indices: Mapping[str, int]) -> tuple[str, int]:
    """A shape's result as `json.dumps` writes it in the log, each region number a `%d`, and
    how many numbers it takes."""
    sentinels = count(_SENTINEL)

    def sentinel_region() -> JsonObject:
        return {key: next(sentinels) for key in _REGION_KEYS}

    text = json.dumps(
        _result(shape, artifact, indices, sentinel_region), indent=2, ensure_ascii=False
    )
    text = _RESULT_INDENT + text.replace("\n", "\n" + _RESULT_INDENT)
    text = text.replace("%", "%%")
    # In the order `_result` asked for regions, which is the text's order and the order
    # `_spans_and_shapes` gives the spans (and so the numbers) in.
    used = next(sentinels) - _SENTINEL
    for number in range(_SENTINEL, _SENTINEL + used):
        key = _REGION_KEYS[(number - _SENTINEL) % 4]
        text = text.replace(f'"{key}": {number}', f'"{key}": %d', 1)
    return text, used


def _result(
    shape: _Shape,
    artifact: JsonObject,
    indices: Mapping[str, int],
    next_region: Callable[[], JsonObject],
) -> JsonObject:
    """A finding's result object; `next_region` gives its regions in turn: its own, each
    note's, then each fix edit's."""
    code, severity, message, ollama_message, notes, fixes = shape
    item: JsonObject = {"ruleId": code}
    if code in indices:
        item["ruleIndex"] = indices[code]
    item["level"] = _LEVELS[severity]
    item["message"] = {"text": message}
    if ollama_message:
        item["properties"] = {"ollamaMessage": ollama_message}
    item["locations"] = [_location(artifact, next_region())]
    if notes:
        item["relatedLocations"] = [
            {"id": number, **_location(artifact, next_region(), note)}
            for number, note in enumerate(notes)
        ]
    if fixes:
        item["fixes"] = [_fix(artifact, title, inserted, next_region) for title, inserted in fixes]
    return item


def artifact_uri(path: str) -> JsonObject:
    """The artifactLocation of a path: absolute paths as file URIs, others under %SRCROOT%."""
    if PurePosixPath(path).is_absolute():
        return {"uri": PurePosixPath(path).as_uri()}
    windows = PureWindowsPath(path)
    if windows.is_absolute():
        return {"uri": windows.as_uri()}
    relative = path.replace("\\", "/")
    while relative.startswith("./"):
        relative = relative[2:]
    return {"uri": quote(relative, safe="/"), "uriBaseId": SOURCE_ROOT}


def _descriptor(rule: Rule) -> JsonObject:
    doc = rule.description
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def _location(artifact: JsonObject, region: JsonObject, message: str | None = None) -> JsonObject:
    location: JsonObject = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    if message is not None:
        location["message"] = {"text": message}
    return location


def _fix(
    artifact: JsonObject,
    title: str,
    inserted: tuple[str, ...],
    next_region: Callable[[], JsonObject],
) -> JsonObject:
    return {
        "description": {"text": title},
        "artifactChanges": [
            {
                "artifactLocation": artifact,
                "replacements": [
                    {"deletedRegion": next_region(), "insertedContent": {"text": new_text}}
                    for new_text in inserted
                ],
            }
        ],
    }
