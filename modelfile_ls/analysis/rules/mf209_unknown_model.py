"""MF209 unknown-model: FROM names a model that is neither installed nor in the library catalog.

Why: `ollama create` pulls a missing base model; a misspelled name (`lama3.2`) or a tag that
does not exist fails only after contacting the registry. This rule needs the registry (the
catalog or a sync with Ollama); without data it stays silent.

Example: `FROM lama3.2`
Fix: pick a model from `modelfile-ls registry list`, or pull it first.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report valid model names the registry knows to be absent."""
    catalog = context.catalog
    if catalog is None:
        return
    # Only the FROM that is sent is pulled; a model name a later FROM replaces is MF207's.
    reference = context.model_reference
    if reference is None or reference.name is None:
        return
    if not reference.name.is_valid or reference.name.is_remote:
        return
    if catalog.model_exists(reference.text) is False:
        value = reference.instruction.value
        assert value is not None
        yield rule.finding(
            value.content_span,
            f"`{reference.text}` is not installed and not in the model catalog",
        )


RULE = DocumentRule("MF209", "unknown-model", Severity.WARNING, __doc__ or "", check)
