"""MF208 draft-with-remote-model: DRAFT is combined with a cloud model.

Why: a cloud model (`:cloud`, or a tag ending in `-cloud`) runs remotely, so a local draft
model cannot speed it up; the server refuses `DRAFT cannot be used with remote models`.

Example: `FROM gpt-oss:120b-cloud` with `DRAFT ./small.gguf`
Fix: remove DRAFT, or use a local base model.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report DRAFT lines when the effective FROM is a remote model."""
    sent = context.model_reference
    if sent is None or sent.name is None or not sent.name.is_remote:
        return  # an overridden cloud FROM is never sent: only the one that is counts
    remote_value = sent.instruction.value
    assert remote_value is not None
    for draft in context.instructions("DRAFT"):
        yield rule.finding(
            draft.keyword_span,
            f"DRAFT cannot speed up the cloud model `{sent.text}`",
            related=[Related(remote_value.content_span, "the remote base model")],
            ollama_message="DRAFT cannot be used with remote models",
        )


RULE = DocumentRule("MF208", "draft-with-remote-model", Severity.ERROR, __doc__ or "", check)
