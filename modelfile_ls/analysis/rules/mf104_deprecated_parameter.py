"""MF104 deprecated-parameter: Ollama ignores this parameter and drops it with a warning.

Why: for deprecated names (`mirostat*`, `penalize_newline`, `use_mlock`, `low_vram`, ...) the
CLI prints `warning: parameter <name> is deprecated` and leaves them out of the model, so the
setting has no effect.

Example: `PARAMETER mirostat 2`
Fix: delete the line.
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
    """Report a deprecated parameter."""
    tags = ["deprecated", "unnecessary"]
    return retired_parameter(instruction, scope, rule, "deprecated", _describe, tags)


def _describe(fact: ParameterFact) -> tuple[str, str]:
    return (
        f"`{fact.name}` is deprecated since Ollama v{fact.deprecated}: it is dropped and has"
        " no effect",
        f"warning: parameter {fact.name} is deprecated",
    )


RULE = InstructionRule(
    "MF104",
    "deprecated-parameter",
    Severity.WARNING,
    __doc__ or "",
    check,
    keywords=("PARAMETER",),
    verdict_key=parameter_name,
    fix_all=True,
)
