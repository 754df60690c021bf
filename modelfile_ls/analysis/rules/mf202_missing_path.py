"""MF202 missing-path: an ADAPTER or DRAFT path does not exist.

Why: unlike FROM, ADAPTER and DRAFT must be local files or directories; the CLI resolves them
relative to the Modelfile's directory and fails with `stat <path>: no such file or directory`.

Example: `ADAPTER ./lora/adapter.gguf` with no such file next to the Modelfile.
Fix: correct the path (relative to the Modelfile), or create the adapter first.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report ADAPTER and DRAFT paths that are missing or unreadable."""
    for reference in context.references:
        local = reference.local
        if reference.keyword == "FROM" or local is None or local.kind not in ("missing", "error"):
            continue
        if local.path is None:
            continue  # `~user` expansion failures are MF206
        reason = "does not exist" if local.kind == "missing" else "cannot be read"
        yield rule.finding(
            reference.span,
            f"{reference.keyword} path `{reference.text}` {reason} (resolved to {local.path})",
            ollama_message=local.error,
        )


RULE = DocumentRule("MF202", "missing-path", Severity.ERROR, __doc__ or "", check)
