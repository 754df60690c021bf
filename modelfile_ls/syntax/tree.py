"""The tree-sitter view of a Modelfile. Every py-tree-sitter call in the package lives here.

The grammar (in `grammar/`, compiled into `_binding`) serves editors: highlighting, folding
and injections. Ollama's exact verdict comes from `lexer.py`; the two are held to the same
instruction boundaries by the corpus conformance tests.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tree_sitter import Language, Node, Parser, Tree

from modelfile_ls.syntax import _binding


@cache
def language() -> Language:
    """The compiled Modelfile grammar."""
    return Language(_binding.language())


def parse_tree(text: str) -> Tree:
    """A tree-sitter tree of the text (UTF-8)."""
    return Parser(language()).parse(text.encode("utf-8"))


def instruction_spans(text: str, tree: Tree | None = None) -> list[tuple[int, int]]:
    """Character spans of the tree's top-level instructions (comments left out), in order."""
    data = text.encode("utf-8", "surrogatepass")
    root = (tree or Parser(language()).parse(data)).root_node
    to_chars = _char_offsets(text, data)
    return [
        (to_chars(node.start_byte), to_chars(node.end_byte))
        for node in root.children
        if node.is_named and node.type != "comment"
    ]


def _char_offsets(text: str, data: bytes) -> Callable[[int], int]:
    """Byte offset -> character offset in `text` (the identity for ASCII)."""
    if len(data) == len(text):
        return int
    return lambda byte: len(data[:byte].decode("utf-8", "surrogatepass"))


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
