"""MF303 template-variable-case: a template variable is written in the wrong case.

Why: template fields are case-sensitive: `.prompt` is not `.Prompt`. Top-level lookups of
absent keys render as `<no value>`, and unknown fields of messages or tools fail only when
the model runs.

Example: `TEMPLATE {{ .system }} {{ .prompt }}`
Fix: `{{ .System }} {{ .Prompt }}`
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import replace
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.facts import language_facts
from modelfile_ls.light_stdlib import cache, lru_cache
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction, Span

if TYPE_CHECKING:
    from collections.abc import Iterator


@cache
def template_fields() -> tuple[str, ...]:
    """The variables and fields a template can read (asked for only when a TEMPLATE is met)."""
    facts = language_facts().template
    return (*facts.variables, *facts.fields)


@cache
def _by_lower() -> dict[str, str]:
    return {name.lower(): name for name in template_fields()}


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report fields that match a known template field only when case is ignored."""
    value = instruction.value
    if value is None:
        return
    base = value.content_span.start
    for offset, name, correct in miscased(scope.text[base : value.content_span.end]):
        span = Span(base + offset, base + offset + len(name))
        yield rule.finding(
            span,
            f"template fields are case-sensitive: `.{correct}`, not `.{name}`",
            fixes=[replace(span, correct, f"Change to `.{correct}`")],
        )


@lru_cache(maxsize=64)
def miscased(template: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, name, correct name) of each field written in the wrong case: kept per text, as
    an edit next to the TEMPLATE checks it again on every keystroke."""
    # Lazy: the TEMPLATE parser adds a quarter to the `--check` imports (bench/lazy_imports.py),
    # and most Modelfiles have no TEMPLATE.
    from modelfile_ls.template.scan import actions
    from modelfile_ls.template.tokens import ItemType

    found, _ = actions(template)
    result = []
    # Go's lexer's field tokens: `.Name` after a dot, a variable (`$.prompt`, `$m.role`) or a
    # parenthesis, never the text of a string or a number.
    for action in found:
        for item in action.tokens:
            if item.typ != ItemType.FIELD:
                continue
            name = item.val[1:]
            correct = _by_lower().get(name.lower())
            if correct is not None and correct != name:
                result.append((item.pos + 1, name, correct))
    return tuple(result)


RULE = InstructionRule(
    "MF303",
    "template-variable-case",
    Severity.WARNING,
    __doc__ or "",
    check,
    keywords=("TEMPLATE",),
    fix_all=True,
)
