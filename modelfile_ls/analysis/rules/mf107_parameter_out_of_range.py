"""MF107 parameter-out-of-range: a value is outside the range the parameter makes sense in.

Why: Ollama stores any number, but e.g. `top_p 1.5`, `temperature -1` or `num_ctx 0` give
undefined or useless sampling and load behaviour at run time.

Example: `PARAMETER top_p 1.5`
Fix: use a value in the documented range (`modelfile-ls registry params top_p`).
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope, name_and_value
from modelfile_ls.analysis.values import convert
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a numeric value below the minimum or above the maximum."""
    fact = scope.facts.parameter(instruction.name or "")
    value = instruction.value
    if fact is None or fact.status != "current" or value is None:
        return
    if fact.type not in ("int", "float") or (fact.minimum is None and fact.maximum is None):
        return
    number = convert(fact.type, value.text).value
    if not isinstance(number, int | float) or number != number:
        return
    low, high = fact.minimum, fact.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = _bounds(low, high)
        yield rule.finding(
            value.content_span, f"`{fact.name}` should be {bounds}, not {value.text}"
        )


def _bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}"
    if low is not None:
        return f"at least {low:g}"
    return f"at most {high:g}"


RULE = InstructionRule(
    "MF107",
    "parameter-out-of-range",
    Severity.WARNING,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=name_and_value,
)
