"""MF012 invalid-encoding: the file is not valid UTF-8, so some bytes became U+FFFD.

Why: Ollama decodes Modelfiles as UTF-8 (or UTF-16 with a byte-order mark). Bytes that are not
valid UTF-8, such as Latin-1 `é`, turn into the replacement character `�` in prompts and stop
strings without any message.

Example: a SYSTEM prompt saved in Windows-1252.
Fix: save the file as UTF-8.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the first replaced byte of a file that is not valid UTF-8."""
    parsed = context.parsed
    if parsed.replaced_bytes == 0:
        return
    first = parsed.text.find("\ufffd")
    yield rule.finding(
        Span(first, first + 1),
        f"{parsed.replaced_bytes} byte{'s are' if parsed.replaced_bytes > 1 else ' is'} not valid"
        " UTF-8 and became U+FFFD; save the file as UTF-8",
    )


RULE = DocumentRule("MF012", "invalid-encoding", Severity.WARNING, __doc__ or "", check)
