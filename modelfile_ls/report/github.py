"""The `github` format: GitHub Actions workflow commands that annotate the changed files."""

from __future__ import annotations

from _operator import attrgetter

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult, pieces_of
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

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
    return "".join(github_pieces(results))


def github_pieces(results: Sequence[FileResult]) -> Iterator[str]:
    """`render_github` in pieces of a few thousand commands each, made as they are written
    (a 10 MB few-shot file's hundred thousand findings make 20 MB of commands)."""
    for result in results:
        path = escape_property(result.path)
        # Each command's text around its numbers, per severity, code and message: a few-shot
        # file repeats one message on thousands of findings.
        around: dict[tuple[Severity, str, str], tuple[str, str]] = {}
        for chunk in pieces_of(result.findings, PIECE_COMMANDS):
            located = result.lines.regions(list(map(_SPAN, chunk)))
            commands = []
            for key, (line, column, end_line, end_column) in zip(
                map(_KEY, chunk), located, strict=True
            ):
                made = around.get(key)
                if made is None:
                    made = around[key] = _around(path, *key)
                before, after = made
                commands.append(
                    f"{before}{line},col={column},endLine={end_line},endColumn={end_column}{after}"
                )
            yield "".join(commands)


PIECE_COMMANDS = 4096
"""Commands per piece of a github report."""

_SPAN = attrgetter("span")
_KEY = attrgetter("severity", "code", "message")


def _around(path: str, severity: Severity, code: str, message: str) -> tuple[str, str]:
    """A command's text before its line number and after its end column."""
    return (
        f"::{_COMMANDS[severity]} file={path},line=",
        f",title={escape_property(code)}::{escape_data(message)}\n",
    )
