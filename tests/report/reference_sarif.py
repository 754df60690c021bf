"""The `sarif` format written the plain way, one document dumped at once: the reference the
report's per-shape templates are held to (the renderer before them)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from modelfile_ls.analysis.finding import Finding, Fix
from modelfile_ls.analysis.rule import Rule
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import region
from modelfile_ls.report.sarif import _LEVELS, artifact_uri, sarif_log
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

JsonObject = dict[str, Any]


def reference_sarif(results: Sequence[FileResult], rules: Mapping[str, Rule]) -> str:
    """What `render_sarif` must print: the whole log built as objects, then dumped."""
    indices = {code: index for index, code in enumerate(rules)}
    log = sarif_log(
        rules,
        [_result(result, finding, indices) for result in results for finding in result.findings],
    )
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _result(result: FileResult, finding: Finding, indices: Mapping[str, int]) -> JsonObject:
    artifact = artifact_uri(result.path)
    item: JsonObject = {"ruleId": finding.code}
    if finding.code in indices:
        item["ruleIndex"] = indices[finding.code]
    item["level"] = _LEVELS[finding.severity]
    item["message"] = {"text": finding.message}
    if finding.ollama_message:
        item["properties"] = {"ollamaMessage": finding.ollama_message}
    item["locations"] = [_location(artifact, result.lines, finding.span)]
    if finding.related:
        item["relatedLocations"] = [
            {"id": number, **_location(artifact, result.lines, related.span, related.message)}
            for number, related in enumerate(finding.related)
        ]
    fixes = [_fix(artifact, result.lines, fix) for fix in finding.fixes if fix.edits]
    if fixes:
        item["fixes"] = fixes
    return item


def _location(
    artifact: JsonObject, lines: LineIndex, span: Span, message: str | None = None
) -> JsonObject:
    location: JsonObject = {
        "physicalLocation": {"artifactLocation": artifact, "region": _region(lines, span)}
    }
    if message is not None:
        location["message"] = {"text": message}
    return location


def _region(lines: LineIndex, span: Span) -> JsonObject:
    where = region(lines, span)
    return {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
    }


def _fix(artifact: JsonObject, lines: LineIndex, fix: Fix) -> JsonObject:
    return {
        "description": {"text": fix.title},
        "artifactChanges": [
            {
                "artifactLocation": artifact,
                "replacements": [
                    {
                        "deletedRegion": _region(lines, edit.span),
                        "insertedContent": {"text": edit.new_text},
                    }
                    for edit in fix.edits
                ],
            }
        ],
    }
