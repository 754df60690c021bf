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

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.syntax.lexer import invisible_offsets
from modelfile_ls.syntax.model import Span, Value

if TYPE_CHECKING:
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
        locate = _document_offsets(text, value)
        start = locate(error.start)
        end = min(max(locate(error.end), start), value.content_span.end)
        if instruction is not templates[-1]:
            yield rule.finding(
                Span(start, end),
                f"{error.message} (a later TEMPLATE replaces this one, so Ollama never checks it)",
                severity=Severity.WARNING,
                related=[Related(templates[-1].keyword_span, "the TEMPLATE that is used")],
            )
            continue
        yield rule.finding(
            Span(start, end),
            error.message,
            ollama_message=f"template error: {error.message}",
        )


def _document_offsets(text: str, value: Value) -> _Locator:
    """Map offsets in `value.text` (what Ollama parses) back to offsets in the document."""
    content = value.content_span
    dropped = invisible_offsets(text, content.start, content.end)
    gone = set(dropped)
    kept = "".join(text[i] for i in range(content.start, content.end) if i not in gone)
    lead = max(kept.find(value.text), 0)
    return _Locator(content.start, lead, dropped)


class _Locator:
    """Turns an offset in the decoded value into a document offset, skipping dropped runes."""

    def __init__(self, base: int, lead: int, dropped: list[int]) -> None:
        self.base = base
        self.lead = lead
        self.dropped = dropped

    def __call__(self, offset: int) -> int:
        """The document offset of decoded offset `offset`."""
        position = self.base + self.lead + offset
        # Each dropped rune before the position pushes it one further along the document.
        skipped = 0
        while True:
            moved = bisect_right(self.dropped, position + skipped)
            if moved == skipped:
                return position + skipped
            skipped = moved


RULE = DocumentRule("MF302", "template-syntax", Severity.ERROR, __doc__ or "", check)
