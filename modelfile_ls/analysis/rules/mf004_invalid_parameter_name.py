"""MF004 invalid-parameter-name: a PARAMETER name contains a character other than `A-Za-z0-9_`.

Why: Ollama reads the name up to the first space; any other character stops the parser with
`unexpected EOF: <name so far>`, which hides the real cause (`top-k` instead of `top_k`,
`temperature0.5` with the space missing).

Example: `PARAMETER top-k 40`
Fix: use the exact name with underscores (`top_k`), separated from the value by a space.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to, replace
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.suggest import closest
from modelfile_ls.syntax.model import ProblemKind

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report malformed parameter names with the name they probably meant."""
    names = [p.name for p in context.facts.current_parameters()]
    for problem in context.problems(ProblemKind.BAD_PARAMETER_NAME):
        word = problem.detail
        message = f"`{word}` is not a valid parameter name: names use only letters, digits and `_`"
        fixes = []
        guess = closest(word.replace("-", "_").replace(".", "_"), names)
        prefix = next((n for n in names if word.startswith(n) and len(word) > len(n)), None)
        if prefix is not None:
            value = word[len(prefix) :]
            message = f"missing space between `{prefix}` and its value `{value}`"
            fixes.append(replace(problem.span, f"{prefix} {value}", "Insert the space"))
        elif guess:
            message += f"; did you mean `{guess}`?"
            fixes.append(change_to(problem.span, guess))
        yield rule.finding(problem.span, message, fixes=fixes, ollama_message=problem.ollama_error)


RULE = DocumentRule("MF004", "invalid-parameter-name", Severity.ERROR, __doc__ or "", check)
