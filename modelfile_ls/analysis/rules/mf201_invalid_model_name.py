"""MF201 invalid-model-name: FROM is neither an existing local path nor a valid model name.

Why: a FROM value that is not an existing file or directory is sent to the server as a model
name, which must match `[host/][namespace/]model[:tag]` (letters, digits, `_`, `-`, `.`; no
spaces); otherwise the create fails with `invalid model name`. Template placeholders
(`{{BASE}}`, `<model>`), a trailing `# comment` and a missing GGUF file written as `./x.gguf`
all end here. Of several FROM model names only the last is sent (the last one wins), so an
invalid name that a later FROM replaces is only a warning: Ollama never sees it.

Example: `FROM llama3.2 # base model`
Fix: a library name like `llama3.2:3b`, or a path to a file that exists.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import replace
from modelfile_ls.analysis.finding import Finding, Related, Severity, shorten
from modelfile_ls.analysis.inline_comment import before_inline_comment
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report FROM values the server would refuse as model names."""
    sent = context.model_reference
    for reference in context.references:
        name = reference.name
        if reference.keyword != "FROM" or name is None or name.is_valid:
            continue
        if reference.local is None and reference.looks_like_path:
            continue  # an unsaved buffer: the path may exist once the file is saved
        value = reference.instruction.value
        assert value is not None
        shown = shorten(reference.text, 60)
        if reference.local is not None and reference.looks_like_path:
            message = f"no file or directory at {reference.local.path}, and `{shown}` is not a"
            message += " valid model name either"
        else:
            message = f"`{shown}` is not a valid model name: {name.problem}"
        fixes = []
        before_comment = before_inline_comment(reference.text)
        if before_comment is not None and parse_model_name(before_comment).is_valid:
            message = f"`{shown}` is not a valid model name: the `#...` is part of the value"
            fixes.append(replace(value.content_span, before_comment, f"Keep `{before_comment}`"))
        span = reference.span
        if reference is not sent and sent is not None:
            sent_value = sent.instruction.value
            assert sent_value is not None
            yield rule.finding(
                span,
                f"{message} (ignored: a later FROM replaces it, so Ollama never sends it)",
                fixes=fixes,
                severity=Severity.WARNING,
                related=[Related(sent_value.content_span, "the FROM that is used")],
                tags=["unnecessary"],
            )
            continue
        yield rule.finding(span, message, fixes=fixes, ollama_message="invalid model name")


RULE = DocumentRule("MF201", "invalid-model-name", Severity.ERROR, __doc__ or "", check)
