"""What MF103 and MF104 share: a PARAMETER whose facts say Ollama retired it.

Both report on the parameter's name with the same fix (delete the line); they differ only in
which retirement they look for and in Ollama's words for it, which each rule supplies.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.finding import Finding
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.facts import ParameterFact
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import TypeAlias

Describe: TypeAlias = "Callable[[ParameterFact], tuple[str, str]]"
"""A retired parameter's fact -> (our message, the line Ollama prints for it)."""


def retired_parameter(
    instruction: Instruction,
    scope: InstructionScope,
    rule: InstructionRule,
    status: str,
    describe: Describe,
    tags: Sequence[str],
) -> Iterator[Finding]:
    """The finding for a PARAMETER whose fact has this `status`, with the delete fix."""
    fact = scope.facts.parameter(instruction.name or "")
    if fact is None or fact.status != status:
        return
    message, ollama_message = describe(fact)
    yield rule.finding(
        instruction.name_span or instruction.keyword_span,
        message,
        fixes=[delete_instruction(scope, instruction, f"Remove `{fact.name}`")],
        ollama_message=ollama_message,
        tags=list(tags),
    )
