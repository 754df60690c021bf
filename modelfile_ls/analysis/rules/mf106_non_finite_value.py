"""MF106 non-finite-value: a float parameter is `inf` or `NaN`.

Why: Go parses `inf`, `Infinity` and `NaN` as floats, but the CLI then cannot encode the
create request as JSON and fails with `json: unsupported value: +Inf`. Only the last value of
a parameter reaches the request, so an `inf` that a later line of the same parameter replaces
is a warning, not an error.

Example: `PARAMETER temperature inf`
Fix: use a finite number.
"""

from __future__ import annotations

from _operator import contains
from itertools import compress, repeat

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext, value_texts
from modelfile_ls.analysis.values import parse_float32
from modelfile_ls.gostrconv import is_finite, is_nan
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report float parameters set to infinity or NaN."""
    # Only `inf`, `infinity` and `nan` parse as non-finite (an overflow is a syntax error to
    # Go), and each holds an `n`: a cheap test that skips the rest on every keystroke.
    parameters = context.parameters()
    # Read in C: a few-shot file sets its parameters thousands of times.
    texts = map(str.lower, value_texts(parameters))
    candidates = list(compress(parameters, map(contains, texts, repeat("n"))))
    if not candidates:
        return
    last: dict[str, Instruction] = {}
    for instruction in parameters:
        last[instruction.name or ""] = instruction
    for instruction in candidates:
        fact = context.facts.parameter(instruction.name or "")
        value = instruction.value
        if fact is None or fact.type != "float" or fact.status != "current" or value is None:
            continue
        number = parse_float32(value.text)
        if number is None or is_finite(number):
            continue
        encoded = "NaN" if is_nan(number) else ("+Inf" if number > 0 else "-Inf")
        message = f"`{value.text}` parses as {encoded}, which the create request cannot carry"
        winner = last[fact.name]
        if winner is not instruction:
            yield rule.finding(
                value.content_span,
                f"{message}; a later `{fact.name}` replaces it, so it never reaches the request",
                severity=Severity.WARNING,
                related=[Related(winner.name_span or winner.keyword_span, "the value used")],
            )
            continue
        yield rule.finding(
            value.content_span, message, ollama_message=f"json: unsupported value: {encoded}"
        )


RULE = DocumentRule(
    "MF106", "non-finite-value", Severity.ERROR, __doc__ or "", check, reads=("PARAMETER",)
)
