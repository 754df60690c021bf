"""The `sarif` format: a SARIF 2.1.0 log for code-scanning services (GitHub, Azure DevOps, IDEs)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import count
from operator import attrgetter
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from modelfile_ls import __version__
from modelfile_ls.analysis.finding import Severity
from modelfile_ls.analysis.rule import Rule
from modelfile_ls.report.model import FileResult
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
    indices = {code: index for index, code in enumerate(rules)}
    text = json.dumps(sarif_log(rules, []), indent=2, ensure_ascii=False) + "\n"
    items = [item for result in results for item in _result_texts(result, indices)]
    if not items:
        return text
    # Unescaped quotes are only ever a key's or a string's own, so this is the key. The rest
    # of the log goes on the first and last results, so the text is copied by one join only.
    head, _, tail = text.rpartition('"results": []')
    items[0] = f'{head}"results": [\n{items[0]}'
    items[-1] = f"{items[-1]}\n{_RUN_INDENT}]{tail}"
    return ",\n".join(items)


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


def _result_texts(result: FileResult, indices: Mapping[str, int]) -> Iterator[str]:
    """The text of each finding's result, as it stands in the log."""
    artifact = artifact_uri(result.path)
    templates: dict[_Shape, tuple[str, int]] = {}
    spans: list[Span] = []
    shapes: list[_Shape] = []
    add_span, add_spans, add_shape = spans.append, spans.extend, shapes.append
    for finding in result.findings:
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
    numbers = [number for where in result.lines.regions(spans) for number in where]
    at = 0
    for shape in shapes:
        made = templates.get(shape)
        if made is None:
            made = templates[shape] = _template(shape, artifact, indices)
        template, size = made
        yield template % tuple(numbers[at : at + size])
        at += size


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
    # `_result_texts` gives the numbers in.
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
