"""The parse-tree nodes of Go's `text/template/parse` (node.go, Go 1.26).

Each node keeps Go's fields and its `String()` form (used in Go's error messages and in
`executing "..." at <...>`). `pos` is a character offset into the template text; `end` (not
in Go) is where the node's source ends, for editors.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields, replace
from enum import IntEnum
from typing import Any

from modelfile_ls.template.gostrconv import quote


class NodeType(IntEnum):
    """Go's `NodeType`, in Go's order."""

    TEXT = 0
    ACTION = 1
    BOOL = 2
    CHAIN = 3
    COMMAND = 4
    DOT = 5
    ELSE = 6
    END = 7
    FIELD = 8
    IDENTIFIER = 9
    IF = 10
    LIST = 11
    NIL = 12
    NUMBER = 13
    PIPE = 14
    RANGE = 15
    STRING = 16
    TEMPLATE = 17
    VARIABLE = 18
    WITH = 19
    COMMENT = 20
    BREAK = 21
    CONTINUE = 22


@dataclass(eq=False, slots=True)
class Node(ABC):
    """A node: its type and where it starts."""

    type: NodeType
    pos: int

    @abstractmethod
    def __str__(self) -> str:
        """Go's `String()` of the node."""


@dataclass(eq=False, slots=True)
class ListNode(Node):
    """A sequence of nodes."""

    nodes: list[Node] = field(default_factory=list)

    def __str__(self) -> str:
        """The concatenation of the nodes' strings."""
        return "".join(str(n) for n in self.nodes)


@dataclass(eq=False, slots=True)
class TextNode(Node):
    """Plain text."""

    text: str = ""

    def __str__(self) -> str:
        """The text itself."""
        return self.text


@dataclass(eq=False, slots=True)
class CommentNode(Node):
    """A `{{/* comment */}}` (kept only in ParseComments mode)."""

    text: str = ""

    def __str__(self) -> str:
        """`{{/* ... */}}`."""
        return "{{" + self.text + "}}"


@dataclass(eq=False, slots=True)
class VariableNode(Node):
    """`$x` or `$x.Field.Field`: the name and the fields."""

    ident: list[str] = field(default_factory=list)
    end: int = 0

    def __str__(self) -> str:
        """`$x.A.B`."""
        return ".".join(self.ident)


@dataclass(eq=False, slots=True)
class CommandNode(Node):
    """One command of a pipeline: a function or value and its arguments."""

    args: list[Node] = field(default_factory=list)

    def __str__(self) -> str:
        """The arguments separated by spaces, sub-pipelines in parentheses."""
        return " ".join(f"({arg})" if isinstance(arg, PipeNode) else str(arg) for arg in self.args)


@dataclass(eq=False, slots=True)
class PipeNode(Node):
    """A pipeline: optional declarations and commands joined by `|`."""

    line: int = 0
    is_assign: bool = False
    decl: list[VariableNode] = field(default_factory=list)
    cmds: list[CommandNode] = field(default_factory=list)
    end: int = 0

    def __str__(self) -> str:
        """`$x := a | b`."""
        out = ""
        if self.decl:
            out = ", ".join(str(v) for v in self.decl) + (" = " if self.is_assign else " := ")
        return out + " | ".join(str(c) for c in self.cmds)


@dataclass(eq=False, slots=True)
class ActionNode(Node):
    """A non-control action such as `{{ .Prompt }}`."""

    line: int = 0
    pipe: PipeNode | None = None

    def __str__(self) -> str:
        """`{{pipeline}}`."""
        return "{{" + str(self.pipe) + "}}"


@dataclass(eq=False, slots=True)
class IdentifierNode(Node):
    """A function name."""

    ident: str = ""

    def __str__(self) -> str:
        """The name."""
        return self.ident


@dataclass(eq=False, slots=True)
class DotNode(Node):
    """The cursor, `.`."""

    def __str__(self) -> str:
        """`.`."""
        return "."


@dataclass(eq=False, slots=True)
class NilNode(Node):
    """The untyped `nil`."""

    def __str__(self) -> str:
        """`nil`."""
        return "nil"


@dataclass(eq=False, slots=True)
class FieldNode(Node):
    """`.A.B`: the field names."""

    ident: list[str] = field(default_factory=list)
    end: int = 0

    def __str__(self) -> str:
        """`.A.B`."""
        return "".join("." + name for name in self.ident)


