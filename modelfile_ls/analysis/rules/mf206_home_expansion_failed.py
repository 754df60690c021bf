"""MF206 home-expansion-failed: a `~user/...` path names a user that does not exist here.

Why: the CLI expands `~name` to that user's home directory, even for FROM, and fails with
`failed to find user 'name'` instead of treating the value as a model name.

Example: `FROM ~alice/models/m.gguf` on a machine without the user alice.
Fix: use `~/...` for your own home directory, or an absolute or relative path.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report `~user` paths whose user is unknown."""
    for reference in context.references:
        local = reference.local
        if local is None or local.kind != "error" or local.path is not None:
            continue
        value = reference.instruction.value
        assert value is not None
        user = reference.text[1:].partition("/")[0]
        yield rule.finding(
            value.content_span,
            f"no user `{user}` on this machine to expand `~{user}`",
            ollama_message=local.error,
        )


RULE = DocumentRule("MF206", "home-expansion-failed", Severity.ERROR, __doc__ or "", check)
