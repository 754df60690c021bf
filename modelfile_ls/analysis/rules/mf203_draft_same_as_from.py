"""MF203 draft-same-as-from: DRAFT points at the same local model as FROM.

Why: speculative decoding needs a smaller, separate draft model; the CLI refuses
`DRAFT must not reference the same local path as FROM: <path>`.

Example: `FROM ./model.gguf` and `DRAFT ./model.gguf`
Fix: point DRAFT at a smaller model of the same family.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.paths import same_file
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report DRAFT paths equal to a local FROM after symlink resolution."""
    local_froms = [r for r in context.references if r.keyword == "FROM" and r.is_local]
    for draft in context.references:
        if draft.keyword != "DRAFT" or not draft.is_local or draft.local is None:
            continue
        for source in local_froms:
            assert source.local is not None and source.local.path is not None
            assert draft.local.path is not None
            if not same_file(draft.local.path, source.local.path):
                continue
            value = draft.instruction.value
            assert value is not None
            source_value = source.instruction.value
            assert source_value is not None
            yield rule.finding(
                value.content_span,
                "DRAFT must be a different (smaller) model than FROM",
                related=[Related(source_value.content_span, "the FROM it repeats")],
                ollama_message=(
                    f"DRAFT must not reference the same local path as FROM: {draft.local.path}"
                ),
            )
            break


RULE = DocumentRule("MF203", "draft-same-as-from", Severity.ERROR, __doc__ or "", check)
