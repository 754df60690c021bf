"""MF204 from-path-not-found: FROM looks like a file path, but nothing is there.

Why: a FROM path that does not exist is silently treated as a model name. When the text also
happens to be a valid name (`models/mistral.gguf`), Ollama tries to pull it from the registry
instead of reporting the missing file.

Example: `FROM models/llama.gguf` with no such file next to the Modelfile.
Fix: correct the path (it is relative to the Modelfile's directory).
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report path-like FROM values that are missing but still valid model names."""
    for reference in context.references:
        local = reference.local
        if reference.keyword != "FROM" or local is None or local.kind != "missing":
            continue
        if reference.name is None or not reference.name.is_valid or not reference.looks_like_path:
            continue
        value = reference.instruction.value
        assert value is not None
        yield rule.finding(
            value.content_span,
            f"no file at {local.path}: Ollama will look for a model named `{reference.text}`"
            " in the registry instead",
        )


RULE = DocumentRule("MF204", "from-path-not-found", Severity.WARNING, __doc__ or "", check)
