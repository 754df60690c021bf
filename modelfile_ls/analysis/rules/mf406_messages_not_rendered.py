"""MF406 messages-not-rendered: MESSAGE instructions that the template never shows the model.

Why: Ollama puts the Modelfile's MESSAGEs before every chat, but only a template can render
them. A template that mentions `Messages` renders them itself; any other template is run once
per turn, showing a user message as `.Prompt`, an assistant one as `.Response` (appended when
missing) and a system one as `.System`. A template without `.Messages` and without, say,
`.Prompt` drops every user MESSAGE silently. Without a TEMPLATE in the file the FROM model's
own template is used when the registry has it.

Example: `TEMPLATE {{ .System }} {{ .Response }}` with `MESSAGE user Hi`
Fix: render `.Messages` (`{{ range .Messages }}...{{ end }}`), or the variable for the role.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_ROLE_VARIABLE = {"system": "System", "user": "Prompt", "assistant": "Response"}


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report each MESSAGE whose role the template in use never renders."""
    if context.first("MESSAGE") is None:
        return  # checked first: the registry is asked only when there are messages
    template = context.sent_template
    if template is None:
        return
    value = context.file_template_value
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template import valid_template

    # Ollama parses the value as its parser decoded it, and decides on identifiers: "messages"
    # in the text or a comment is not `.Messages`. One that does not parse is MF302's.
    parsed = valid_template(value.text if value is not None else template.text)
    if parsed is None or parsed.uses_messages:
        return
    # Field lookups are case-sensitive (`.prompt` renders `<no value>`); Ollama appends
    # {{ .Response }} to a template that names neither `response` nor `messages`.
    rendered = {role for role, name in _ROLE_VARIABLE.items() if name in parsed.names}
    if parsed.appends_response:
        rendered.add("assistant")
    messages = context.instructions("MESSAGE")
    where = "the TEMPLATE" if template.instruction is not None else "the FROM model's template"
    for message in messages:
        role = message.role or ""
        if role in rendered or role not in _ROLE_VARIABLE:
            continue
        yield rule.finding(
            message.role_span or message.keyword_span,
            f"this {role} MESSAGE never reaches the model: {where} renders neither `.Messages`"
            f" nor `.{_ROLE_VARIABLE[role]}`",
        )


RULE = DocumentRule("MF406", "messages-not-rendered", Severity.WARNING, __doc__ or "", check)
