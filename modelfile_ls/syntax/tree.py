"""The tree-sitter view of a Modelfile. Every py-tree-sitter call in the package lives here.

The grammar (in `grammar/`, compiled into `_binding`) serves editors: highlighting, folding
and injections. Ollama's exact verdict comes from `lexer.py`; the two are held to the same
instruction boundaries by the corpus conformance tests.
"""

from __future__ import annotations

from functools import cache

from tree_sitter import Language, Node, Parser, Tree

from modelfile_ls.syntax import _binding
from modelfile_ls.syntax.lexer import visible_text


@cache
def language() -> Language:
    """The compiled Modelfile grammar."""
    return Language(_binding.language())


def parse_tree(text: str) -> Tree:
    """A tree-sitter tree of the text (UTF-8)."""
    return Parser(language()).parse(text.encode("utf-8"))


def sexp(text: str) -> str:
    """The tree as an S-expression, one node per line, for `parse --format tree`."""
    lines: list[str] = []

    def walk(node: Node, depth: int, field: str | None) -> None:
        label = f"{field}: " if field else ""
        (row, column), (end_row, end_column) = node.start_point, node.end_point
        point = f"[{row}, {column}] - [{end_row}, {end_column}]"
        lines.append(f"{'  ' * depth}{label}({node.type} {point})")
        for child in node.named_children:
            walk(child, depth + 1, _field_of(node, child))

    walk(parse_tree(text).root_node, 0, None)
    return "\n".join(lines)


def _field_of(parent: Node, child: Node) -> str | None:
    for position, candidate in enumerate(parent.children):
        if candidate.id == child.id:
            return parent.field_name_for_child(position)
    return None


def tree_commands(text: str) -> list[tuple[str, str]]:
    """Ollama's (command name, args) for each instruction, read from the tree."""
    commands = []
    for node in parse_tree(text).root_node.named_children:
        if node.type == "comment":
            continue
        kind = node.type.removesuffix("_instruction")
        value = node.child_by_field_name("value")
        args = visible_text(_value_text(value)) if value is not None else ""
        if kind == "from":
            commands.append(("model", args))
        elif kind == "parameter":
            name = node.child_by_field_name("name")
            commands.append((_text(name) if name else "", args))
        elif kind == "message":
            role = node.child_by_field_name("role")
            commands.append(("message", f"{_text(role) if role else ''}: {args}"))
        else:
            commands.append((kind, args))
    return commands


def _value_text(value: Node) -> str:
    if not value.named_children:
        return ""
    inner = value.named_children[0]
    if inner.type == "unquoted_value":
        return _text(inner)
    content = inner.child_by_field_name("content")
    return _text(content) if content is not None else ""


def _text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")
