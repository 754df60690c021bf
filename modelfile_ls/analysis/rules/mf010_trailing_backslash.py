"""MF010 trailing-backslash: a value ends with `\\`, but Modelfiles have no line continuation.

Why: the backslash stays in the value and the next line is read as a new instruction, so a
prompt written across lines with `\\` is cut after its first line.

Example: `SYSTEM You are a helpful \\` followed by `assistant.`
Fix: use a quoted value, which may span lines: `SYSTEM \"\"\"...\"\"\"`.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext
from modelfile_ls.syntax.model import Quoting, Span


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report unquoted values that end with a backslash."""
    for instruction in context.valid_instructions:
        value = instruction.value
        if value is None or value.quoting is not Quoting.NONE or not value.text.endswith("\\"):
            continue
        end = value.content_span.end
        yield rule.finding(
            Span(end - 1, end),
            "a trailing backslash does not continue the line: it stays in the value and the"
            " next line is a new instruction; use a quoted value to span lines",
        )


RULE = Rule(
    "MF010", "trailing-backslash", Severity.WARNING, __doc__ or "", check, per_instruction=True
)
