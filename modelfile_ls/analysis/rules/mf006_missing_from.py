"""MF006 missing-from: the file has no FROM instruction.

Why: every Modelfile needs a base model; Ollama's parser fails with `no FROM line`. A file
of only comments, an empty file or a TEMPLATE-only snippet all end this way.

Example: a file with only `SYSTEM You are terse.`
Fix: add `FROM <model>` (a model name such as `llama3.2`, or a path to a GGUF file).
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import newline_of
from modelfile_ls.analysis.finding import Finding, Fix, Severity, TextEdit
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report a document without FROM (only when it otherwise parses)."""
    parsed = context.parsed
    # Without problems every instruction is clean, so a FROM (or a `PARAMETER model`, which
    # acts as one) is among those acting as FROM.
    if parsed.problems or context.instructions("FROM"):
        return
    first = parsed.runs.at(0).keyword_span if len(parsed.runs) else Span(0, 0)
    insert = TextEdit(Span(0, 0), "FROM llama3.2" + newline_of(parsed))
    fix = Fix("Add `FROM llama3.2`", (insert,))
    yield rule.finding(
        first,
        "no FROM instruction: a Modelfile needs a base model (`FROM llama3.2` or a GGUF path)",
        fixes=[fix],
        ollama_message="no FROM line",
    )


RULE = DocumentRule("MF006", "missing-from", Severity.ERROR, __doc__ or "", check)
