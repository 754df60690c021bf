"""The parse-tree nodes of Go's `text/template/parse` (node.go, Go 1.26).

Each node keeps Go's fields and its `String()` form (used in Go's error messages and in
`executing "..." at <...>`). `pos` is a character offset into the template text; `end` (not
in Go) is where the node's source ends, for editors.

Plain classes with `__slots__` and written-out `__init__`s rather than dataclasses: making 27
dataclasses (each `__init__` generated as source and compiled) cost ~9 ms of every
`--check` start-up that meets a TEMPLATE, and `dataclasses` itself is kept off that path.
"""

from __future__ import annotations

from modelfile_ls.gostrconv import quote
from modelfile_ls.light_stdlib import IntEnum


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


class Node:
    """A node: its type and where it starts; each kind writes Go's `String()` as `__str__`.

    A plain class, not an `ABC`: `isinstance` against a class whose metaclass is `ABCMeta`
    goes through `ABCMeta.__instancecheck__`, and the parser, the executor and the walks test
    nodes' classes millions of times on a large template (a third of a 50,000-action
    template's analysis)."""

    __slots__ = ("pos", "type")

    def __init__(self, type: NodeType, pos: int) -> None:
        self.type = type
        self.pos = pos


class ListNode(Node):
    """A sequence of nodes."""

    __slots__ = ("nodes",)

    def __init__(self, type: NodeType, pos: int, nodes: list[Node] | None = None) -> None:
        self.type = type
        self.pos = pos
        self.nodes = [] if nodes is None else nodes

    def __str__(self) -> str:
        """The concatenation of the nodes' strings."""
        return "".join(str(n) for n in self.nodes)


class TextNode(Node):
    """Plain text."""

    __slots__ = ("text",)

    def __init__(self, type: NodeType, pos: int, text: str = "") -> None:
        self.type = type
        self.pos = pos
        self.text = text

    def __str__(self) -> str:
        """The text itself."""
        return self.text


class CommentNode(Node):
    """A `{{/* comment */}}` (kept only in ParseComments mode)."""

    __slots__ = ("text",)

    def __init__(self, type: NodeType, pos: int, text: str = "") -> None:
        self.type = type
        self.pos = pos
        self.text = text

    def __str__(self) -> str:
        """`{{/* ... */}}`."""
        return "{{" + self.text + "}}"


class VariableNode(Node):
    """`$x` or `$x.Field.Field`: the name and the fields."""

    __slots__ = ("end", "ident")

    def __init__(
        self, type: NodeType, pos: int, ident: list[str] | None = None, end: int = 0
    ) -> None:
        self.type = type
        self.pos = pos
        self.ident = [] if ident is None else ident
        self.end = end

    def __str__(self) -> str:
        """`$x.A.B`."""
        return ".".join(self.ident)


class CommandNode(Node):
    """One command of a pipeline: a function or value and its arguments."""

    __slots__ = ("args",)

    def __init__(self, type: NodeType, pos: int, args: list[Node] | None = None) -> None:
        self.type = type
        self.pos = pos
        self.args = [] if args is None else args

    def __str__(self) -> str:
        """The arguments separated by spaces, sub-pipelines in parentheses."""
        return " ".join(f"({arg})" if isinstance(arg, PipeNode) else str(arg) for arg in self.args)


class PipeNode(Node):
    """A pipeline: optional declarations and commands joined by `|`."""

    __slots__ = ("cmds", "decl", "end", "is_assign", "line")

    def __init__(
        self,
        type: NodeType,
        pos: int,
        line: int = 0,
        is_assign: bool = False,
        decl: list[VariableNode] | None = None,
        cmds: list[CommandNode] | None = None,
        end: int = 0,
    ) -> None:
        self.type = type
        self.pos = pos
        self.line = line
        self.is_assign = is_assign
        self.decl = [] if decl is None else decl
        self.cmds = [] if cmds is None else cmds
        self.end = end

    def __str__(self) -> str:
        """`$x := a | b`."""
        out = ""
        if self.decl:
            out = ", ".join(str(v) for v in self.decl) + (" = " if self.is_assign else " := ")
        return out + " | ".join(str(c) for c in self.cmds)


class ActionNode(Node):
    """A non-control action such as `{{ .Prompt }}`."""

    __slots__ = ("line", "pipe")

    def __init__(
        self, type: NodeType, pos: int, line: int = 0, pipe: PipeNode | None = None
    ) -> None:
        self.type = type
        self.pos = pos
        self.line = line
        self.pipe = pipe

    def __str__(self) -> str:
        """`{{pipeline}}`."""
        return "{{" + str(self.pipe) + "}}"


class IdentifierNode(Node):
    """A function name."""

    __slots__ = ("ident",)

    def __init__(self, type: NodeType, pos: int, ident: str = "") -> None:
        self.type = type
        self.pos = pos
        self.ident = ident

    def __str__(self) -> str:
        """The name."""
        return self.ident


class DotNode(Node):
    """The cursor, `.`."""

    __slots__ = ()

    def __str__(self) -> str:
        """`.`."""
        return "."


class NilNode(Node):
    """The untyped `nil`."""

    __slots__ = ()

    def __str__(self) -> str:
        """`nil`."""
        return "nil"


