"""The `sarif` format: a SARIF 2.1.0 log for code-scanning services (GitHub, Azure DevOps, IDEs)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from modelfile_ls import __version__
from modelfile_ls.analysis.finding import Finding, Fix, Severity
from modelfile_ls.analysis.rule import Rule
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import region
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

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
    """One run with every rule as a reporting descriptor and every finding as a result."""
    indices = {code: index for index, code in enumerate(rules)}
    log = {
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
                "results": [
                    _result(result, finding, indices)
                    for result in results
                    for finding in result.findings
                ],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


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
