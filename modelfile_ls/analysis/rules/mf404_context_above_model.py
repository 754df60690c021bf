"""MF404 context-above-model: `num_ctx` is larger than the FROM model's context length.

Why: a model is trained for a maximum context; Ollama lowers a larger `num_ctx` to it when
the model loads (logging `requested context size too large for model`), so the value in the
Modelfile promises a context the model never gets. The context length comes from the
registry (the installed model, else the catalog tag); without it the rule stays silent.

Example: `FROM llama3.2:1b` (131,072 tokens) with `PARAMETER num_ctx 262144`
Fix: use at most the model's context length.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.analysis.values import convert
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the `num_ctx` that is sent when it exceeds the model's context length."""
    settings = context.parameters_named("num_ctx")
    if not settings or settings[-1].value is None:
        return  # checked first: the registry is asked only when there is something to compare
    value = settings[-1].value
    model, reference = context.base_model, context.model_reference
    if model is None or model.context_length is None or reference is None:
        return
    requested = convert("int", value.text).value
    if not isinstance(requested, int) or requested <= model.context_length:
        return
    limit = model.context_length
    yield rule.finding(
        value.content_span,
        f"`num_ctx {requested}` is above the {limit:,}-token context of `{reference.text}`:"
        f" Ollama lowers it to {limit} when the model loads",
        fixes=[change_to(value.content_span, str(limit))],
    )


RULE = DocumentRule("MF404", "context-above-model", Severity.WARNING, __doc__ or "", check)
