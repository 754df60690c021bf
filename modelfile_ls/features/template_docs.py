"""What TEMPLATE's variables, fields, functions and actions mean, for hover and completion.

The names and their documentation are language facts (`facts/data/template.py`), shared with
the template checker and MF303, so documentation and rules cannot drift apart.
"""

from __future__ import annotations

from modelfile_ls.facts import TemplateName, language_facts

_TEMPLATE = language_facts().template
VARIABLES = _TEMPLATE.variables
"""Top-level template data; Ollama renders an absent key as `<no value>`."""
FIELDS = _TEMPLATE.fields
"""Fields of list elements: messages, tool calls and tools. Unknown fields fail at run time."""
FUNCTIONS = _TEMPLATE.functions
"""Functions of Go's text/template plus the four Ollama adds."""
ACTIONS = _TEMPLATE.actions
"""Go template actions (keywords)."""

__all__ = ["ACTIONS", "FIELDS", "FUNCTIONS", "VARIABLES", "TemplateName", "lookup"]


def lookup(token: str) -> TemplateName | None:
    """The documentation of a template token: `.System`, `.Role`, `printf`, `range`."""
    if token.startswith("."):
        name = token[1:]
        return VARIABLES.get(name) or FIELDS.get(name)
    return FUNCTIONS.get(token) or ACTIONS.get(token)
