"""MF409 template-fails-at-request: requests fail on a TEMPLATE that `ollama create` accepted.

Why: a template that never names `.Messages` is rendered turn by turn, and the turn the model
answers is rendered from a copy cut after the first `{{ .Response }}` (Ollama's `deleteNode`),
run as a new template. That copy has Go's built-in functions only and none of the `define`d
templates, so a call to `json`, `currentDate`, `yesterdayDate` or `toTypeScriptType`, or a
`{{ template "x" }}` of a defined template, before the first `.Response` fails the request
that renders it (`"json" is not a defined function`). And when that `.Response` sits inside an
`if`, `with` or `range` that has an `{{ else }}`, `deleteNode` panics
(`interface conversion: parse.Node is nil, not *parse.ListNode`): every generate and chat
request to the model fails with HTTP 500.

Example: `TEMPLATE {{ if .System }}{{ .System }}{{ .Response }}{{ else }}{{ .Prompt }}{{ end }}`
Fix: keep `{{ .Response }}` outside branches with an `else` (or render `.Messages` instead);
call Ollama's functions and defined templates only after the first `.Response`.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.analysis.template_offsets import template_locator
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report what fails in the last legacy turn of the TEMPLATE the file sends."""
    value = context.file_template_value
    if value is None:
        return
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template.last_turn import last_turn_failures

    failures = last_turn_failures(value.text)
    if not failures:
        return
    locate = template_locator(context.parsed.text, value)
    for failure in failures:
        span = locate.span(failure.start, failure.end)
        if failure.always:
            message = (
                "this .Response is inside a branch with an else: Ollama's server panics"
                f" rendering the last turn ({failure.message}), so every request fails"
            )
        else:
            message = (
                "Ollama renders the last turn of a template without .Messages as a new template"
                f", cut after the first .Response: here it fails ({failure.message})"
            )
        yield rule.finding(span, message)


RULE = DocumentRule("MF409", "template-fails-at-request", Severity.WARNING, __doc__ or "", check)
