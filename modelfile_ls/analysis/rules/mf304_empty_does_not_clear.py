"""MF304 empty-does-not-clear: an empty SYSTEM or TEMPLATE keeps the base model's value.

Why: empty values are left out of the create request, so `SYSTEM ""` does not remove the
system prompt inherited from the FROM model, and `TEMPLATE ""` does not clear its template.

Example: `SYSTEM ""`
Fix: remove the line, or write the prompt you want (a single space is still a prompt).
"""

from __future__ import annotations

from _operator import not_
from itertools import compress

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext, value_texts
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report empty SYSTEM and TEMPLATE values."""
    for keyword in ("SYSTEM", "TEMPLATE"):
        found = context.instructions(keyword)
        # Read in C: a few-shot file repeats SYSTEM lines by the thousand.
        lengths = map(len, value_texts(found))
        for instruction in compress(found, map(not_, lengths)):
            yield rule.finding(
                instruction.keyword_span,
                f"an empty {keyword} is not sent: the base model's {keyword.lower()} stays",
                fixes=[
                    delete_instruction(context.parsed, instruction, f"Remove the empty {keyword}")
                ],
                tags=["unnecessary"],
            )


RULE = DocumentRule("MF304", "empty-does-not-clear", Severity.INFO, __doc__ or "", check)
