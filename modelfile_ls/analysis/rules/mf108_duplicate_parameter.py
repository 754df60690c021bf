"""MF108 duplicate-parameter: a parameter other than `stop` is set more than once; the last wins.

Why: for scalar parameters each PARAMETER line replaces the previous value, so earlier lines
have no effect (only `stop` accumulates).

Example: `PARAMETER temperature 0.2` ... `PARAMETER temperature 0.9`
Fix: keep one line.
"""

from __future__ import annotations

from _operator import itemgetter

from modelfile_ls.analysis.edits import delete_instructions
from modelfile_ls.analysis.finding import UNNECESSARY, Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction
from modelfile_ls.syntax.runs import positions_by

if TYPE_CHECKING:
    from collections.abc import Iterator

_NAME = itemgetter(Instruction._fields.index("name"))
# A clean PARAMETER always has a name (tests/syntax/test_fuzz.py).
_NAME_SPAN = itemgetter(Instruction._fields.index("name_span"))


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report every overridden occurrence of a scalar parameter."""
    parameters = context.parameters()
    # Each name's lines found in one C pass and its fact asked once: a few-shot file sets the
    # same few parameters thousands of times.
    for name, positions in positions_by(map(_NAME, parameters)).items():
        if len(positions) < 2:
            continue
        fact = context.facts.parameter(name or "")
        if fact is None or fact.type == "string_list":
            continue
        lines = list(map(parameters.__getitem__, positions))
        final, overridden = lines[-1], lines[:-1]
        shown = final.value.text if final.value else ""
        yield from rule.findings_each(
            map(_NAME_SPAN, overridden),
            f"`{name}` is set again later (to `{shown}`), so this line has no effect",
            delete_instructions(context.parsed, overridden, "Remove this line"),
            related=(Related(_NAME_SPAN(final), "the value that wins"),),
            tags=UNNECESSARY,
        )


RULE = DocumentRule(
    "MF108", "duplicate-parameter", Severity.WARNING, __doc__ or "", check, reads=("PARAMETER",)
)
