"""MF106 non-finite-value: a float parameter is `inf` or `NaN`.

Why: Go parses `inf`, `Infinity` and `NaN` as floats, but the CLI then cannot encode the
create request as JSON and fails with `json: unsupported value: +Inf`.

Example: `PARAMETER temperature inf`
Fix: use a finite number.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext
from modelfile_ls.analysis.values import parse_float32


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report float parameters set to infinity or NaN."""
    for instruction in context.parameters():
        fact = context.facts.parameter(instruction.name or "")
        value = instruction.value
        if fact is None or fact.type != "float" or fact.status != "current" or value is None:
            continue
        number = parse_float32(value.text)
        if number is None or math.isfinite(number):
            continue
        encoded = "NaN" if math.isnan(number) else ("+Inf" if number > 0 else "-Inf")
        yield rule.finding(
            value.content_span,
            f"`{value.text}` parses as {encoded}, which the create request cannot carry",
            ollama_message=f"json: unsupported value: {encoded}",
        )


RULE = Rule("MF106", "non-finite-value", Severity.ERROR, __doc__ or "", check, per_instruction=True)
