"""The input every report format renders: per-file findings with the text they point into."""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.syntax.model import ParsedModelfile
from modelfile_ls.syntax.positions import LineIndex

if TYPE_CHECKING:
    from collections.abc import Iterator


class FileResult(NamedTuple):
    """The findings of one checked file; `path` is as the user should see it.

    `parsed`, when there is one, is the parse the findings came from, kept with them: a 10 MB
    file's parse is millions of small objects, and freeing them one by one as soon as the
    findings are made costs a tenth of the check, which `--check` saves by exiting without
    freeing anything (`cli._exit_now`)."""

    path: str
    text: str
    lines: LineIndex
    findings: tuple[Finding, ...]
    parsed: ParsedModelfile | None = None


def pieces_of(findings: tuple[Finding, ...], size: int) -> Iterator[tuple[Finding, ...]]:
    """`findings` in runs of `size` (the last one shorter): what each report makes one piece
    of, its lists freed before the next run's, so a report of a hundred thousand findings
    reuses the memory of its first piece."""
    return (findings[at : at + size] for at in range(0, len(findings), size))
