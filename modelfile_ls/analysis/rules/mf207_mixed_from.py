"""MF207 mixed-from: several FROM lines where only one takes effect.

Why: several FROM lines are how a GGUF file and its projector are combined, but when one FROM
is a model name the server uses it and ignores every local file, and of several model names
only the last counts.

Example: `FROM llama3.2` and `FROM ./model.gguf`
Fix: keep either the model name or the local files.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report FROM lines that are ignored because a model name wins."""
    froms = [r for r in context.references if r.keyword == "FROM"]
    names = [r for r in froms if r.name is not None]
    if not names:
        return
    winner = names[-1]
    winner_value = winner.instruction.value
    assert winner_value is not None
    for reference in froms:
        if reference is winner:
            continue
        why = "a later FROM model name replaces it" if reference.name else "a FROM model name is"
        why += "" if reference.name else " given, so the server ignores local files"
        yield rule.finding(
            reference.span,
            f"this FROM has no effect: {why}",
            related=[Related(winner_value.content_span, "the FROM that is used")],
            tags=["unnecessary"],
        )


RULE = DocumentRule("MF207", "mixed-from", Severity.WARNING, __doc__ or "", check)
