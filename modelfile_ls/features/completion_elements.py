"""Completion of stored registry elements of the kind at the cursor: SYSTEM prompts after
SYSTEM, templates after TEMPLATE, PARAMETER sets on a PARAMETER line.

An element replaces the whole instruction it completes (its content is canonical Modelfile
text, keyword included), so it is offered only while that instruction is on the cursor's line:
LSP text edits replace a range within one line, and a value already spanning lines is being
written by hand. One registry query per request (`elements_by_prefix`, by name or value).
"""

from __future__ import annotations

from modelfile_ls.features.candidates import (
    EMPTY,
    CandidateKind,
    CompletionCandidate,
    CompletionRequest,
    Completions,
)
from modelfile_ls.features.elements import KIND_TITLES, source_label
from modelfile_ls.features.markup import Markup, code, fenced
from modelfile_ls.registry.records import ElementRecord
from modelfile_ls.syntax.cursor import CursorKind
from modelfile_ls.syntax.model import Span

_KINDS = {
    (CursorKind.VALUE, "SYSTEM"): "system",
    (CursorKind.TEMPLATE, "TEMPLATE"): "template",
    (CursorKind.PARAMETER_NAME, "PARAMETER"): "parameters",
}
"""(cursor kind, instruction) -> the element kind offered there."""


def element_kind(request: CompletionRequest) -> str | None:
    """The element kind completed at the cursor, None where elements are not offered."""
    context = request.context
    return _KINDS.get((context.kind, context.keyword))


def stored_elements(request: CompletionRequest) -> Completions:
    """Stored elements of the kind at the cursor whose name or value starts as typed."""
    kind = element_kind(request)
    instruction = request.context.instruction
    if kind is None or instruction is None or request.registry is None:
        return EMPTY
    parsed, offset = request.parsed, request.context.offset
    lines = parsed.lines
    line = lines.line_of(offset)
    start, line_end = lines.line_start(line), lines.line_end(line)
    if instruction.span.start < start or instruction.span.end > line_end:
        return EMPTY
    value = instruction.value
    if kind == "parameters" or value is None:
        typed = request.context.prefix
        value_start = request.context.token_span.start
    else:
        value_start = min(value.content_span.start, offset)
        typed = parsed.text[value_start:offset]
    matches = request.registry.elements_by_prefix(typed, kind, limit=request.limit)
    head = parsed.text[instruction.span.start : value_start]
    span = Span(instruction.span.start, line_end)
    items = [
        _candidate(element, span, head, typed, position) for position, element in enumerate(matches)
    ]
    return Completions(tuple(items), len(matches) >= request.limit)


def _candidate(
    element: ElementRecord, span: Span, head: str, typed: str, position: int
) -> CompletionCandidate:
    # Clients filter on the text from the edit's start to the cursor (`SYSTEM You`): match
    # it with the name when that is what the query matched, else with the stored value.
    by_name = element.name.lower().startswith(typed.lower())
    first_line = element.content.split("\n")[0]
    _, _, stored_value = first_line.partition(" ")
    uses = f" · used by {element.uses}" if element.uses else ""
    doc = Markup()
    doc.add(
        f"Stored {KIND_TITLES.get(element.kind, element.kind)} {code(element.name)}"
        f" from {code(source_label(element.source))}"
        + (f", tagged {', '.join(code(t) for t in element.tags)}" if element.tags else ""),
        f"Stored {KIND_TITLES.get(element.kind, element.kind)} {element.name}"
        f" from {source_label(element.source)}"
        + (f", tagged {', '.join(element.tags)}" if element.tags else ""),
    )
    doc.add(fenced(element.content), element.content)
    return CompletionCandidate(
        label=element.name,
        kind=CandidateKind.SNIPPET,
        replace_span=span,
        insert_text=element.content,
        detail=f"{KIND_TITLES.get(element.kind, element.kind)} from "
        f"{source_label(element.source)}{uses}",
        documentation=doc.documentation,
        # After the language's own candidates (parameter names come first on PARAMETER).
        sort_text=f"~{position:04d}",
        filter_text=head + (element.name if by_name else stored_value),
    )
