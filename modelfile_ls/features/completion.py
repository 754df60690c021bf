"""Completion by cursor context: keywords, parameter names and values, roles, models, paths,
template variables and functions, suppression codes; stored registry elements of the kind at
the cursor (`completion_elements`).

Cost per request: one bisection to find the cursor's instruction, at most two registry
queries (model names by prefix, or the base model's default parameters; stored elements) and,
for paths, one directory listing capped at `completion_paths.MAX_ENTRIES`. Nothing scans the
document.
"""

from __future__ import annotations

from collections.abc import Callable

from modelfile_ls.features import completion_instructions as instructions
from modelfile_ls.features import completion_values as values
from modelfile_ls.features.candidates import EMPTY, CompletionRequest, Completions
from modelfile_ls.features.completion_elements import element_kind, stored_elements
from modelfile_ls.features.completion_template import template_action
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.cursor import CursorKind, cursor_context
from modelfile_ls.syntax.model import ParsedModelfile

_HANDLERS: dict[CursorKind, Callable[[CompletionRequest], Completions]] = {
    CursorKind.KEYWORD: instructions.keywords,
    CursorKind.PARAMETER_NAME: instructions.parameter_names,
    CursorKind.PARAMETER_VALUE: instructions.parameter_values,
    CursorKind.MESSAGE_ROLE: instructions.roles,
    CursorKind.REFERENCE: values.references,
    CursorKind.VALUE: values.names,
    CursorKind.TEMPLATE_ACTION: template_action,
    CursorKind.TEMPLATE: values.template_text,
    CursorKind.COMMENT: values.suppression_codes,
}


def complete(
    parsed: ParsedModelfile,
    offset: int,
    *,
    registry: Registry | None = None,
    base_dir: str | None = None,
    snippets: bool = False,
    limit: int = 50,
) -> Completions:
    """Completion candidates at a character offset; `snippets` if the client supports them."""
    context = cursor_context(parsed, offset)
    request = CompletionRequest(parsed, context, registry, base_dir, snippets, limit)
    handler = _HANDLERS.get(context.kind)
    found = handler(request) if handler is not None else EMPTY
    if element_kind(request) is None:
        return found
    stored = stored_elements(request)
    return Completions(found.items + stored.items, found.is_incomplete or stored.is_incomplete)
