"""MF211 insecure-path: a model directory links to files outside itself.

Why: the CLI resolves every file it picks from a FROM, ADAPTER or DRAFT directory and refuses
symlinks that lead outside it (`insecure path: <file>`). Hugging Face's cache is the typical
case: its snapshot folders are symlinks into `blobs/`.

Example: `FROM ~/.cache/huggingface/hub/models--org--m/snapshots/abc123`
Fix: download with `huggingface-cli download --local-dir <dir>` (real files), or copy the files.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report directories whose selected files are symlinks leading outside them."""
    for reference in context.references:
        directory = reference.directory
        if directory is None:
            continue
        # Lazy: only a reference to a directory selects files (model_files.py says why).
        from modelfile_ls.analysis.model_files import escaping_files

        escaping = escaping_files(directory, context.model_files(directory))
        if not escaping:
            continue
        hint = " (use `--local-dir` when downloading)" if ".cache" in escaping[0].target else ""
        shown = ", ".join(e.name for e in escaping[:3]) + (
            f" and {len(escaping) - 3} more" if len(escaping) > 3 else ""
        )
        yield rule.finding(
            reference.span,
            f"{shown} link outside {directory}; Ollama refuses such files{hint}",
            ollama_message=escaping[0].ollama_message,
        )


RULE = DocumentRule("MF211", "insecure-path", Severity.ERROR, __doc__ or "", check)
