"""The `github` format: GitHub Actions workflow commands that annotate the changed files."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult

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
        located = result.lines.regions([finding.span for finding in result.findings])
        for finding, (line, column, end_line, end_column) in zip(
            result.findings, located, strict=True
        ):
            properties = (
                f"file={path},line={line},col={column},"
                f"endLine={end_line},endColumn={end_column},"
                f"title={escape_property(finding.code)}"
            )
            command = _COMMANDS[finding.severity]
            commands.append(f"::{command} {properties}::{escape_data(finding.message)}")
    return "".join(f"{command}\n" for command in commands)
