"""The `json` format: a flat array of findings, one object each, for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import region


def render_json(results: Sequence[FileResult]) -> str:
    """Every finding as an object with file, code, severity, message and a 1-based range."""
    items: list[dict[str, str | int]] = []
    for result in results:
        for finding in result.findings:
            where = region(result.lines, finding.span)
            items.append(
                {
                    "file": result.path,
                    "code": finding.code,
                    "severity": finding.severity.label,
                    "message": finding.message,
                    "line": where.line,
                    "column": where.column,
                    "end_line": where.end_line,
                    "end_column": where.end_column,
                }
            )
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
