"""The parser of Go's `text/template/parse` (parse.go, Go 1.26), ported function for function.

`parse(name, text, funcs)` returns the tree set (`{name: Tree}`) exactly as Go's `parse.Parse`
builds it, or raises `TemplateSyntaxError` with Go's message (`template: NAME:LINE: ...`).
Go 1.26 behaviour included: `{{break}}`/`{{continue}}` (1.18), `{{else with}}` chains (1.23),
two-variable `range` declarations, the parenthesis depth limit.
"""

from __future__ import annotations

from modelfile_ls.gostrconv import StrconvError, quote, unquote
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.template import nodes as n
from modelfile_ls.template.lex import Lexer
from modelfile_ls.template.numbers import new_number
from modelfile_ls.template.stream import TokenStream
from modelfile_ls.template.tokens import Item, ItemType

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

_MAX_STACK_DEPTH = 10000
_OPERAND_START = frozenset(
    {
        ItemType.BOOL,
        ItemType.CHAR_CONSTANT,
        ItemType.COMPLEX,
        ItemType.DOT,
        ItemType.FIELD,
        ItemType.IDENTIFIER,
        ItemType.NUMBER,
        ItemType.NIL,
        ItemType.RAW_STRING,
        ItemType.STRING,
        ItemType.VARIABLE,
        ItemType.LEFT_PAREN,
    }
)
_NON_EXECUTABLE = frozenset(
    {n.NodeType.BOOL, n.NodeType.DOT, n.NodeType.NIL, n.NodeType.NUMBER, n.NodeType.STRING}
)


