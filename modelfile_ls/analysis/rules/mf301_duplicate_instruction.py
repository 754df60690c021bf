"""MF301 duplicate-instruction: a single-valued instruction is given twice; the last wins.

Why: these instructions are single values: Ollama keeps the last one and silently drops the
others (unlike MESSAGE and LICENSE, which accumulate).

Example: two SYSTEM lines, the second one overriding a long first prompt.
Fix: keep one.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.facts import language_facts

SINGLE_VALUED = tuple(k for k, fact in language_facts().instructions.items() if fact.single_valued)


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report every overridden occurrence of a last-wins instruction."""
    for keyword in SINGLE_VALUED:
        found = context.instructions(keyword)
        for instruction in found[:-1]:
            yield rule.finding(
                instruction.keyword_span,
                f"{keyword} is given again later; Ollama uses only the last one",
                fixes=[delete_instruction(context.parsed, instruction, f"Remove this {keyword}")],
                related=[Related(found[-1].keyword_span, f"the {keyword} that is used")],
                tags=["unnecessary"],
            )


RULE = DocumentRule("MF301", "duplicate-instruction", Severity.WARNING, __doc__ or "", check)
