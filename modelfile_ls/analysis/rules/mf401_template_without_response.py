"""MF401 template-without-response: the TEMPLATE uses neither `.Response` nor `.Messages`.

Why: the server appends `{{ .Response }}` to such templates, so the model's answer is placed
after everything the template renders; that is rarely what a hand-written chat template
intends.

Example: `TEMPLATE [INST] {{ .Prompt }} [/INST]`
Fix: end the template with `{{ .Response }}` where the answer belongs, or iterate `.Messages`.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@lru_cache(maxsize=64)
def appends_response(template: str) -> bool:
    """Whether Ollama appends `{{ .Response }}` to this template: parsed once per text, as
    the document is checked again on every keystroke and its TEMPLATE rarely changes."""
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template import valid_template

    # Ollama decides on the template's identifiers, not its text: "### Response:" in the text
    # does not count, `.response` in an action does. A template that does not parse is MF302's:
    # Ollama never gets as far as appending.
    parsed = valid_template(template)
    return parsed is not None and parsed.appends_response


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report non-empty templates without `.Response` or `.Messages`."""
    templates = context.instructions("TEMPLATE")
    if not templates:
        return
    final = templates[-1]
    if final.value is None or not final.value.text or not appends_response(final.value.text):
        return
    yield rule.finding(
        final.keyword_span,
        "this template uses neither .Response nor .Messages: Ollama appends {{ .Response }} to it",
    )


RULE = DocumentRule("MF401", "template-without-response", Severity.INFO, __doc__ or "", check)
