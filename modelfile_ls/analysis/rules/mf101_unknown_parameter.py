"""MF101 unknown-parameter: Ollama has no parameter of this name.

Why: the CLI converts every PARAMETER before creating the model and aborts with
`unknown parameter '<name>'`. Names from other tools (`max_tokens`, `batch_size`) and typos
are the usual cause; two spaces after PARAMETER make the name empty (`unknown parameter ''`).

Example: `PARAMETER max_tokens 512`
Fix: use Ollama's name (`num_predict`); see `modelfile-ls registry params` for the list.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to, replace
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope, parameter_name
from modelfile_ls.facts import language_facts
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.suggest import closest
from modelfile_ls.syntax.model import Instruction, Span

if TYPE_CHECKING:
    from collections.abc import Iterator

_LOWERED = frozenset(name.lower() for name in language_facts().parameters)
"""Every parameter name in lower case (case mistakes are MF102's)."""


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a parameter name Ollama never had, with the likely intended name."""
    facts = scope.facts
    name = instruction.name or ""
    if name in facts.parameters or (name and name.lower() in _LOWERED):
        return
    span = instruction.name_span or instruction.keyword_span
    ollama = f"unknown parameter '{name}'"
    if not name:
        value = instruction.value.text if instruction.value else ""
        extra = Span(instruction.keyword_span.end, span.end + 1)
        yield rule.finding(
            extra,
            f"two spaces after PARAMETER make the name empty, so `{value}` is the value",
            fixes=[replace(extra, " ", "Remove the extra space")],
            ollama_message=ollama,
        )
        return
    alias = facts.alias_of(name)
    current = [p.name for p in facts.current_parameters()]
    guess = alias.name if alias else closest(name, current, cutoff=0.75)
    message = f"unknown parameter `{name}`"
    fixes = []
    if guess:
        message += f"; did you mean `{guess}`?"
        fixes.append(change_to(span, guess))
    yield rule.finding(span, message, fixes=fixes, ollama_message=ollama)


RULE = InstructionRule(
    "MF101",
    "unknown-parameter",
    Severity.ERROR,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=parameter_name,
)
