"""MF010 trailing-backslash: a value ends with `\\`, but Modelfiles have no line continuation.

Why: the backslash stays in the value and the next line is read as a new instruction, so a
prompt written across lines with `\\` is cut after its first line.

Example: `SYSTEM You are a helpful \\` followed by `assistant.`
Fix: use a quoted value, which may span lines: `SYSTEM \"\"\"...\"\"\"`.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction, Quoting, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report an unquoted value that ends with a backslash."""
    value = instruction.value
    if value is None or value.quoting is not Quoting.NONE or not value.text.endswith("\\"):
        return
    end = value.content_span.end
    yield rule.finding(
        Span(end - 1, end),
        "a trailing backslash does not continue the line: it stays in the value and the"
        " next line is a new instruction; use a quoted value to span lines",
    )


def probe(text: str, extent: Span) -> bool:
    """Whether a backslash occurs at all: documents without one skip the per-value check."""
    return text.find("\\", extent.start, extent.end) != -1


RULE = InstructionRule(
    "MF010", "trailing-backslash", Severity.WARNING, __doc__ or "", check, probe=probe
)
