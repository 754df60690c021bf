"""MF108 duplicate-parameter: a parameter other than `stop` is set more than once; the last wins.

Why: for scalar parameters each PARAMETER line replaces the previous value, so earlier lines
have no effect (only `stop` accumulates).

Example: `PARAMETER temperature 0.2` ... `PARAMETER temperature 0.9`
Fix: keep one line.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.syntax.model import Instruction

_UNNECESSARY = frozenset({"unnecessary"})


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report every overridden occurrence of a scalar parameter."""
    last: dict[str, Instruction] = {}
    for instruction in context.parameters():
        fact = context.facts.parameter(instruction.name or "")
        if fact is not None and fact.type != "string_list":
            last[fact.name] = instruction
    # One message and one related location per parameter, shared by all its overridden lines:
    # a few-shot file repeats a parameter hundreds of times, on every keystroke.
    said: dict[str, tuple[str, tuple[Related, ...]]] = {}
    for instruction in context.parameters():
        name = instruction.name or ""
        final = last.get(name)
        if final is None or final is instruction:
            continue
        if name not in said:
            shown = final.value.text if final.value else ""
            said[name] = (
                f"`{name}` is set again later (to `{shown}`), so this line has no effect",
                (Related(final.name_span or final.keyword_span, "the value that wins"),),
            )
        message, related = said[name]
        # Built directly rather than through `rule.finding`, which copies its arguments into
        # new tuples: this runs for every overridden line on every keystroke.
        yield Finding(
            rule.code,
            rule.severity,
            message,
            instruction.name_span or instruction.keyword_span,
            (delete_instruction(context.parsed, instruction, "Remove this line"),),
            related,
            None,
            _UNNECESSARY,
        )


RULE = DocumentRule(
    "MF108", "duplicate-parameter", Severity.WARNING, __doc__ or "", check, reads=("PARAMETER",)
)
