"""MF210 not-gguf: a `.gguf` file named by FROM, ADAPTER or DRAFT is not a GGUF file.

Why: the server treats any uploaded file ending in `.gguf` as GGUF and rejects it with
`supplied file was not in GGUF format` after the whole upload. The usual cause is a Git LFS
pointer: a clone without `git lfs pull` leaves a small text file where the weights should be.

The server checks only what it uses: no local FROM file when a FROM model name is given (it
then ignores the files), and only the last ADAPTER (each one replaces the one before); a bad
file it never looks at is a warning.

Example: `FROM ./model.gguf` where model.gguf holds `version https://git-lfs.github.com/spec/v1`.
Fix: fetch the real file (`git lfs pull`), or point at the downloaded weights.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.paths import GGUF_MAGIC, LFS_POINTER, file_head
from modelfile_ls.analysis.references import Reference
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report local `.gguf` files without the GGUF magic bytes."""
    adapters = [r for r in context.references if r.keyword == "ADAPTER"]
    for reference in context.references:
        local = reference.local
        if local is None or local.kind != "file" or local.path is None:
            continue
        if not local.path.lower().endswith(".gguf"):
            continue
        head = file_head(local.path)
        if head.startswith(GGUF_MAGIC):
            continue
        value = reference.instruction.value
        assert value is not None
        if head.startswith(LFS_POINTER):
            why = "it is a Git LFS pointer, not the weights: run `git lfs pull`"
        elif not head:
            why = "it is empty"
        else:
            why = "it does not start with the GGUF magic bytes"
        message = f"`{reference.text}` is not a GGUF file: {why}"
        ignored = _ignored_because(context, reference, adapters)
        if ignored:
            yield rule.finding(
                value.content_span, f"{message} ({ignored})", severity=Severity.WARNING
            )
            continue
        yield rule.finding(
            value.content_span, message, ollama_message="supplied file was not in GGUF format"
        )


def _ignored_because(
    context: RuleContext, reference: Reference, adapters: list[Reference]
) -> str | None:
    """Why the server never reads this file, if it does not."""
    if reference.keyword == "FROM" and context.model_reference is not None:
        return "ignored: a FROM model name is given, so the server does not use local FROM files"
    if reference.keyword == "ADAPTER" and reference is not adapters[-1]:
        return "ignored: a later ADAPTER replaces this one"
    return None


RULE = DocumentRule("MF210", "not-gguf", Severity.ERROR, __doc__ or "", check)
