"""MF402 template-foreign-tokens: the TEMPLATE uses special tokens of another model family.

Why: a chat template only works with the special tokens the model was trained on. A Llama 3
header (`<|start_header_id|>`) in a TEMPLATE for a Qwen model is plain text to Qwen's
tokenizer: the model sees a strange prompt, answers poorly and never emits the end-of-turn
token the stop sequences wait for. Ollama accepts the file. The model's formats come from its
family (`facts/data/families.py`) and, when the registry has them, its own template and
stop sequences; without registry data the rule stays silent.

Example: `FROM qwen2.5` with `TEMPLATE <|start_header_id|>user<|end_header_id|>...`
Fix: remove the TEMPLATE to keep the model's own, or write it in the model's chat format.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.families import family_facts
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the first token of each chat format the FROM model does not use."""
    # The registry is asked last: most documents stop at the first, free, condition.
    template = context.file_template
    if template is None or template.instruction is None:
        return
    model, reference = context.base_model, context.model_reference
    if model is None or reference is None:
        return
    facts = family_facts()
    expected = facts.model_dialects(model)
    if expected is None:
        return
    fixes = []
    if len(context.instructions("TEMPLATE")) == 1:
        title = f"Remove the TEMPLATE (use {reference.text}'s own)"
        fixes.append(delete_instruction(context.parsed, template.instruction, title))
    family = f"a {model.family} model" if model.family else "a model of another format"
    for use in facts.dialects_in(template.text):
        if use.dialect.name in expected:
            continue
        start = template.offset + use.offset
        yield rule.finding(
            Span(start, start + len(use.token)),
            f"`{use.token}` is a {use.dialect.title} token, but `{reference.text}` is {family}"
            " that does not use it: its tokenizer reads it as plain text",
            fixes=fixes,
        )


RULE = DocumentRule("MF402", "template-foreign-tokens", Severity.WARNING, __doc__ or "", check)