@dataclass(eq=False, slots=True)
class ChainNode(Node):
    """Field accesses on a term that is not a field or variable: `(pipeline).A`."""

    node: Node | None = None
    fields: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        """`(x).A.B`."""
        base = f"({self.node})" if isinstance(self.node, PipeNode) else str(self.node)
        return base + "".join("." + name for name in self.fields)


@dataclass(eq=False, slots=True)
class BoolNode(Node):
    """`true` or `false`."""

    value: bool = False

    def __str__(self) -> str:
        """`true` or `false`."""
        return "true" if self.value else "false"


@dataclass(eq=False, slots=True)
class NumberNode(Node):
    """A numeric constant with every interpretation Go found for it."""

    text: str = ""
    is_int: bool = False
    is_uint: bool = False
    is_float: bool = False
    is_complex: bool = False
    int64: int = 0
    uint64: int = 0
    float64: float = 0.0
    complex128: complex = 0j
    is_char: bool = False

    def __str__(self) -> str:
        """The constant as written."""
        return self.text


@dataclass(eq=False, slots=True)
class StringNode(Node):
    """A string constant: as written and unquoted."""

    quoted: str = ""
    text: str = ""

    def __str__(self) -> str:
        """The constant as written."""
        return self.quoted


@dataclass(eq=False, slots=True)
class EndNode(Node):
    """`{{end}}`; never in a finished tree."""

    def __str__(self) -> str:
        """`{{end}}`."""
        return "{{end}}"


@dataclass(eq=False, slots=True)
class ElseNode(Node):
    """`{{else}}`; never in a finished tree."""

    line: int = 0

    def __str__(self) -> str:
        """`{{else}}`."""
        return "{{else}}"


_BRANCH_NAMES = {NodeType.IF: "if", NodeType.RANGE: "range", NodeType.WITH: "with"}


@dataclass(eq=False, slots=True)
class BranchNode(Node):
    """`if`, `range` or `with`: a pipeline, a list and an optional else list."""

    line: int = 0
    pipe: PipeNode | None = None
    list: ListNode | None = None
    else_list: ListNode | None = None

    def __str__(self) -> str:
        """`{{if p}}...{{else}}...{{end}}`."""
        out = "{{" + _BRANCH_NAMES[self.type] + " " + str(self.pipe) + "}}" + str(self.list)
        if self.else_list is not None:
            out += "{{else}}" + str(self.else_list)
        return out + "{{end}}"


@dataclass(eq=False, slots=True)
class BreakNode(Node):
    """`{{break}}`."""

    line: int = 0

    def __str__(self) -> str:
        """`{{break}}`."""
        return "{{break}}"


@dataclass(eq=False, slots=True)
class ContinueNode(Node):
    """`{{continue}}`."""

    line: int = 0

    def __str__(self) -> str:
        """`{{continue}}`."""
        return "{{continue}}"


@dataclass(eq=False, slots=True)
class TemplateNode(Node):
    """`{{template "name" pipeline}}`; `pipe` is None without a pipeline."""

    line: int = 0
    name: str = ""
    pipe: PipeNode | None = None

    def __str__(self) -> str:
        """`{{template "name" p}}`."""
        tail = " " + str(self.pipe) if self.pipe is not None else ""
        return "{{template " + quote(self.name) + tail + "}}"


def is_empty_tree(node: Node | None) -> bool:
    """Go's `IsEmptyTree`: only spaces and comments."""
    if node is None or isinstance(node, CommentNode):
        return True
    if isinstance(node, ListNode):
        return all(is_empty_tree(n) for n in node.nodes)
    if isinstance(node, TextNode):
        return all(go_is_space(c) for c in node.text)
    return False


_GO_SPACES = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)


def go_is_space(char: str) -> bool:
    """Go's `unicode.IsSpace` (the White_Space property), as `bytes.TrimSpace` uses it."""
    return char in _GO_SPACES


def copy_tree(node: Any) -> Any:
    """A deep copy of a node and everything under it (Go's `Node.Copy`)."""
    if isinstance(node, list):
        return [copy_tree(item) for item in node]
    if isinstance(node, Node):
        changes = {
            f.name: copy_tree(getattr(node, f.name))
            for f in fields(node)
            if isinstance(getattr(node, f.name), Node | list)
        }
        return replace(node, **changes)
    return node
