"""MF102 parameter-name-case: a parameter name is written in the wrong case.

Why: keywords are case-insensitive but parameter names are not: `PARAMETER Temperature 0.5`
fails with `unknown parameter 'Temperature'`.

Example: `PARAMETER Top_K 40`
Fix: `PARAMETER top_k 40`
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report names that match a parameter only when case is ignored."""
    by_lower = {name.lower(): name for name in context.facts.parameters}
    for instruction in context.parameters():
        name = instruction.name or ""
        correct = by_lower.get(name.lower())
        if not name or name in context.facts.parameters or correct is None:
            continue
        span = instruction.name_span or instruction.keyword_span
        yield rule.finding(
            span,
            f"parameter names are case-sensitive: `{correct}`, not `{name}`",
            fixes=[change_to(span, correct)],
            ollama_message=f"unknown parameter '{name}'",
        )


RULE = Rule(
    "MF102",
    "parameter-name-case",
    Severity.ERROR,
    __doc__ or "",
    check,
    fix_all=True,
    per_instruction=True,
)
