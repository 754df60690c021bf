"""MF212 refused-file-type: a file the CLI takes from a model directory is not text or unreadable.

Why: for a FROM, ADAPTER or DRAFT directory the CLI takes, besides the weights, every `*.json`
(a level deeper too) and `chat_template.jinja`, and sniffs each one with Go's
`http.DetectContentType`: one that is not `text/plain` (binary bytes, a zip, an HTML comment at
its start) fails the whole `ollama create` with `invalid content type: expected <what it is>
for <file>`, before anything is uploaded; so does one it cannot read (a directory or a dangling
link of such a name, a file without read permission, a nested `model*.safetensors` too).

Example: `FROM ./model` where `model/tokenizer.json` is a truncated binary download.
Fix: download the file again (or remove it when the model does not need it).
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report directories whose selection refuses a file's content type."""
    for reference in context.references:
        directory = reference.directory
        if directory is None:
            continue
        refusal = context.model_files(directory).refusal
        if refusal.path is None:
            continue
        if refusal.detected is not None:
            message = (
                f"{refusal.path} must be text for `ollama create` to take this directory,"
                f" but it sniffs as {refusal.detected}"
            )
        else:  # a directory, a dangling link or an unreadable file of a name the CLI takes
            message = f"`ollama create` cannot read {refusal.path}: {refusal.error}"
        yield rule.finding(reference.span, message, ollama_message=refusal.error)


RULE = DocumentRule("MF212", "refused-file-type", Severity.ERROR, __doc__ or "", check)
