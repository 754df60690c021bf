"""MF007 swallowed-lines: text after a closing quote made the value run over the next lines.

Why: a quoted value ends only at a line that ends with the closing quote. In
`SYSTEM "abc" def` the quote closes but `def` follows, so Ollama keeps reading and the next
lines (even whole instructions) become part of the system prompt, silently.

Example: `SYSTEM "Be brief." Answer in English.` followed by `PARAMETER temperature 0`
Fix: put all the text inside the quotes, so the line ends with the closing quote.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction, Quoting, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a quoted value whose first line closes the quote but continues."""
    value = instruction.value
    if value is None or value.quoting is Quoting.NONE or value.open_span is None:
        return
    text = scope.text
    delimiter = value.quoting.delimiter
    start = value.open_span.end
    final = value.close_span.start if value.close_span else value.span.end
    # Only a delimiter before the real close can have ended the first line early; one
    # substring search per value keeps this cheap on every keystroke.
    if text.find(delimiter, start, final) == -1:
        return
    breaks = [i for i in (text.find("\n", start, final), text.find("\r", start, final)) if i >= 0]
    if not breaks:
        return
    line_end = min(breaks)
    close = text.rfind(delimiter, value.open_span.end, line_end)
    if close == -1 or not text[close + len(delimiter) : line_end].strip():
        return
    after = Span(close + len(delimiter), line_end)
    swallowed = scope.lines.line_of(value.span.end) - scope.lines.line_of(line_end)
    yield rule.finding(
        after,
        f"text after the closing quote keeps the value open: the next {swallowed}"
        f" line{'s' if swallowed > 1 else ''} became part of this {instruction.keyword} value",
        related=[Related(value.close_span or value.span, "where Ollama ends the value")],
    )


def probe(text: str, extent: Span) -> bool:
    """Whether any value in `extent` can be quoted at all (it would hold a quote)."""
    return text.find('"', extent.start, extent.end) != -1


RULE = InstructionRule(
    "MF007", "swallowed-lines", Severity.WARNING, __doc__ or "", check, probe=probe
)