class Tree(TokenStream):
    """One parsed template (Go's `parse.Tree`): its name and root list.

    Plain classes here and in `stream.py`, not dataclasses: a TEMPLATE's check would import
    `dataclasses` for them alone (see `nodes.py`)."""

    def __init__(
        self,
        name: str,
        parse_name: str,
        text: str,
        funcs: Collection[str] = (),
        comments: bool = False,
    ) -> None:
        super().__init__(name, parse_name, text)
        self.root: n.ListNode | None = None
        self.funcs = funcs
        self.comments = comments
        self.tree_set: dict[str, Tree] = {}
        self.vars: list[str] = []
        self.range_depth = 0
        self.stack_depth = 0
        self.open_blocks: list[tuple[int, int]] = []

    def start_parse(self, lexer: Lexer, tree_set: dict[str, Tree]) -> None:
        """Share the lexer and tree set; `$` is always in scope."""
        self.root = None
        self.lex = lexer
        self.vars = ["$"]
        self.tree_set = tree_set
        self.stack_depth = 0
        self.token = [Item(ItemType.EOF, 0, "", 1)] * 3
        lexer.emit_comment = self.comments
        lexer.break_ok = not self.has_function("break")
        lexer.continue_ok = not self.has_function("continue")

    def _child(self, name: str) -> Tree:
        """A tree for `{{define}}`/`{{block}}` sharing this one's lexer and token window."""
        # Go gives the child its own three-token window; the parent's is empty at this point.
        child = Tree(name, self.parse_name, self.text, funcs=self.funcs, comments=self.comments)
        child.start_parse(self._lexer(), self.tree_set)
        return child

    def parse(self) -> None:
        """The top level: text, actions and `{{define}}`s up to EOF."""
        self.root = n.ListNode(n.NodeType.LIST, self.peek().pos)
        while self.peek().typ != ItemType.EOF:
            if self.peek().typ == ItemType.LEFT_DELIM:
                delim = self.next()
                if self.next_non_space().typ == ItemType.DEFINE:
                    child = self._child("definition")
                    child.open_blocks = [(delim.pos, delim.pos + 2)]
                    child.parse_definition()
                    continue
                self.backup2(delim)
            node = self.text_or_action()
            if node.type in (n.NodeType.END, n.NodeType.ELSE):
                self.errorf(f"unexpected {node}", span=(node.pos, node.pos + 1))
            self.root.nodes.append(node)

    def parse_definition(self) -> None:
        """`{{define "name"}} ... {{end}}`, installed in the tree set."""
        context = "define clause"
        name = self.expect_one_of(ItemType.STRING, ItemType.RAW_STRING, context)
        try:
            self.name = unquote(name.val)
        except StrconvError as error:
            self.errorf(str(error), name)
        self.expect(ItemType.RIGHT_DELIM, context)
        self.root, end = self.item_list()
        if end.type != n.NodeType.END:
            self.errorf(f"unexpected {end} in {context}")
        self.add()
        self.lex = None

    def add(self) -> None:
        """Install this tree in the set; two non-empty trees of one name are an error."""
        existing = self.tree_set.get(self.name)
        if existing is None or n.is_empty_tree(existing.root):
            self.tree_set[self.name] = self
            return
        if not n.is_empty_tree(self.root):
            self.errorf(f"template: multiple definition of template {quote(self.name)}")

    def item_list(self) -> tuple[n.ListNode, n.Node]:
        """Nodes up to `{{end}}` or `{{else}}`, which is returned separately."""
        node_list = n.ListNode(n.NodeType.LIST, self.peek_non_space().pos)
        while self.peek_non_space().typ != ItemType.EOF:
            node = self.text_or_action()
            if node.type in (n.NodeType.END, n.NodeType.ELSE):
                return node_list, node
            node_list.nodes.append(node)
        self.errorf("unexpected EOF", span=self.open_blocks[-1] if self.open_blocks else None)

    def text_or_action(self) -> n.Node:
        """Text, a comment or an action."""
        token = self.next_non_space()
        if token.typ == ItemType.TEXT:
            return n.TextNode(n.NodeType.TEXT, token.pos, token.val)
        if token.typ == ItemType.LEFT_DELIM:
            self.action_line = token.line
            try:
                return self.action(token)
            finally:
                self.action_line = 0
        if token.typ == ItemType.COMMENT:
            return n.CommentNode(n.NodeType.COMMENT, token.pos, token.val)
        self.unexpected(token, "input")

    def action(self, delim: Item) -> n.Node:
        """A control action or a pipeline; `delim` is the `{{` already read."""
        token = self.next_non_space()
        opener = (delim.pos, token.pos + len(token.val))
        controls: dict[ItemType, Callable[[], n.Node]] = {
            ItemType.BLOCK: lambda: self.block_control(opener),
            ItemType.BREAK: lambda: self.loop_control(token, "break"),
            ItemType.CONTINUE: lambda: self.loop_control(token, "continue"),
            ItemType.ELSE: self.else_control,
            ItemType.END: self.end_control,
            ItemType.IF: lambda: self.if_control(opener),
            ItemType.RANGE: lambda: self.range_control(opener),
            ItemType.TEMPLATE: self.template_control,
            ItemType.WITH: lambda: self.with_control(opener),
        }
        control = controls.get(token.typ)
        if control is not None:
            return control()
        self.backup()
        first = self.peek()
        pipe = self.pipeline("command", ItemType.RIGHT_DELIM)
        return n.ActionNode(n.NodeType.ACTION, first.pos, first.line, pipe)

    def loop_control(self, keyword: Item, name: str) -> n.Node:
        """`{{break}}` or `{{continue}}`, only inside `{{range}}`."""
        token = self.next_non_space()
        if token.typ != ItemType.RIGHT_DELIM:
            self.unexpected(token, f"{{{{{name}}}}}")
        if self.range_depth == 0:
            self.errorf(f"{{{{{name}}}}} outside {{{{range}}}}", keyword)
        kind = n.NodeType.BREAK if name == "break" else n.NodeType.CONTINUE
        node_class = n.BreakNode if name == "break" else n.ContinueNode
        return node_class(kind, keyword.pos, keyword.line)

    def pipeline(self, context: str, end: ItemType) -> n.PipeNode:
        """Declarations (optional) and commands joined by `|`, up to `end`."""
        token = self.peek_non_space()
        pipe = n.PipeNode(n.NodeType.PIPE, token.pos, token.line)
        self._declarations(pipe, context)
        while True:
            token = self.next_non_space()
            if token.typ == end:
                self.check_pipeline(pipe, context)
                pipe.end = token.pos
                return pipe
            if token.typ in _OPERAND_START:
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(token, context)

    def _declarations(self, pipe: n.PipeNode, context: str) -> None:
        """`$x :=`, `$x =`, or `$i, $e :=` in a range; otherwise push the tokens back."""
        while True:
            variable = self.peek_non_space()
            if variable.typ != ItemType.VARIABLE:
                return
            self.next()
            # Space is a token, so "$x foo" needs three tokens of look-ahead to tell an
            # argument from a declaration.
            after_variable = self.peek()
            following = self.peek_non_space()
            if following.typ in (ItemType.ASSIGN, ItemType.DECLARE):
                pipe.is_assign = following.typ == ItemType.ASSIGN
                self.next_non_space()
                pipe.decl.append(self._variable(variable))
                self.vars.append(variable.val)
                return
            if following.typ == ItemType.CHAR and following.val == ",":
                self.next_non_space()
                pipe.decl.append(self._variable(variable))
                self.vars.append(variable.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (
                        ItemType.VARIABLE,
                        ItemType.RIGHT_DELIM,
                        ItemType.RIGHT_PAREN,
                    ):
                        continue  # the second variable of a range
                    self.errorf("range can only initialize variables")
                self.errorf(f"too many declarations in {context}")
            if after_variable.typ == ItemType.SPACE:
                self.backup3(variable, after_variable)
            else:
                self.backup2(variable)
            return

    def check_pipeline(self, pipe: n.PipeNode, context: str) -> None:
        """Reject empty pipelines and constants after the first `|`."""
        if not pipe.cmds:
            self.errorf(f"missing value for {context}")
        for index, command in enumerate(pipe.cmds[1:]):
            if command.args[0].type in _NON_EXECUTABLE:
                self.errorf(
                    f"non executable command in pipeline stage {index + 2}",
                    span=(command.pos, command.pos + len(str(command))),
                )

    def parse_control(self, context: str, opener: tuple[int, int]) -> n.BranchNode:
        """The shared body of `if`, `range` and `with`, with `{{else if}}`/`{{else with}}`."""
        saved_vars = len(self.vars)
        self.open_blocks.append(opener)
        try:
            pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
            # The whole opening action, `{{ if .X }}`, is what an "unexpected EOF" points at.
            self.open_blocks[-1] = (opener[0], pipe.end + len("}}"))
            if context == "range":
                self.range_depth += 1
            node_list, following = self.item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if following.type == n.NodeType.ELSE:
                # `{{if a}}_{{else if b}}_{{end}}` is `{{if a}}_{{else}}{{if b}}_{{end}}{{end}}`
                # (and likewise `else with`): the elseControl left the keyword pending.
                if context == "if" and self.peek().typ == ItemType.IF:
                    keyword = self.next()
                    else_list = n.ListNode(n.NodeType.LIST, following.pos)
                    else_list.nodes.append(self.if_control((following.pos, keyword.pos + 2)))
                elif context == "with" and self.peek().typ == ItemType.WITH:
                    keyword = self.next()
                    else_list = n.ListNode(n.NodeType.LIST, following.pos)
                    else_list.nodes.append(self.with_control((following.pos, keyword.pos + 4)))
                else:
                    else_list, following = self.item_list()
                    if following.type != n.NodeType.END:
                        span = (following.pos, following.pos + 1)
                        self.errorf(f"expected end; found {following}", span=span)
        finally:
            del self.vars[saved_vars:]
            self.open_blocks.pop()
        kind = {"if": n.NodeType.IF, "range": n.NodeType.RANGE, "with": n.NodeType.WITH}[context]
        return n.BranchNode(kind, pipe.pos, pipe.line, pipe, node_list, else_list)

    def if_control(self, opener: tuple[int, int]) -> n.Node:
        """`{{if pipeline}} list [{{else}} list] {{end}}`."""
        return self.parse_control("if", opener)

    def range_control(self, opener: tuple[int, int]) -> n.Node:
        """`{{range pipeline}} list [{{else}} list] {{end}}`."""
        return self.parse_control("range", opener)

    def with_control(self, opener: tuple[int, int]) -> n.Node:
        """`{{with pipeline}} list [{{else}} list] {{end}}`."""
        return self.parse_control("with", opener)

    def end_control(self) -> n.Node:
        """`{{end}}`."""
        return n.EndNode(n.NodeType.END, self.expect(ItemType.RIGHT_DELIM, "end").pos)

    def else_control(self) -> n.Node:
        """`{{else}}`, leaving a following `if`/`with` pending."""
        peek = self.peek_non_space()
        if peek.typ in (ItemType.IF, ItemType.WITH):
            return n.ElseNode(n.NodeType.ELSE, peek.pos, peek.line)
        token = self.expect(ItemType.RIGHT_DELIM, "else")
        return n.ElseNode(n.NodeType.ELSE, token.pos, token.line)

    def block_control(self, opener: tuple[int, int]) -> n.Node:
        """`{{block "name" pipeline}} list {{end}}`: a definition plus its invocation."""
        context = "block clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
        block = self._child(name)
        block.open_blocks = [opener]
        block.root, end = block.item_list()
        if end.type != n.NodeType.END:
            self.errorf(f"unexpected {end} in {context}")
        block.add()
        block.lex = None
        return n.TemplateNode(n.NodeType.TEMPLATE, token.pos, token.line, name, pipe)

    def template_control(self) -> n.Node:
        """`{{template "name" [pipeline]}}`."""
        context = "template clause"
        token = self.next_non_space()
        name = self.parse_template_name(token, context)
        pipe = None
        if self.next_non_space().typ != ItemType.RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, ItemType.RIGHT_DELIM)
        return n.TemplateNode(n.NodeType.TEMPLATE, token.pos, token.line, name, pipe)

    def parse_template_name(self, token: Item, context: str) -> str:
        """The quoted name of a template."""
        if token.typ in (ItemType.STRING, ItemType.RAW_STRING):
            try:
                return unquote(token.val)
            except StrconvError as error:
                self.errorf(str(error), token)
        self.unexpected(token, context)

    def command(self) -> n.CommandNode:
        """Space-separated operands up to `|`, `)` or `}}`."""
        command = n.CommandNode(n.NodeType.COMMAND, self.peek_non_space().pos)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                command.args.append(operand)
            token = self.next()
            if token.typ == ItemType.SPACE:
                continue
            if token.typ in (ItemType.RIGHT_DELIM, ItemType.RIGHT_PAREN):
                self.backup()
            elif token.typ != ItemType.PIPE:
                self.unexpected(token, "operand")
            break
        if not command.args:
            self.errorf("empty command")
        return command

    def operand(self) -> n.Node | None:
        """A term followed by `.Field`s."""
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == ItemType.FIELD:
            chain = n.ChainNode(n.NodeType.CHAIN, self.peek().pos, node)
            while self.peek().typ == ItemType.FIELD:
                chain.fields.append(self.next().val[1:])
            end = self.token[0].pos + len(self.token[0].val)
            # Go keeps fields on fields and variables, rejects them on literals.
            if node.type == n.NodeType.FIELD:
                text = str(chain)
                return n.FieldNode(n.NodeType.FIELD, chain.pos, text[1:].split("."), end)
            if node.type == n.NodeType.VARIABLE:
                return n.VariableNode(n.NodeType.VARIABLE, chain.pos, str(chain).split("."), end)
            if node.type in _NON_EXECUTABLE:
                self.errorf(f"unexpected . after term {quote(str(node))}")
            return chain
        return node

    def term(self) -> n.Node | None:
        """A literal, function name, `.`, field, variable or parenthesized pipeline."""
        token = self.next_non_space()
        typ = token.typ
        if typ == ItemType.IDENTIFIER:
            if not self.has_function(token.val):
                self.errorf(f"function {quote(token.val)} not defined", token)
            return n.IdentifierNode(n.NodeType.IDENTIFIER, token.pos, token.val)
        if typ == ItemType.DOT:
            return n.DotNode(n.NodeType.DOT, token.pos)
        if typ == ItemType.NIL:
            return n.NilNode(n.NodeType.NIL, token.pos)
        if typ == ItemType.VARIABLE:
            return self.use_var(token)
        if typ == ItemType.FIELD:
            end = token.pos + len(token.val)
            return n.FieldNode(n.NodeType.FIELD, token.pos, token.val[1:].split("."), end)
        if typ == ItemType.BOOL:
            return n.BoolNode(n.NodeType.BOOL, token.pos, token.val == "true")
        if typ in (ItemType.CHAR_CONSTANT, ItemType.COMPLEX, ItemType.NUMBER):
            try:
                return new_number(token.pos, token.val, typ)
            except StrconvError as error:
                self.errorf(str(error), token)
        if typ == ItemType.LEFT_PAREN:
            if self.stack_depth >= _MAX_STACK_DEPTH:
                self.errorf("max expression depth exceeded")
            self.stack_depth += 1
            try:
                return self.pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN)
            finally:
                self.stack_depth -= 1
        if typ in (ItemType.STRING, ItemType.RAW_STRING):
            try:
                text = unquote(token.val)
            except StrconvError as error:
                self.errorf(str(error), token)
            return n.StringNode(n.NodeType.STRING, token.pos, token.val, text)
        self.backup()
        return None

    def has_function(self, name: str) -> bool:
        """Whether a function of that name is defined."""
        return name in self.funcs

    def _variable(self, token: Item) -> n.VariableNode:
        end = token.pos + len(token.val)
        return n.VariableNode(n.NodeType.VARIABLE, token.pos, token.val.split("."), end)

    def use_var(self, token: Item) -> n.VariableNode:
        """A variable reference, which must be declared."""
        variable = self._variable(token)
        if variable.ident[0] not in self.vars:
            self.errorf(f"undefined variable {quote(variable.ident[0])}", token)
        return variable


def parse(name: str, text: str, funcs: Collection[str], comments: bool = False) -> dict[str, Tree]:
    """Go's `parse.Parse(name, text, "", "", funcs...)`: the set of trees, or the first error."""
    tree_set: dict[str, Tree] = {}
    tree = Tree(name, name, text, funcs=funcs, comments=comments)
    tree.start_parse(Lexer(text), tree_set)
    tree.parse()
    tree.add()
    tree.lex = None
    return tree_set
