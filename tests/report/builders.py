"""Hand-built rules, findings and file results for the report tests."""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, Rule
from modelfile_ls.report.model import FileResult
from modelfile_ls.syntax.model import Span
from modelfile_ls.syntax.positions import LineIndex


def make_rule(
    code: str = "MF101",
    name: str = "unknown-parameter",
    severity: Severity = Severity.ERROR,
    doc: str = "Summary line.\n\nMore text.",
) -> Rule:
    """A rule whose check never runs in these tests."""
    return DocumentRule(
        code=code, name=name, severity=severity, doc=doc, check=lambda ctx, rule: iter(())
    )


def span_of(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of needle in text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def make_finding(
    span: Span,
    message: str = "unknown parameter",
    code: str = "MF101",
    severity: Severity = Severity.ERROR,
    fixes: tuple[Fix, ...] = (),
    related: tuple[Related, ...] = (),
) -> Finding:
    """A finding with only the fields the reports read."""
    return Finding(code, severity, message, span, fixes=fixes, related=related)


def make_result(path: str, text: str, *findings: Finding) -> FileResult:
    """The result of checking one file."""
    return FileResult(path=path, text=text, lines=LineIndex(text), findings=findings)
