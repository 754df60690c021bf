"""`# modelfile-ls: ignore[MF101,MF102]` on its own line silences codes on the next instruction."""

from __future__ import annotations

from _bisect import bisect_left

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.analysis.suppression_comment import parse_directive
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.syntax.model import ParsedModelfile, Span

if TYPE_CHECKING:
    from collections.abc import Iterable


class Suppression(NamedTuple):
    """Codes silenced over a span (the instruction after the comment)."""

    comment: Span
    codes: frozenset[str]
    covers: Span | None


def suppressions(parsed: ParsedModelfile) -> list[Suppression]:
    """Every suppression comment with the instruction it covers (None if none follows)."""
    result = []
    runs = parsed.runs
    count = len(runs)
    for comment in parsed.comments:
        directive = parse_directive(comment.text)
        if directive is None:
            continue
        # Instructions start in order: the first one after the comment, found without
        # reading them all (after an edit they are moved into place only when read).
        index = bisect_left(range(count), comment.span.end, key=lambda i: runs.at(i).span.start)
        covers = runs.at(index).span if index < count else None
        result.append(Suppression(comment.span, frozenset(directive.codes), covers))
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
