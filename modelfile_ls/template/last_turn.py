"""Ollama's last legacy turn: the template cut after its first `.Response`, run as a new template.

A template that never names `.Messages` is rendered once per earlier turn, then a last time
for the turn the model answers: Ollama's `deleteNode` copies the tree without everything after
the first `{{ .Response }}`, and `template.New("").AddParseTree` runs it as a new template,
which has Go's built-in functions only and none of the `define`d templates. Two things then
fail every request that reaches them, though `ollama create` accepted the template:
`deleteNode` itself panics when the `.Response` sits in a branch that has an `{{ else }}`
(it asserts the deleted else-list is a `*parse.ListNode`), and the cut tree may call one of
Ollama's functions (`"json" is not a defined function`) or a defined template
(`template "x" not defined`).
"""

from modelfile_ls.gostrconv import quote
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.template import nodes as n
from modelfile_ls.template.ollama import OLLAMA_FUNCTIONS, room_to_recurse, valid_template
from modelfile_ls.template.trees import copy_tree, descendants

DELETE_NODE_PANIC = "panic: interface conversion: parse.Node is nil, not *parse.ListNode"
"""What Go's runtime says of `deleteNode`'s failed type assertion; Ollama's HTTP server
recovers the panic and fails the request."""


class DeleteNodePanic(Exception):
    """`deleteNode` met a branch whose else-list it had deleted: Ollama's server panics."""


class LastTurnFailure(NamedTuple):
    """Something in the last legacy turn that fails a request: Go's message and where (character
    offsets into the template text) it is."""

    message: str
    start: int
    end: int
    always: bool
    """True when every request fails (the panic); False when only a request that renders
    this part does (a call inside an `{{ if }}` may never run)."""


class _Cut:
    """Ollama's `deleteNode` with its predicate: keep nodes up to the first `.Response`."""

    def __init__(self) -> None:
        self.response: n.FieldNode | None = None

    def matches(self, node: n.Node) -> bool:
        # As Go's predicate: a `.Response` field is itself never deleted, even after the cut.
        if isinstance(node, n.FieldNode) and "Response" in node.ident:
            self.response = self.response or node
            return False
        return self.response is not None

    def walk(self, node: n.Node) -> n.Node | None:
        if self.matches(node):
            return None
        if isinstance(node, n.ListNode):
            node.nodes = [kept for child in node.nodes if (kept := self.walk(child)) is not None]
        elif isinstance(node, n.BranchNode):
            # Go walks a branch's lists, never its pipeline: `{{ if .Response }}` does not cut.
            assert node.list is not None
            node.list = self._list(self.walk(node.list))
            if node.else_list is not None:
                node.else_list = self._list(self.walk(node.else_list))
        elif isinstance(node, n.ActionNode):
            assert node.pipe is not None
            if self.walk(node.pipe) is None:
                return None
        elif isinstance(node, n.PipeNode):
            commands = []
            for command in node.cmds:
                args = [kept for arg in command.args if (kept := self.walk(arg)) is not None]
                if not args:
                    return None
                command.args = args
                commands.append(command)
            if not commands:
                return None
            node.cmds = commands
        return node

    @staticmethod
    def _list(node: n.Node | None) -> n.ListNode:
        if not isinstance(node, n.ListNode):
            # Go's `walk(t.List).(*parse.ListNode)` on a deleted list.
            raise DeleteNodePanic(DELETE_NODE_PANIC)
        return node


def cut_after_response(root: n.ListNode) -> n.ListNode:
    """The template without everything after its first `.Response` (legacy mode's last turn);
    raises `DeleteNodePanic` where Ollama's `deleteNode` panics."""
    cut = _Cut().walk(root)
    assert isinstance(cut, n.ListNode), "the root list is never a match"
    return cut


@lru_cache(maxsize=64)
def last_turn_failures(text: str) -> tuple[LastTurnFailure, ...]:
    """What fails in the last legacy turn of this template (none in messages mode, or when
    the template does not parse: MF302 reports that); kept per text, as the document is
    checked again on every keystroke and its TEMPLATE rarely changes."""
    template = valid_template(text)
    if template is None or template.uses_messages:
        return ()
    cut: n.Node | None = template.root
    # Without a `.Response` field nothing is cut, and the tree need not be copied.
    if "Response" in template.names:
        cutter = _Cut()
        try:
            with room_to_recurse():  # the copy and the cut recurse once per nested block
                cut = cutter.walk(copy_tree(template.root))
        except DeleteNodePanic as panic:
            assert cutter.response is not None, "only a cut deletes an else-list"
            response = cutter.response
            return (LastTurnFailure(str(panic), response.pos, _end(response), True),)
    assert isinstance(cut, n.ListNode), "the root list is never a match"
    failures = []
    for node in descendants(cut):
        if isinstance(node, n.IdentifierNode) and node.ident in OLLAMA_FUNCTIONS:
            message = f'"{node.ident}" is not a defined function'
            failures.append(LastTurnFailure(message, node.pos, node.pos + len(node.ident), False))
        elif isinstance(node, n.TemplateNode) and node.name in template.trees:
            # Go's node is at the name's token: the quoted name.
            name = quote(node.name)
            message = f"template {name} not defined"
            failures.append(LastTurnFailure(message, node.pos, node.pos + len(name), False))
    return tuple(sorted(failures, key=lambda failure: failure.start))


def _end(node: n.FieldNode) -> int:
    return node.end if node.end > node.pos else node.pos + len(str(node))
