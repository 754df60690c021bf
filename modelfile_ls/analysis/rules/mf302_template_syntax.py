"""MF302 template-syntax: the TEMPLATE is not a valid Go template.

Why: the server parses TEMPLATE with Go's `text/template` (option `missingkey=zero`, Ollama's
functions `json`, `currentDate`, `yesterdayDate`, `toTypeScriptType`) when the model is
created, and fails with `template error: template: :<line>: <detail>`: an unclosed `{{`, an
`{{ if }}` without `{{ end }}`, a variable used outside the `range` that declares it, a
function Ollama does not provide, or `{{ template "x" }}` without an argument. Go stops at the
first error, so this is reported once per TEMPLATE. Only the last TEMPLATE is sent (the last
one wins), so a broken TEMPLATE that a later one replaces is a warning, not an error.

Example: `TEMPLATE {{ if .System }}{{ .System }}`
Fix: close every `if`, `range`, `with` and `block` with `{{ end }}`; use Go and Ollama functions.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.analysis.template_offsets import template_locator
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from modelfile_ls.template import TemplateError


def template_error(source: str) -> TemplateError | None:
    """The error Go reports for one template text (`check_template` keeps it per text: the
    document is checked again on every keystroke, and its TEMPLATE rarely changes)."""
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template import check_template

    return check_template(source)


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the error Ollama's `template.Parse` returns, located in the document."""
    text = context.parsed.text
    templates = context.instructions("TEMPLATE")
    for instruction in templates:
        value = instruction.value
        if value is None:
            continue
        # Ollama parses the value as its parser decoded it: invisible characters are gone.
        error = template_error(value.text)
        if error is None:
            continue
        span = template_locator(text, value).span(error.start, error.end)
        if instruction is not templates[-1]:
            yield rule.finding(
                span,
                f"{error.message} (a later TEMPLATE replaces this one, so Ollama never checks it)",
                severity=Severity.WARNING,
                related=[Related(templates[-1].keyword_span, "the TEMPLATE that is used")],
            )
            continue
        yield rule.finding(
            span,
            error.message,
            ollama_message=f"template error: {error.message}",
        )


RULE = DocumentRule("MF302", "template-syntax", Severity.ERROR, __doc__ or "", check)
