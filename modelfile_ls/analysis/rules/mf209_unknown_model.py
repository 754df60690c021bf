"""MF209 unknown-model: FROM names a model that is neither installed nor in the library catalog.

Why: `ollama create` pulls a missing base model; a misspelled name (`lama3.2`) or a tag that
does not exist fails only after contacting the registry. This rule needs the registry (the
catalog or a sync with Ollama); without data it stays silent.

Example: `FROM lama3.2`
Fix: pick a model from `modelfile-ls registry list`, or pull it first.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report valid model names the registry knows to be absent."""
    catalog = context.catalog
    if catalog is None:
        return
    for reference in context.references:
        if reference.name is None or not reference.name.is_valid or reference.name.is_remote:
            continue
        if catalog.model_exists(reference.text) is not False:
            continue
        value = reference.instruction.value
        assert value is not None
        yield rule.finding(
            value.content_span,
            f"`{reference.text}` is not installed and not in the model catalog",
        )


RULE = Rule("MF209", "unknown-model", Severity.WARNING, __doc__ or "", check)
