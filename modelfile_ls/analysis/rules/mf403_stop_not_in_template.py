"""MF403 stop-not-in-template: a stop sequence belongs to another chat format than the TEMPLATE.

Why: a model ends its turn with the special tokens of its own chat format, and the TEMPLATE is
where that format is written down. A stop like `<|im_end|>` (ChatML) under a Llama 3 template
never matches what the model produces, so it does nothing, and the real end-of-turn token is
likely missing from the stops. Only tokens of a known chat format (`facts/data/families.py`)
absent from a template written in another known format are reported: end-of-sequence tokens
and a model's extra tokens (`<|eom_id|>`, `<|python_tag|>`) are not. Without a TEMPLATE in
the file the FROM model's own template is used when the registry has it.

Example: `TEMPLATE <|start_header_id|>...<|eot_id|>` with `PARAMETER stop "<|im_end|>"`
Fix: use the end-of-turn token of the template's format, or remove the stop.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import delete_instruction
from modelfile_ls.analysis.families import family_facts
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report stops of a chat format the template in use is not written in."""
    stops = context.parameters_named("stop")
    if not stops:
        return  # nothing to check, and no need to ask the registry for a template
    template = context.sent_template
    if template is None:
        return
    facts = family_facts()
    spoken = {use.dialect.name for use in facts.dialects_in(template.text)}
    if not spoken:
        return  # a plain template (`{{ .Prompt }}`) says nothing about the model's tokens
    reference = context.model_reference
    where = "the TEMPLATE"
    if template.instruction is None and reference is not None:
        where = f"the template of `{reference.text}`"
    for instruction in stops:
        value = instruction.value
        if value is None or value.text in template.text:
            continue
        if value.text in facts.end_of_sequence:
            continue
        foreign = [d for d in facts.dialects.values() if value.text in d.tokens]
        if not foreign or foreign[0].name in spoken:
            continue
        titles = ", ".join(sorted(facts.dialects[name].title for name in spoken))
        yield rule.finding(
            value.content_span,
            f"the stop sequence `{value.text}` is a {foreign[0].title} token, but {where} is"
            f" written in {titles}: the model never produces it, so this stop never matches",
            fixes=[delete_instruction(context.parsed, instruction, "Remove this stop")],
        )


RULE = DocumentRule("MF403", "stop-not-in-template", Severity.WARNING, __doc__ or "", check)
