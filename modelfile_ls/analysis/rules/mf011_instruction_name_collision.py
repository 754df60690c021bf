"""MF011 instruction-name-collision: a PARAMETER named like an instruction acts as that instruction.

Why: Ollama stores instructions under internal names (`model`, `system`, `template`,
`adapter`, `license`, `message`, `requires`, `renderer`, `parser`, `draft`); a PARAMETER with
one of these names is indistinguishable from the instruction. `PARAMETER system hi` sets the
system prompt; `PARAMETER model x` is a FROM.

Example: `PARAMETER system You are terse.`
Fix: write the instruction itself: `SYSTEM You are terse.`
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import replace
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction, Span
from modelfile_ls.syntax.runs import RENAMED_PARAMETER

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a PARAMETER line that Ollama treats as another instruction."""
    if instruction.keyword != "PARAMETER" or instruction.effective_keyword == "PARAMETER":
        return
    target = instruction.effective_keyword
    name_span = instruction.name_span or instruction.keyword_span
    fixes = []
    if target != "MESSAGE":
        fixes.append(
            replace(
                Span(instruction.keyword_span.start, name_span.end), target, f"Write `{target}`"
            )
        )
    yield rule.finding(
        name_span,
        f"`PARAMETER {instruction.name}` is not a parameter: Ollama applies it as {target}",
        fixes=fixes,
    )


RULE = InstructionRule(
    "MF011",
    "instruction-name-collision",
    Severity.WARNING,
    __doc__ or "",
    check,
    keywords=(RENAMED_PARAMETER,),
    fix_all=True,
)
