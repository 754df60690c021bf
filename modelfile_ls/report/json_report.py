"""The `json` format: a flat array of findings, one object each, for scripts."""

from __future__ import annotations

# The C string encoder `json.dumps(..., ensure_ascii=False)` itself uses.
from _json import encode_basestring as _string
from collections.abc import Sequence

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import regions


def render_json(results: Sequence[FileResult]) -> str:
    """Every finding as an object with file, code, severity, message and a 1-based range.

    The text is exactly `json.dumps(items, indent=2, ensure_ascii=False)`, written out by
    hand: with `indent` the standard library falls back to its pure-Python encoder, about ten
    times slower than formatting these flat objects of strings and integers directly.
    """
    items: list[str] = []
    for result in results:
        path = _string(result.path)
        # The part of an object before its numbers, per code, severity and message: a
        # few-shot file repeats one message on thousands of findings.
        heads: dict[tuple[str, Severity, str], str] = {}
        findings = result.findings
        spans = [finding.span for finding in findings]
        for finding, where in zip(findings, regions(result.lines, spans), strict=True):
            key = (finding.code, finding.severity, finding.message)
            head = heads.get(key)
            if head is None:
                head = heads[key] = (
                    "  {\n"
                    f'    "file": {path},\n'
                    f'    "code": {_string(finding.code)},\n'
                    f'    "severity": {_string(finding.severity.label)},\n'
                    f'    "message": {_string(finding.message)},\n'
                )
            items.append(
                f'{head}    "line": {where.line},\n'
                f'    "column": {where.column},\n'
                f'    "end_line": {where.end_line},\n'
                f'    "end_column": {where.end_column}\n'
                "  }"
            )
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join(items) + "\n]\n"
