"""`# modelfile-ls: ignore[MF101,MF102]` on its own line silences codes on the next instruction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.analysis.suppression_comment import parse_directive
from modelfile_ls.syntax.model import ParsedModelfile, Span


@dataclass(frozen=True, slots=True)
class Suppression:
    """Codes silenced over a span (the instruction after the comment)."""

    comment: Span
    codes: frozenset[str]
    covers: Span | None


def suppressions(parsed: ParsedModelfile) -> list[Suppression]:
    """Every suppression comment with the instruction it covers (None if none follows)."""
    result = []
    starts: list[int] = []
    index = 0
    for comment in parsed.comments:
        directive = parse_directive(comment.text)
        if directive is None:
            continue
        if not starts:
            starts = [i.span.start for i in parsed.instructions]
        codes = frozenset(directive.codes)
        while index < len(starts) and starts[index] < comment.span.end:
            index += 1
        covers = parsed.instructions[index].span if index < len(starts) else None
        result.append(Suppression(comment.span, codes, covers))
    return result


def apply_suppressions(findings: Iterable[Finding], parsed: ParsedModelfile) -> list[Finding]:
    """Drop findings whose code is suppressed on the instruction they start in."""
    active = [s for s in suppressions(parsed) if s.covers is not None]
    if not active:
        return list(findings)
    kept = []
    for finding in findings:
        start = finding.span.start
        if any(
            s.covers is not None
            and s.covers.start <= start <= s.covers.end
            and any(finding.code.startswith(code) for code in s.codes)
            for s in active
        ):
            continue
        kept.append(finding)
    return kept
