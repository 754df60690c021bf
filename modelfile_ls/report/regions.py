"""Where a finding is, in the units all report formats share: 1-based lines, code-point columns."""

from __future__ import annotations

from _operator import attrgetter
from itertools import chain

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_SEVERITY = attrgetter("severity")


class Region(NamedTuple):
    """A 1-based range; `end_line`/`end_column` point just past the last character."""

    line: int
    column: int
    end_line: int
    end_column: int


def region(lines: LineIndex, span: Span) -> Region:
    """The 1-based region of a span, columns in code points; a zero-width span ends at its start."""
    line, column = lines.line_column(span.start, "utf-32")
    end_line, end_column = (
        lines.line_column(span.end, "utf-32") if span.end > span.start else (line, column)
    )
    return Region(line + 1, column + 1, end_line + 1, end_column + 1)


def severity_counts(results: Sequence[FileResult]) -> dict[Severity, int]:
    """How many findings of each severity the results hold (the severities found only)."""
    # Read and counted in C (`map`, `list.count`, a pass per severity): a 10 MB few-shot file
    # has a hundred thousand findings. Not collections.Counter: collections is off the
    # `--check` path (bench/lazy_imports.py, "check path: enum, functools, collections").
    found = list(chain.from_iterable(map(_SEVERITY, result.findings) for result in results))
    return {severity: found.count(severity) for severity in set(found)}


def files_with_findings(results: Iterable[FileResult]) -> int:
    """How many of the files have at least one finding."""
    return sum(1 for result in results if result.findings)
