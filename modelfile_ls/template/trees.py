"""Copying and walking trees of `nodes`: Go's `Node.Copy`, and every node under a node.

Both read a node's children from its slots, so a new node kind needs nothing here; both work
on templates whose blocks nest thousands deep.
"""

from __future__ import annotations

from modelfile_ls.static_types import TYPE_CHECKING, Any
from modelfile_ls.template.nodes import Node

if TYPE_CHECKING:
    from collections.abc import Iterator


def copy_tree(node: Any) -> Any:
    """A deep copy of a node and everything under it (Go's `Node.Copy`)."""
    if isinstance(node, list):
        return [copy_tree(item) for item in node]
    if isinstance(node, Node):
        copied = object.__new__(type(node))
        for name in _fields(type(node)):
            setattr(copied, name, copy_tree(getattr(node, name)))
        return copied
    return node


def descendants(node: Node) -> Iterator[Node]:
    """`node` and every node under it, depth first in slot order (sort by `pos` for the
    text's order); a loop over a stack, as blocks nest thousands deep."""
    stack = [node]
    while stack:
        node = stack.pop()
        yield node
        children: list[Node] = []
        for name in _fields(type(node)):
            value = getattr(node, name)
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, Node):
                    children.append(child)
        stack.extend(reversed(children))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type[Node]) -> tuple[str, ...]:
    """Every slot of a node class and its bases (the node classes, not object), found once."""
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(
            name for cls in kind.__mro__[:-1] for name in cls.__dict__["__slots__"]
        )
    return fields
