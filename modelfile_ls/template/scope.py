"""What is in scope at a point of a template: dot, the variables, the fields valid on dot.

For completion and hover inside TEMPLATE while it is being written, so it reads the actions
with Go's lexer (which carries on past parse errors) and follows the blocks: inside
`{{ range .Messages }}` dot is a message (`.Role`, `.Content`, ...); inside
`{{ range $i, $t := .Tools }}` the variable `$t` is a tool; a variable lives until the `end`
of the block that declares it, as in Go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modelfile_ls.facts import language_facts
from modelfile_ls.template.scan import actions
from modelfile_ls.template.tokens import Item, ItemType

DATA = "data"
"""The kind of the top-level values (`.System`, `.Messages`, ...)."""

_TEMPLATE = language_facts().template
_FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {DATA: tuple(_TEMPLATE.variables)}
for _name, _fact in _TEMPLATE.fields.items():
    _FIELDS_BY_KIND[_fact.scope] = (*_FIELDS_BY_KIND.get(_fact.scope, ()), _name)

# What a field of a value of one kind holds: ("list", element kind) or ("value", kind).
_STEPS: dict[tuple[str, str], tuple[str, str]] = {
    (DATA, "Messages"): ("list", "message"),
    (DATA, "Tools"): ("list", "tool"),
    ("message", "ToolCalls"): ("list", "tool call"),
    ("tool call", "Function"): ("value", "tool call"),
    ("tool", "Function"): ("value", "tool"),
    ("tool", "Parameters"): ("value", "tool"),
    ("tool", "Properties"): ("list", "tool"),
    ("tool", "AnyOf"): ("list", "tool"),
}


@dataclass(frozen=True)
class Scope:
    """Dot's kind (`data`, `message`, `tool`, `tool call`, or `unknown`), variables, fields."""

    dot: str
    variables: dict[str, str] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        """The field names valid on dot."""
        return _FIELDS_BY_KIND.get(self.dot, ())

    def fields_of(self, variable: str) -> tuple[str, ...]:
        """The field names valid on a variable (`$` is the top-level data)."""
        return _FIELDS_BY_KIND.get(self.variables.get(variable, "unknown"), ())


@dataclass
class _Block:
    keyword: str
    dot: str
    variables: dict[str, str]


def scope_at(text: str, offset: int) -> Scope:
    """The scope at character `offset` of a template (inside or between actions)."""
    stack = [_Block("", DATA, {"$": DATA})]
    for action in actions(text)[0]:
        if action.start >= offset:
            break
        if action.is_comment:
            continue
        words = [t for t in action.tokens if t.typ != ItemType.SPACE]
        inside = action.end > offset
        _apply(stack, words, inside)
    top = stack[-1]
    return Scope(top.dot, dict(top.variables))


def _apply(stack: list[_Block], words: list[Item], inside: bool) -> None:
    """Update the block stack for one action (`inside`: the cursor is in this action)."""
    if not words:
        return
    head = words[0]
    current = stack[-1]
    if head.typ == ItemType.END and not inside:
        if len(stack) > 1:
            stack.pop()
        return
    if head.typ == ItemType.ELSE:
        if len(stack) > 1 and not inside:
            # The else list runs with the dot and variables from before the block; Go reads
            # `{{else if x}}` as `{{else}}{{if x}}` closed by the same `{{end}}`.
            stack.pop()
            if len(words) > 1 and words[1].typ in (ItemType.IF, ItemType.WITH):
                _open(stack, words[1].typ, words[2:])
            else:
                outer = stack[-1]
                stack.append(_Block(current.keyword, outer.dot, dict(outer.variables)))
        return
    if head.typ in (ItemType.IF, ItemType.WITH, ItemType.RANGE, ItemType.DEFINE, ItemType.BLOCK):
        if not inside:
            _open(stack, head.typ, words[1:])
        return
    if not inside:
        declared, pipeline = _declarations(words)
        for name in declared:
            current.variables[name] = _kind_of(current, pipeline)[1]


def _open(stack: list[_Block], keyword: ItemType, words: list[Item]) -> None:
    current = stack[-1]
    variables = dict(current.variables)
    if keyword in (ItemType.DEFINE, ItemType.BLOCK):
        # A definition runs with whatever dot its caller passes: only `$` is known.
        stack.append(_Block("define", "unknown", {"$": "unknown"}))
        return
    declared, pipeline = _declarations(words)
    shape, kind = _kind_of(current, pipeline)
    dot = current.dot
    if keyword == ItemType.RANGE:
        element = kind if shape == "list" else "unknown"
        dot = element
        if len(declared) == 2:
            variables[declared[0]], variables[declared[1]] = "index", element
        elif declared:
            variables[declared[0]] = element
    elif keyword == ItemType.WITH:
        dot = kind if shape == "value" else "unknown"
        for name in declared:
            variables[name] = dot
    else:
        for name in declared:
            variables[name] = kind if shape == "value" else "unknown"
    stack.append(_Block(keyword.name.lower(), dot, variables))


def _declarations(words: list[Item]) -> tuple[list[str], list[Item]]:
    """`$a, $b :=` at the start of a pipeline: the names and the rest of the pipeline."""
    for index, word in enumerate(words):
        if word.typ in (ItemType.DECLARE, ItemType.ASSIGN):
            names = [w.val for w in words[:index] if w.typ == ItemType.VARIABLE]
            return names, words[index + 1 :]
    return [], words


def _kind_of(block: _Block, pipeline: list[Item]) -> tuple[str, str]:
    """What a pipeline's first operand is, when it is a field path we know."""
    if not pipeline:
        return "value", "unknown"
    first = pipeline[0]
    # Go's lexer hands `.A.B` over as `.A` and `.B`, adjacent.
    path, end = [], first.pos + len(first.val)
    for item in pipeline[1:]:
        if item.typ != ItemType.FIELD or item.pos != end:
            break
        path.append(item.val[1:])
        end = item.pos + len(item.val)
    if first.typ == ItemType.FIELD:
        base, path = block.dot, [first.val[1:], *path]
    elif first.typ == ItemType.VARIABLE:
        base = block.variables.get(first.val, "unknown")
    elif first.typ == ItemType.DOT:
        return "value", block.dot
    else:
        return "value", "unknown"
    shape, kind = "value", base
    for step in path:
        if shape == "list":
            return "value", "unknown"
        shape, kind = _STEPS.get((kind, step), ("value", "unknown"))
    return shape, kind