class FieldNode(Node):
    """`.A.B`: the field names."""

    __slots__ = ("end", "ident")

    def __init__(
        self, type: NodeType, pos: int, ident: list[str] | None = None, end: int = 0
    ) -> None:
        self.type = type
        self.pos = pos
        self.ident = [] if ident is None else ident
        self.end = end

    def __str__(self) -> str:
        """`.A.B`."""
        return "".join("." + name for name in self.ident)


class ChainNode(Node):
    """Field accesses on a term that is not a field or variable: `(pipeline).A`."""

    __slots__ = ("fields", "node")

    def __init__(
        self, type: NodeType, pos: int, node: Node | None = None, fields: list[str] | None = None
    ) -> None:
        self.type = type
        self.pos = pos
        self.node = node
        self.fields = [] if fields is None else fields

    def __str__(self) -> str:
        """`(x).A.B`."""
        base = f"({self.node})" if isinstance(self.node, PipeNode) else str(self.node)
        return base + "".join("." + name for name in self.fields)


class BoolNode(Node):
    """`true` or `false`."""

    __slots__ = ("value",)

    def __init__(self, type: NodeType, pos: int, value: bool = False) -> None:
        self.type = type
        self.pos = pos
        self.value = value

    def __str__(self) -> str:
        """`true` or `false`."""
        return "true" if self.value else "false"


class NumberNode(Node):
    """A numeric constant with every interpretation Go found for it."""

    __slots__ = (
        "complex128",
        "float64",
        "int64",
        "is_char",
        "is_complex",
        "is_float",
        "is_int",
        "is_uint",
        "text",
        "uint64",
    )

    def __init__(
        self,
        type: NodeType,
        pos: int,
        text: str = "",
        is_int: bool = False,
        is_uint: bool = False,
        is_float: bool = False,
        is_complex: bool = False,
        int64: int = 0,
        uint64: int = 0,
        float64: float = 0.0,
        complex128: complex = 0j,
        is_char: bool = False,
    ) -> None:
        self.type = type
        self.pos = pos
        self.text = text
        self.is_int = is_int
        self.is_uint = is_uint
        self.is_float = is_float
        self.is_complex = is_complex
        self.int64 = int64
        self.uint64 = uint64
        self.float64 = float64
        self.complex128 = complex128
        self.is_char = is_char

    def __str__(self) -> str:
        """The constant as written."""
        return self.text


class StringNode(Node):
    """A string constant: as written and unquoted."""

    __slots__ = ("quoted", "text")

    def __init__(self, type: NodeType, pos: int, quoted: str = "", text: str = "") -> None:
        self.type = type
        self.pos = pos
        self.quoted = quoted
        self.text = text

    def __str__(self) -> str:
        """The constant as written."""
        return self.quoted


class EndNode(Node):
    """`{{end}}`; never in a finished tree."""

    __slots__ = ()

    def __str__(self) -> str:
        """`{{end}}`."""
        return "{{end}}"


class ElseNode(Node):
    """`{{else}}`; never in a finished tree."""

    __slots__ = ("line",)

    def __init__(self, type: NodeType, pos: int, line: int = 0) -> None:
        self.type = type
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        """`{{else}}`."""
        return "{{else}}"


_BRANCH_NAMES = {NodeType.IF: "if", NodeType.RANGE: "range", NodeType.WITH: "with"}


class BranchNode(Node):
    """`if`, `range` or `with`: a pipeline, a list and an optional else list."""

    __slots__ = ("else_list", "line", "list", "pipe")

    def __init__(
        self,
        type: NodeType,
        pos: int,
        line: int = 0,
        pipe: PipeNode | None = None,
        list: ListNode | None = None,
        else_list: ListNode | None = None,
    ) -> None:
        self.type = type
        self.pos = pos
        self.line = line
        self.pipe = pipe
        self.list = list
        self.else_list = else_list

    def __str__(self) -> str:
        """`{{if p}}...{{else}}...{{end}}`."""
        out = "{{" + _BRANCH_NAMES[self.type] + " " + str(self.pipe) + "}}" + str(self.list)
        if self.else_list is not None:
            out += "{{else}}" + str(self.else_list)
        return out + "{{end}}"


class BreakNode(Node):
    """`{{break}}`."""

    __slots__ = ("line",)

    def __init__(self, type: NodeType, pos: int, line: int = 0) -> None:
        self.type = type
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        """`{{break}}`."""
        return "{{break}}"


class ContinueNode(Node):
    """`{{continue}}`."""

    __slots__ = ("line",)

    def __init__(self, type: NodeType, pos: int, line: int = 0) -> None:
        self.type = type
        self.pos = pos
        self.line = line

    def __str__(self) -> str:
        """`{{continue}}`."""
        return "{{continue}}"


class TemplateNode(Node):
    """`{{template "name" pipeline}}`; `pipe` is None without a pipeline."""

    __slots__ = ("line", "name", "pipe")

    def __init__(
        self, type: NodeType, pos: int, line: int = 0, name: str = "", pipe: PipeNode | None = None
    ) -> None:
        self.type = type
        self.pos = pos
        self.line = line
        self.name = name
        self.pipe = pipe

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
