"""MF002 missing-value: an instruction ends before its value (or name, or role) is given.

Why: Ollama needs a space after the keyword before the line ends. `FROM` alone on a line is
reported as `command must be one of ...` with the next line's number; `PARAMETER stop` with
no value as `unexpected EOF: stop`; `MESSAGE user` as `unexpected EOF: user`; at the end of
the file simply as `unexpected EOF`.

Example: `PARAMETER stop`
Fix: give the value on the same line (`PARAMETER stop "<|eot_id|>"`).
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import ProblemKind

if TYPE_CHECKING:
    from collections.abc import Iterator

_WHAT = {
    ProblemKind.MISSING_VALUE: "{kw} needs a value on the same line",
    ProblemKind.MISSING_PARAMETER_VALUE: "PARAMETER {detail} needs a value on the same line",
    ProblemKind.MISSING_MESSAGE_CONTENT: "MESSAGE {detail} needs content after the role",
}


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report instructions that stop before their value."""
    for problem in context.parsed.problems:
        template = _WHAT.get(problem.kind)
        if template is None:
            continue
        keyword = problem.detail.upper()
        detail = problem.detail
        if problem.kind is ProblemKind.MISSING_PARAMETER_VALUE and not detail:
            message = "PARAMETER needs a name and a value (`PARAMETER temperature 0.7`)"
        elif problem.kind is ProblemKind.MISSING_MESSAGE_CONTENT and not detail:
            message = "MESSAGE needs a role (system, user or assistant) and content"
        else:
            message = template.format(kw=keyword, detail=detail)
        yield rule.finding(problem.span, message, ollama_message=problem.ollama_error)


RULE = DocumentRule("MF002", "missing-value", Severity.ERROR, __doc__ or "", check)
