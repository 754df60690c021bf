"""MF408 tools-without-capability: the TEMPLATE renders tools for a model without tool calling.

Why: Ollama decides that a model supports tools by looking at its template: one that uses
`.Tools` makes `ollama show` list the `tools` capability and lets clients send tools. If the
FROM model was not trained for tool calling, clients will send tools it cannot use, and its
"tool calls" are unreliable text. The model's capabilities come from the registry; without
them the rule stays silent.

Example: `FROM gemma2` with `TEMPLATE {{ if .Tools }}...{{ end }}`
Fix: pick a model with the `tools` capability (`modelfile-ls registry list --capability tools`),
or drop the tool sections from the TEMPLATE.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.analysis.template_offsets import template_locator
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the first `.Tools` of the file's TEMPLATE when the model lacks tool calling."""
    value = context.file_template_value
    if value is None:
        return
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template import valid_template

    parsed = valid_template(value.text)
    if parsed is None:
        return  # MF302's: the model is never created
    # Ollama's `goTemplateCapabilities`: `tools` among the template's identifiers (`Vars`,
    # case-insensitive); the word in the text or a comment does not count.
    used = parsed.first_use("tools")
    if used is None:
        return  # checked first: the registry is asked only for a template that renders tools
    model, reference = context.base_model, context.model_reference
    if reference is None or model is None or model.capabilities is None:
        return
    if "tools" in model.capabilities:
        return
    yield rule.finding(
        template_locator(context.parsed.text, value).span(*used),
        f"this TEMPLATE renders tools, so Ollama will advertise tool calling, but"
        f" `{reference.text}` has no `tools` capability",
    )


RULE = DocumentRule("MF408", "tools-without-capability", Severity.WARNING, __doc__ or "", check)
