"""MF003 unterminated-quote: a quoted value is never closed, so Ollama reads to the end of file.

Why: a value that starts with `"` or `\"\"\"` only ends at a line that *ends* with the same
quote. Text after the closing quote (`SYSTEM "abc" def`) keeps the value open, so Ollama
swallows every following line and finally fails with a bare `unexpected EOF`, with no line.

Example: `SYSTEM "You are terse." Answer briefly.`
Fix: end the line with the closing quote, or move the trailing text inside the quotes.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import ProblemKind

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Point at the opening quote of a value that never closes."""
    for problem in context.problems(ProblemKind.UNTERMINATED_QUOTE):
        quote = problem.detail
        message = f"this {quote} is never closed: Ollama reads the rest of the file as the value"
        related = []
        if problem.related is not None:
            message += "; the text after the closing quote on this line keeps the value open"
            related.append(Related(problem.related, "text after the closing quote"))
        else:
            message += f"; end the value with a line that ends in {quote}"
        yield rule.finding(
            problem.span, message, related=related, ollama_message=problem.ollama_error
        )


RULE = DocumentRule("MF003", "unterminated-quote", Severity.ERROR, __doc__ or "", check)
