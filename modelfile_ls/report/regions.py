"""Where a finding is, in the units all report formats share: 1-based lines, code-point columns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex


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


def regions(lines: LineIndex, spans: Sequence[Span]) -> Iterator[Region]:
    """`region()` of each span, for spans sorted by start (a file's findings): each start's
    line is searched for from the previous one's, and an end on the same line, the usual
    finding, needs no search at all (a 10 MB file carries a hundred thousand findings)."""
    length = lines.text_length
    located = lines.locate_each([span[0] for span in spans])
    for (start, end), (line, line_start, line_end) in zip(spans, located, strict=True):
        column = min(max(start, 0), length) - line_start + 1
        if end <= start:
            yield _new(Region, (line + 1, column, line + 1, column))
        elif end <= line_end:
            yield _new(Region, (line + 1, column, line + 1, end - line_start + 1))
        else:
            end_line, end_column = lines.line_column(end, "utf-32")
            yield _new(Region, (line + 1, column, end_line + 1, end_column + 1))


_new = tuple.__new__
"""Builds a NamedTuple in C (its generated `__new__` is a Python function)."""


def severity_counts(results: Sequence[FileResult]) -> Counter[Severity]:
    """How many findings of each severity the results hold."""
    return Counter(finding.severity for result in results for finding in result.findings)


def files_with_findings(results: Iterable[FileResult]) -> int:
    """How many of the files have at least one finding."""
    return sum(1 for result in results if result.findings)
