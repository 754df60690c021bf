"""MF103 removed-parameter: the parameter was removed from Ollama and now fails the create.

Why: some parameters were removed outright rather than deprecated (`numa` in v0.3.4, `tfs_z`
in v0.5.2, `rope_frequency_base`, `num_gqa`, ...); the CLI no longer knows them and aborts
with `unknown parameter '<name>'`.

Example: `PARAMETER tfs_z 1`
Fix: delete the line; the behaviour it controlled no longer exists or comes from the model file.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope, parameter_name
from modelfile_ls.analysis.rules.retired_parameter import retired_parameter
from modelfile_ls.facts import ParameterFact
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a parameter Ollama removed."""
    return retired_parameter(instruction, scope, rule, "removed", _describe, ["deprecated"])


def _describe(fact: ParameterFact) -> tuple[str, str]:
    return (
        f"`{fact.name}` was removed in Ollama v{fact.removed} and now fails `ollama create`",
        f"unknown parameter '{fact.name}'",
    )


RULE = InstructionRule(
    "MF103",
    "removed-parameter",
    Severity.ERROR,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=parameter_name,
)
