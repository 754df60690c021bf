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

import re
from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.syntax.model import Span

_TOOLS = re.compile(r"\.Tools\b")


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the first `.Tools` of the file's TEMPLATE when the model lacks tool calling."""
    template = context.file_template
    if template is None or template.instruction is None:
        return
    match = _TOOLS.search(template.text)
    if match is None:
        return  # checked first: the registry is asked only for a template that renders tools
    model, reference = context.base_model, context.model_reference
    if reference is None or model is None or model.capabilities is None:
        return
    if "tools" in model.capabilities:
        return
    start = template.offset + match.start() + 1
    yield rule.finding(
        Span(start, start + len("Tools")),
        f"this TEMPLATE renders tools, so Ollama will advertise tool calling, but"
        f" `{reference.text}` has no `tools` capability",
    )


RULE = DocumentRule("MF408", "tools-without-capability", Severity.WARNING, __doc__ or "", check)
