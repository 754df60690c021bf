"""MF102 parameter-name-case: a parameter name is written in the wrong case.

Why: keywords are case-insensitive but parameter names are not: `PARAMETER Temperature 0.5`
fails with `unknown parameter 'Temperature'`.

Example: `PARAMETER Top_K 40`
Fix: `PARAMETER top_k 40`
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope, parameter_name
from modelfile_ls.facts import language_facts
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator

_BY_LOWER = {name.lower(): name for name in language_facts().parameters}


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a name that matches a parameter only when case is ignored."""
    name = instruction.name or ""
    if not name or name in scope.facts.parameters:
        return
    correct = _BY_LOWER.get(name.lower())
    if correct is None:
        return
    span = instruction.name_span or instruction.keyword_span
    yield rule.finding(
        span,
        f"parameter names are case-sensitive: `{correct}`, not `{name}`",
        fixes=[change_to(span, correct)],
        ollama_message=f"unknown parameter '{name}'",
    )


RULE = InstructionRule(
    "MF102",
    "parameter-name-case",
    Severity.ERROR,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=parameter_name,
    fix_all=True,
)
