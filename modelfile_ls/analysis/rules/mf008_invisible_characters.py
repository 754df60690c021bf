"""MF008 invisible-characters: a value contains characters Ollama silently drops.

Why: Ollama keeps only printable characters (plus spaces and tabs) in values: non-breaking
spaces, zero-width spaces, byte-order marks and control characters vanish, so
`stop "<|end|>"` with a zero-width space is not the string you see. An invisible character
before a keyword is dropped too.

Example: `SYSTEM a\\u00a0b` is read as `ab`.
Fix: delete the invisible characters (a normal space where you meant one).
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Fix, Severity, TextEdit
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.lexer import invisible_offsets, may_have_invisible
from modelfile_ls.syntax.model import Instruction, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report each run of dropped characters in a value or before a keyword."""
    text = scope.text
    ranges = [(instruction.span.start - 1, instruction.keyword_span.start)]
    if instruction.value is not None:
        ranges.append((instruction.value.span.start, instruction.value.span.end))
    for start, end in ranges:
        offsets = invisible_offsets(text, max(start, 0), end)
        for run in _runs(offsets):
            names = ", ".join(f"U+{ord(text[i]):04X}" for i in range(run.start, run.end))
            yield rule.finding(
                run,
                f"invisible character{'s' if run.end - run.start > 1 else ''} {names}"
                " silently dropped by Ollama",
                fixes=[Fix("Delete invisible characters", (TextEdit(run, ""),))],
            )


def probe(text: str, extent: Span) -> bool:
    """One probe over the text first: clean documents, the usual case, are then almost free
    (the character before the first keyword counts: Ollama drops it too)."""
    return may_have_invisible(text[max(extent.start - 1, 0) : extent.end])


def _runs(offsets: list[int]) -> list[Span]:
    runs: list[Span] = []
    for offset in offsets:
        if runs and runs[-1].end == offset:
            runs[-1] = Span(runs[-1].start, offset + 1)
        else:
            runs.append(Span(offset, offset + 1))
    return runs


RULE = InstructionRule(
    "MF008",
    "invisible-characters",
    Severity.WARNING,
    __doc__ or "",
    check,
    probe=probe,
    fix_all=True,
)
