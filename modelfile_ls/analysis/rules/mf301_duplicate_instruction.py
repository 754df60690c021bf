"""MF301 duplicate-instruction: a single-valued instruction is given twice; the last wins.

Why: these instructions are single values: Ollama keeps the last one and silently drops the
others (unlike MESSAGE and LICENSE, which accumulate).

Example: two SYSTEM lines, the second one overriding a long first prompt.
Fix: keep one.
"""

from __future__ import annotations

from _operator import itemgetter

from modelfile_ls.analysis.edits import delete_instructions
from modelfile_ls.analysis.finding import UNNECESSARY, Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.facts import language_facts
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator

_KEYWORD_SPAN = itemgetter(Instruction._fields.index("keyword_span"))
SINGLE_VALUED = tuple(k for k, fact in language_facts().instructions.items() if fact.single_valued)


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report every overridden occurrence of a last-wins instruction."""
    for keyword in SINGLE_VALUED:
        found = context.instructions(keyword)
        if len(found) < 2:
            continue
        overridden = found[:-1]
        # One message, related place and fix title per keyword, the findings made in C: a
        # few-shot file repeats SYSTEM or TEMPLATE lines by the thousand.
        yield from rule.findings_each(
            map(_KEYWORD_SPAN, overridden),
            f"{keyword} is given again later; Ollama uses only the last one",
            delete_instructions(context.parsed, overridden, f"Remove this {keyword}"),
            related=(Related(found[-1].keyword_span, f"the {keyword} that is used"),),
            tags=UNNECESSARY,
        )


RULE = DocumentRule("MF301", "duplicate-instruction", Severity.WARNING, __doc__ or "", check)
