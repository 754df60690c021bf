"""The input every report format renders: per-file findings with the text they point into."""

from __future__ import annotations

from typing import NamedTuple

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.syntax.positions import LineIndex


class FileResult(NamedTuple):
    """The findings of one checked file; `path` is as the user should see it."""

    path: str
    text: str
    lines: LineIndex
    findings: tuple[Finding, ...]
