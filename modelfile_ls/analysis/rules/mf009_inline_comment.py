"""MF009 inline-comment: a `# comment` after a value becomes part of the value.

Why: Ollama only recognises comments at the start of a line. `PARAMETER temperature 0.5 # hot`
passes `0.5 # hot` to the CLI, which then fails (`invalid float value [0.5 # hot]`);
`FROM llama3 # base` asks for a model named `llama3 # base`; in a stop string or a SYSTEM
prompt the comment silently becomes text the model sees.

Example: `PARAMETER num_ctx 8192  # 8K context`
Fix: move the comment to its own line above the instruction.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import line_indent
from modelfile_ls.analysis.finding import Finding, Fix, Severity, TextEdit, shorten
from modelfile_ls.analysis.inline_comment import find_inline_comment, may_have_inline_comment
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction, Quoting, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report an unquoted single-line value that contains ` #`."""
    value = instruction.value
    if value is None or value.quoting is not Quoting.NONE:
        return
    text = scope.text
    found = find_inline_comment(text, value.content_span.start, value.content_span.end)
    if found is None:
        return
    hash_at = found.end - 1
    comment = text[hash_at : value.content_span.end]
    indent = line_indent(scope, instruction.span.start)
    line_start = instruction.span.start - len(indent)
    fix = Fix(
        "Move the comment to its own line",
        (
            TextEdit(Span(found.start, value.content_span.end), ""),
            TextEdit(Span(line_start, line_start), f"{indent}{comment}{scope.newline}"),
        ),
    )
    yield rule.finding(
        Span(hash_at, value.content_span.end),
        f"`{shorten(comment)}` is part of the value, not a comment: Ollama reads"
        f" `{shorten(value.text)}` (comments must start a line)",
        fixes=[fix],
    )


RULE = InstructionRule(
    "MF009",
    "inline-comment",
    Severity.WARNING,
    __doc__ or "",
    check,
    probe=may_have_inline_comment,
    fix_all=True,
)
