"""MF105 invalid-parameter-value: the value is not of the parameter's type.

Why: the CLI converts values with Go's strict parsers: integers allow only an optional sign
and digits (`4096.0` fails), floats are 32-bit (`1e40` fails), booleans are `true`/`false`,
`1`/`0`, `t`/`f` (not `yes`). It aborts with `invalid <type> value [<value>]`. A trailing
`# comment` or a placeholder like `<context size>` is the usual cause.

Example: `PARAMETER num_ctx 4096.0`
Fix: write a value of the right type (`PARAMETER num_ctx 4096`).
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to, replace
from modelfile_ls.analysis.finding import Finding, Fix, Severity, shorten
from modelfile_ls.analysis.inline_comment import find_inline_comment
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope, name_and_value
from modelfile_ls.analysis.values import convert
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator

_TYPE_WORDS = {"int": "an integer", "float": "a number", "bool": "true or false"}


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a value the CLI cannot convert, explaining the likely cause.

    Every occurrence counts, not only the last one that wins: the CLI converts each
    PARAMETER as it meets it (`api.FormatParams` per command)."""
    fact = scope.facts.parameter(instruction.name or "")
    value = instruction.value
    if fact is None or fact.status != "current" or value is None or fact.type == "string_list":
        return
    converted = convert(fact.type, value.text)
    if converted.error is None:
        return
    message = f"`{fact.name}` takes {_TYPE_WORDS[fact.type]}, not `{shorten(value.text)}`"
    fixes: list[Fix] = []
    comment = find_inline_comment(value.text)
    if comment and convert(fact.type, value.text[: comment.start]).error is None:
        kept = value.text[: comment.start]
        message += " (the `# ...` is part of the value: comments must start a line)"
        fixes.append(replace(value.content_span, kept, f"Keep only `{kept}`"))
    elif value.text != value.text.strip():
        message += " (the spaces inside the quotes are part of the value)"
        fixes.append(replace(value.content_span, value.text.strip(), "Remove the spaces"))
    elif fact.type == "int" and (number := _integral(value.text)) is not None:
        fixes.append(change_to(value.content_span, number))
    elif value.text.startswith("<") or "{{" in value.text:
        message += " (a placeholder that was never filled in?)"
    yield rule.finding(value.content_span, message, fixes=fixes, ollama_message=converted.error)


def _integral(text: str) -> str | None:
    """`4096.0` -> `4096` when a float literal holds a whole number."""
    try:
        number = float(text)
    except ValueError:
        return None
    return str(int(number)) if number.is_integer() and abs(number) < 2**63 else None


RULE = InstructionRule(
    "MF105",
    "invalid-parameter-value",
    Severity.ERROR,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=name_and_value,
)
