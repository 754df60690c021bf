"""MF302 template-syntax: the TEMPLATE is not a valid Go template.

Why: the server parses TEMPLATE with Go's `text/template` when the model is created and fails
with `template error: template: :<line>: <detail>`: an unclosed `{{`, an `{{ if }}` without
`{{ end }}`, a function Ollama does not provide, or `{{ template "x" }}` without an argument.

Example: `TEMPLATE {{ if .System }}{{ .System }}`
Fix: close every `if`, `range`, `with` and `block` with `{{ end }}`; use Go and Ollama functions.
"""

from __future__ import annotations

from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.gotemplate import check_template, line_of
from modelfile_ls.analysis.rule import Rule, RuleContext
from modelfile_ls.syntax.model import Span


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report the template syntax errors Go would raise, located in the document."""
    text = context.parsed.text
    for instruction in context.instructions("TEMPLATE"):
        value = instruction.value
        if value is None:
            continue
        start, end = value.content_span.start, value.content_span.end
        source = text[start:end]
        for issue in check_template(source):
            if issue.message == "undefined template specified":
                ollama = "template error: undefined template specified"
            else:
                ollama = (
                    f"template error: template: :{line_of(source, issue.start)}: {issue.message}"
                )
            yield rule.finding(
                Span(start + issue.start, start + issue.end),
                f"template: {issue.message}",
                ollama_message=ollama,
            )


RULE = Rule("MF302", "template-syntax", Severity.ERROR, __doc__ or "", check, per_instruction=True)
