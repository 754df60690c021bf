"""Completion of the instruction parts: keywords, PARAMETER names and values, MESSAGE roles."""

from __future__ import annotations

from modelfile_ls.facts import ParameterFact, language_facts, number_text
from modelfile_ls.features.candidates import (
    EMPTY,
    CandidateKind,
    CompletionCandidate,
    CompletionRequest,
    Completions,
    line_rest,
)
from modelfile_ls.features.docs import (
    instruction_markup,
    parameter_detail,
    parameter_markup,
)
from modelfile_ls.features.document import document_index
from modelfile_ls.features.markup import Markup, plain, visible

# Snippet bodies for instructions whose value has more than one part or is usually quoted;
# `{roles}` is filled from the language facts.
_SNIPPETS = {
    "PARAMETER": "PARAMETER ${1:name} ${2:value}",
    "MESSAGE": "MESSAGE ${1|{roles}|} ${2:content}",
    "TEMPLATE": 'TEMPLATE """$0"""',
    "SYSTEM": 'SYSTEM """$0"""',
    "LICENSE": 'LICENSE """$0"""',
}
_FOLLOWED_BY_VALUE_COMPLETION = frozenset(
    {"FROM", "ADAPTER", "DRAFT", "PARAMETER", "MESSAGE", "RENDERER", "PARSER"}
)


def keywords(request: CompletionRequest) -> Completions:
    """The instruction keywords, as snippets when the client supports them."""
    facts = language_facts()
    followed, span = line_rest(request)
    roles = ",".join(facts.message_roles)
    items = []
    for position, fact in enumerate(facts.instructions.values()):
        keyword = fact.keyword
        insert, snippet, retrigger = keyword, False, False
        if not followed:
            if request.snippets and keyword in _SNIPPETS:
                insert, snippet = _SNIPPETS[keyword].replace("{roles}", roles), True
            else:
                insert = f"{keyword} "
                retrigger = keyword in _FOLLOWED_BY_VALUE_COMPLETION
        items.append(
            CompletionCandidate(
                label=keyword,
                kind=CandidateKind.KEYWORD,
                replace_span=span,
                insert_text=insert,
                detail=plain(fact.summary),
                is_snippet=snippet,
                sort_text=f"{position:02d}",
                filter_text=keyword,
                retrigger=retrigger,
                documentation=instruction_markup(fact).documentation,
            )
        )
    return Completions(tuple(items))


def _value_placeholder(fact: ParameterFact) -> str:
    if fact.type == "bool":
        return "${1|true,false|}"
    if fact.default is not None:
        return "${1:" + number_text(fact.default) + "}"
    return "$1"


def parameter_names(request: CompletionRequest) -> Completions:
    """Current PARAMETER names with their type, default, range and version notes."""
    facts = language_facts()
    followed, span = line_rest(request)
    already = document_index(request.parsed).parameter_values
    items = []
    for position, fact in enumerate(facts.current_parameters()):
        insert, snippet, retrigger = fact.name, False, False
        if not followed:
            if request.snippets:
                insert, snippet = f"{fact.name} {_value_placeholder(fact)}", True
            else:
                insert = f"{fact.name} "
                retrigger = fact.type in ("bool", "string_list")
        # Scalars already set sort last: setting one twice only keeps the last value.
        repeated = fact.name in already and fact.type != "string_list"
        items.append(
            CompletionCandidate(
                label=fact.name,
                kind=CandidateKind.PROPERTY,
                replace_span=span,
                insert_text=insert,
                detail=parameter_detail(fact) + (" · already set" if repeated else ""),
                is_snippet=snippet,
                sort_text=f"{int(repeated)}{position:02d}",
                filter_text=fact.name,
                retrigger=retrigger,
                documentation=parameter_markup(fact).documentation,
            )
        )
    return Completions(tuple(items))


def quote_value(value: str) -> str:
    """A value written so Ollama reads it back exactly (its own serialisation rule, plus a
    quote for values that would otherwise start a quoted value)."""
    if not value:
        return '""'
    if "\n" in value or "\r" in value or value != value.strip() or value.startswith('"'):
        delimiter = '"""' if '"' in value else '"'
        return f"{delimiter}{value}{delimiter}"
    return value


def parameter_values(request: CompletionRequest) -> Completions:
    """Values where they are finite: bools, and stop strings of the base model."""
    context = request.context
    fact = language_facts().parameter(context.parameter or "")
    if fact is None:
        return EMPTY
    if fact.type == "bool":
        values = [
            (text, "bool" + (" · default" if fact.default is flag else ""), "")
            for text, flag in (("true", True), ("false", False))
        ]
    elif fact.type == "string_list":
        values = _stop_values(request)
    else:
        return EMPTY
    quoted = context.prefix.startswith('"')
    items = []
    for position, (value, detail, source) in enumerate(values):
        insert = quote_value(value)
        if quoted and not insert.startswith('"'):
            insert = f'"{value}"'
        doc = Markup()
        if source:
            doc.add(
                f"Default of the base model ({plain(source)})",
                f"Default of the base model ({source})",
            )
        items.append(
            CompletionCandidate(
                label=visible(value),
                kind=CandidateKind.VALUE,
                replace_span=context.token_span,
                insert_text=insert,
                detail=detail,
                sort_text=f"{position:03d}",
                filter_text=insert,
                documentation=doc.documentation,
            )
        )
    return Completions(tuple(items))


def _stop_values(request: CompletionRequest) -> list[tuple[str, str, str]]:
    """Stop strings of the FROM model's default parameters not already set in the file."""
    index = document_index(request.parsed)
    base = index.base_model
    if request.registry is None or base is None:
        return []
    defaults = request.registry.default_parameters(base.text) or []
    present = set(index.parameter_values.get("stop", ()))
    found = []
    for default in defaults:
        if default.name == "stop" and default.value not in present:
            found.append((default.value, f"stop of {base.text}", default.source))
            present.add(default.value)
    return found


def roles(request: CompletionRequest) -> Completions:
    """MESSAGE roles."""
    followed, span = line_rest(request)
    return Completions(
        tuple(
            CompletionCandidate(
                label=role,
                kind=CandidateKind.ENUM_MEMBER,
                replace_span=span,
                insert_text=role if followed else f"{role} ",
                detail="message role",
                sort_text=f"{position}",
            )
            for position, role in enumerate(language_facts().message_roles)
        )
    )
