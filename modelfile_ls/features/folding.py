"""Folding ranges: multi-line values and blocks of consecutive comment lines."""

from __future__ import annotations

from dataclasses import dataclass

from modelfile_ls.syntax.model import ParsedModelfile


@dataclass(frozen=True, slots=True)
class Fold:
    """Lines `start_line..end_line` (zero-based, inclusive); `kind` is an LSP
    `FoldingRangeKind` value (`comment`) or None for a value."""

    start_line: int
    end_line: int
    kind: str | None = None


def folding_ranges(parsed: ParsedModelfile) -> list[Fold]:
    """Every multi-line instruction and every run of two or more comment lines, in order."""
    lines = parsed.lines
    folds = []
    for instruction in parsed.instructions:
        first, last = lines.line_of(instruction.span.start), lines.line_of(instruction.span.end)
        if last > first:
            folds.append(Fold(first, last))
    run_start = run_end = -2
    for comment in parsed.comments:
        line = lines.line_of(comment.span.start)
        if line == run_end + 1:
            run_end = line
            continue
        if run_end > run_start:
            folds.append(Fold(run_start, run_end, "comment"))
        run_start = run_end = line
    if run_end > run_start:
        folds.append(Fold(run_start, run_end, "comment"))
    folds.sort(key=lambda f: (f.start_line, f.end_line))
    return folds
