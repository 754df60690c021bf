"""MF005 invalid-message-role: a MESSAGE role is not exactly `system`, `user` or `assistant`.

Why: roles are case-sensitive and only these three exist in a Modelfile (`tool` is not
accepted), and the role must be followed by a space: `MESSAGE user: hi` fails with
`unexpected EOF: user`, `MESSAGE User hi` with `message role must be one of ...`.

Example: `MESSAGE User What is 2+2?`
Fix: `MESSAGE user What is 2+2?`
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
    """Report bad roles, with the intended role as a fix."""
    roles = context.facts.message_roles
    for problem in context.problems(ProblemKind.INVALID_ROLE, ProblemKind.BAD_ROLE_CHARACTER):
        role = problem.detail
        letters = "".join(c for c in role if c.isalpha())
        fixes = []
        if problem.kind is ProblemKind.BAD_ROLE_CHARACTER and letters.lower() in roles:
            message = f"`{role}`: the role `{letters}` must be followed by a space"
            fixes.append(replace(problem.span, letters.lower(), f"Write `{letters.lower()}`"))
        elif not role:
            message = "MESSAGE needs exactly one space before its role (system, user or assistant)"
        elif role.lower() in roles:
            message = f"message roles are lower case: `{role.lower()}`, not `{role}`"
            fixes.append(change_to(problem.span, role.lower()))
        else:
            message = f"`{role}` is not a message role: use system, user or assistant"
            guess = closest(role.lower(), roles)
            if guess:
                fixes.append(change_to(problem.span, guess))
        yield rule.finding(problem.span, message, fixes=fixes, ollama_message=problem.ollama_error)


RULE = DocumentRule("MF005", "invalid-message-role", Severity.ERROR, __doc__ or "", check)
