"""MF101 unknown-parameter: Ollama has no parameter of this name.

Why: the CLI converts every PARAMETER before creating the model and aborts with
`unknown parameter '<name>'`. Names from other tools (`max_tokens`, `batch_size`) and typos
are the usual cause; two spaces after PARAMETER make the name empty (`unknown parameter ''`).

Example: `PARAMETER max_tokens 512`
Fix: use Ollama's name (`num_predict`); see `modelfile-ls registry params` for the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.edits import change_to, replace
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext
from modelfile_ls.suggest import closest
from modelfile_ls.syntax.model import Span


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report parameter names Ollama never had, with the likely intended name."""
    facts = context.facts
    current = [p.name for p in facts.current_parameters()]
    lowered = {name.lower() for name in facts.parameters}
    for instruction in context.parameters():
        name = instruction.name or ""
        if name in facts.parameters or (name and name.lower() in lowered):
            continue
        span = instruction.name_span or instruction.keyword_span
        ollama = f"unknown parameter '{name}'"
        if not name:
            value = instruction.value.text if instruction.value else ""
            yield rule.finding(
                Span(instruction.keyword_span.end, span.end + 1),
                f"two spaces after PARAMETER make the name empty, so `{value}` is the value",
                fixes=[
                    replace(
                        Span(instruction.keyword_span.end, span.end + 1),
                        " ",
                        "Remove the extra space",
                    )
                ],
                ollama_message=ollama,
            )
            continue
        alias = facts.alias_of(name)
        guess = alias.name if alias else closest(name, current, cutoff=0.75)
        message = f"unknown parameter `{name}`"
        fixes = []
        if guess:
            message += f"; did you mean `{guess}`?"
            fixes.append(change_to(span, guess))
        yield rule.finding(span, message, fixes=fixes, ollama_message=ollama)


RULE = Rule(
    "MF101", "unknown-parameter", Severity.ERROR, __doc__ or "", check, per_instruction=True
)
