"""MF009 inline-comment: a `# comment` after a value becomes part of the value.

Why: Ollama only recognises comments at the start of a line. `PARAMETER temperature 0.5 # hot`
passes `0.5 # hot` to the CLI, which then fails (`invalid float value [0.5 # hot]`);
`FROM llama3 # base` asks for a model named `llama3 # base`; in a stop string or a SYSTEM
prompt the comment silently becomes text the model sees.

Example: `PARAMETER num_ctx 8192  # 8K context`
Fix: move the comment to its own line above the instruction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelfile_ls.analysis.edits import line_indent
from modelfile_ls.analysis.finding import Finding, Fix, Severity, TextEdit, shorten
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.syntax.model import Instruction, Quoting, Span

_COMMENT = re.compile(r"[ \t]+#")


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report an unquoted single-line value that contains ` #`."""
    value = instruction.value
    if value is None or value.quoting is not Quoting.NONE:
        return
    text = scope.text
    match = _COMMENT.search(text, value.content_span.start, value.content_span.end)
    if match is None:
        return
    hash_at = match.end() - 1
    comment = text[hash_at : value.content_span.end]
    indent = line_indent(scope, instruction.span.start)
    line_start = instruction.span.start - len(indent)
    fix = Fix(
        "Move the comment to its own line",
        (
            TextEdit(Span(match.start(), value.content_span.end), ""),
            TextEdit(Span(line_start, line_start), f"{indent}{comment}{scope.newline}"),
        ),
    )
    yield rule.finding(
        Span(hash_at, value.content_span.end),
        f"`{shorten(comment)}` is part of the value, not a comment: Ollama reads"
        f" `{shorten(value.text)}` (comments must start a line)",
        fixes=[fix],
    )


def hash_after_blank(text: str, extent: Span) -> bool:
    """Whether a `#` follows a space or tab in `extent` (else no value there can contain an
    end-of-line comment); `#` is rare, so finding each one (at memchr speed) beats searching
    for the two-character pairs."""
    at = text.find("#", extent.start, extent.end)
    while at != -1:
        if at > 0 and text[at - 1] in " \t":
            return True
        at = text.find("#", at + 1, extent.end)
    return False


RULE = InstructionRule(
    "MF009",
    "inline-comment",
    Severity.WARNING,
    __doc__ or "",
    check,
    probe=hash_after_blank,
    fix_all=True,
)
