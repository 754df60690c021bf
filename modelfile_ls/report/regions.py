"""Where a finding is, in the units all report formats share: 1-based lines, code-point columns."""

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report.model import FileResult
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex

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


def severity_counts(results: Sequence[FileResult]) -> Counter[Severity]:
    """How many findings of each severity the results hold."""
    # Read in C (`map`): a 10 MB few-shot file has a hundred thousand findings.
    return Counter(chain.from_iterable(map(_SEVERITY, result.findings) for result in results))


def files_with_findings(results: Iterable[FileResult]) -> int:
    """How many of the files have at least one finding."""
    return sum(1 for result in results if result.findings)
