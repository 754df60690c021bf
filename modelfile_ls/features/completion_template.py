"""Completion inside TEMPLATE actions: what is valid at the cursor, as Go would run it.

`template.scope.scope_at` follows the blocks up to the cursor, so inside
`{{ range .Messages }}` a `.` offers a message's fields (`.Role`, `.Content`, `.ToolCalls`...),
at the top level the template data (`.System`, `.Prompt`, `.Messages`, `.Tools`, `.Think`...),
after `$m.` the fields of what `$m` holds, and a `$` the variables declared in scope.
"""

from __future__ import annotations

import re

from modelfile_ls.features import template_docs
from modelfile_ls.features.candidates import (
    CandidateKind,
    CompletionCandidate,
    CompletionRequest,
    Completions,
)
from modelfile_ls.features.docs import template_markup
from modelfile_ls.syntax.model import Span
from modelfile_ls.template.scope import DATA, Scope, scope_at

_VARIABLE_BEFORE = re.compile(r"\$\w*$")
_CHAIN_BEFORE = re.compile(r"[\w)]$")


def template_action(request: CompletionRequest) -> Completions:
    """Inside `{{ }}`: the fields valid on dot or on a variable, the variables in scope, and
    (before anything is typed) actions and functions."""
    context = request.context
    instruction = context.instruction
    if instruction is None or instruction.value is None:
        return Completions(())
    content = instruction.value.content_span
    text = request.parsed.text
    # Go reads the template as the value's characters; the scope needs no unquoting.
    scope = scope_at(text[content.start : content.end], context.offset - content.start)
    span, prefix = context.token_span, context.prefix
    before = text[content.start : span.start]
    items: list[CompletionCandidate] = []
    if prefix.startswith("$"):
        items += _variables(scope, span)
    elif prefix.startswith("."):
        variable = _VARIABLE_BEFORE.search(before)
        if variable is not None:
            items += _fields(scope.variables.get(variable.group(), "unknown"), span)
        elif _CHAIN_BEFORE.search(before):
            # `.Function.` or `(...).`: a path scope_at does not follow; every field may fit.
            items += _fields("unknown", span)
        else:
            items += _fields(scope.dot, span)
    else:
        items += _fields(scope.dot, span) + _variables(scope, span) + _words(span)
    return Completions(tuple(items))


def _fields(kind: str, span: Span) -> list[CompletionCandidate]:
    """`.Name` candidates valid on a value of `kind` (all of them when it is unknown)."""
    if kind == DATA:
        names = [(template_docs.VARIABLES[n], CandidateKind.VARIABLE) for n in Scope(kind).fields]
    elif kind == "unknown":
        names = [(entry, CandidateKind.VARIABLE) for entry in template_docs.VARIABLES.values()]
        names += [(entry, CandidateKind.FIELD) for entry in template_docs.FIELDS.values()]
    else:
        names = [(template_docs.FIELDS[n], CandidateKind.FIELD) for n in Scope(kind).fields]
    return [
        _candidate(f".{entry.name}", kind_of_item, span, entry.signature, "0", entry)
        for entry, kind_of_item in names
    ]


def _variables(scope: Scope, span: Span) -> list[CompletionCandidate]:
    """The `$variables` in scope; the detail says what each holds."""
    return [
        _candidate(name, CandidateKind.VARIABLE, span, _holds(name, kind), "1")
        for name, kind in sorted(scope.variables.items())
    ]


def _holds(name: str, kind: str) -> str:
    if name == "$":
        return "the template data"
    return {"index": "range index", "unknown": "template variable"}.get(kind, f"a {kind}")


def _words(span: Span) -> list[CompletionCandidate]:
    """Go's actions and the functions Ollama templates may call."""
    groups = ((template_docs.ACTIONS, CandidateKind.KEYWORD), (template_docs.FUNCTIONS, None))
    items = []
    for rank, (entries, kind) in enumerate(groups, start=2):
        for entry in entries.values():
            items.append(
                _candidate(
                    entry.name,
                    kind or CandidateKind.FUNCTION,
                    span,
                    entry.signature,
                    str(rank),
                    entry,
                )
            )
    return items


def _candidate(
    label: str,
    kind: CandidateKind,
    span: Span,
    detail: str,
    rank: str,
    entry: template_docs.TemplateName | None = None,
) -> CompletionCandidate:
    return CompletionCandidate(
        label=label,
        kind=kind,
        replace_span=span,
        insert_text=label,
        detail=detail,
        sort_text=f"{rank}{label}",
        filter_text=label,
        documentation=template_markup(entry).documentation if entry is not None else None,
    )
