"""MF014 unknown-renderer: RENDERER or PARSER names something this Ollama version does not know.

Why: Ollama stores the name without checking it at create time; an unknown renderer or parser
fails only when the model runs. The lists change between releases, so this is a warning.

Example: `PARSER qwen-3`
Fix: use a known name such as `qwen3`, or remove the line to inherit the base model's.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.suggest import closest
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a renderer or parser name missing from the known lists."""
    facts = scope.facts
    keyword = instruction.effective_keyword
    known = facts.known_renderers if keyword == "RENDERER" else facts.known_parsers
    value = instruction.value
    if value is None or value.text in known:
        return
    guess = closest(value.text, sorted(known))
    fixes = [change_to(value.content_span, guess)] if guess else []
    hint = f"; did you mean `{guess}`?" if guess else ""
    yield rule.finding(
        value.content_span,
        f"`{value.text}` is not a {keyword.lower()} known to Ollama {facts.ollama_version}{hint}",
        fixes=fixes,
    )


RULE = InstructionRule(
    "MF014",
    "unknown-renderer",
    Severity.WARNING,
    __doc__ or "",
    check,
    keywords=("RENDERER", "PARSER"),
)
