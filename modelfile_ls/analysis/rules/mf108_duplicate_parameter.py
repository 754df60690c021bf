"""MF108 duplicate-parameter: a parameter other than `stop` is set more than once; the last wins.

Why: for scalar parameters each PARAMETER line replaces the previous value, so earlier lines
have no effect (only `stop` accumulates).

Example: `PARAMETER temperature 0.2` ... `PARAMETER temperature 0.9`
Fix: keep one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

from modelfile_ls.analysis.edits import delete_instructions
from modelfile_ls.analysis.finding import UNNECESSARY, Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.syntax.model import Instruction

_NAME = itemgetter(Instruction._fields.index("name"))


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report every overridden occurrence of a scalar parameter."""
    parameters = context.parameters()
    names = list(map(_NAME, parameters))
    # Each name's fact asked once, and its lines gathered in one pass: a few-shot file sets
    # the same few parameters thousands of times.
    by_name: dict[str | None, list[Instruction]] = {}
    for name in dict.fromkeys(names):
        fact = context.facts.parameter(name or "")
        if fact is not None and fact.type != "string_list":
            by_name[name] = []
    for instruction, name in zip(parameters, names, strict=True):
        lines = by_name.get(name)
        if lines is not None:
            lines.append(instruction)
    for name, lines in by_name.items():
        if len(lines) < 2:
            continue
        final = lines[-1]
        overridden = lines[:-1]
        shown = final.value.text if final.value else ""
        yield from rule.findings_each(
            [i.name_span or i.keyword_span for i in overridden],
            f"`{name}` is set again later (to `{shown}`), so this line has no effect",
            delete_instructions(context.parsed, overridden, "Remove this line"),
            related=(Related(final.name_span or final.keyword_span, "the value that wins"),),
            tags=UNNECESSARY,
        )


RULE = DocumentRule(
    "MF108", "duplicate-parameter", Severity.WARNING, __doc__ or "", check, reads=("PARAMETER",)
)
