"""The `github` format: GitHub Actions workflow commands that annotate the changed files."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import regions

_COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
    Severity.HINT: "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions toolkit's `escapeData` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value as the Actions toolkit's `escapeProperty` does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Sequence[FileResult]) -> str:
    """One `::error`, `::warning` or `::notice` command per finding."""
    commands: list[str] = []
    for result in results:
        path = escape_property(result.path)
        findings = result.findings
        spans = [finding.span for finding in findings]
        for finding, where in zip(findings, regions(result.lines, spans), strict=True):
            properties = (
                f"file={path},line={where.line},col={where.column},"
                f"endLine={where.end_line},endColumn={where.end_column},"
                f"title={escape_property(finding.code)}"
            )
            command = _COMMANDS[finding.severity]
            commands.append(f"::{command} {properties}::{escape_data(finding.message)}")
    return "".join(f"{command}\n" for command in commands)
