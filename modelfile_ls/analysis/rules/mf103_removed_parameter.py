"""MF103 removed-parameter: the parameter was removed from Ollama and now fails the create.

Why: some parameters were removed outright rather than deprecated (`numa` in v0.3.4, `tfs_z`
in v0.5.2, `rope_frequency_base`, `num_gqa`, ...); the CLI no longer knows them and aborts
with `unknown parameter '<name>'`.

Example: `PARAMETER tfs_z 1`
Fix: delete the line; the behaviour it controlled no longer exists or comes from the model file.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.syntax.model import Instruction


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a parameter Ollama removed."""
    fact = scope.facts.parameter(instruction.name or "")
    if fact is None or fact.status != "removed":
        return
    yield rule.finding(
        instruction.name_span or instruction.keyword_span,
        f"`{fact.name}` was removed in Ollama v{fact.removed} and now fails `ollama create`",
        fixes=[delete_instruction(scope, instruction, f"Remove `{fact.name}`")],
        ollama_message=f"unknown parameter '{fact.name}'",
        tags=["deprecated"],
    )


RULE = InstructionRule(
    "MF103", "removed-parameter", Severity.ERROR, __doc__ or "", check, keywords=("PARAMETER",)
)
