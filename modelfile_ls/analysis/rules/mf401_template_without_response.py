"""MF401 template-without-response: the TEMPLATE uses neither `.Response` nor `.Messages`.

Why: the server appends `{{ .Response }}` to such templates, so the model's answer is placed
after everything the template renders; that is rarely what a hand-written chat template
intends.

Example: `TEMPLATE [INST] {{ .Prompt }} [/INST]`
Fix: end the template with `{{ .Response }}` where the answer belongs, or iterate `.Messages`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import Rule, RuleContext

_USES = re.compile(r"\b(?:messages|response)\b", re.IGNORECASE)


def check(context: RuleContext, rule: Rule) -> Iterator[Finding]:
    """Report non-empty templates without `.Response` or `.Messages`."""
    templates = context.instructions("TEMPLATE")
    if not templates:
        return
    final = templates[-1]
    if final.value is None or not final.value.text or _USES.search(final.value.text):
        return
    yield rule.finding(
        final.keyword_span,
        "this template uses neither .Response nor .Messages: Ollama appends {{ .Response }} to it",
    )


RULE = Rule("MF401", "template-without-response", Severity.INFO, __doc__ or "", check)
