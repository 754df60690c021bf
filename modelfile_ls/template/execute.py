"""The executor of Go's `text/template` (exec.go, Go 1.26), ported over `govalues`.

`execute(trees, name, data, funcs, missing_zero)` renders one template of a parsed set, or
raises `ExecError` with Go's text (`template: :LINE:COL: executing "NAME" at <NODE>: ...`,
the column in bytes as Go counts it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from modelfile_ls.gostrconv import quote
from modelfile_ls.template import nodes as n
from modelfile_ls.template.builtins import BUILTINS, Builtin, FuncError, truth
from modelfile_ls.template.gofmt import print_value
from modelfile_ls.template.govalues import (
    GoMap,
    GoPtr,
    GoSlice,
    GoStruct,
    Iface,
    indirect,
    is_true,
    type_of,
    unwrap,
    zero_value,
)
from modelfile_ls.template.parse import Tree

MAX_EXEC_DEPTH = 100000
MISSING = object()  # Go's missingVal: "no final argument"


class ExecError(Exception):
    """Go's execution error; `str()` is Go's text."""


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


def element(value: Any, static: Any) -> Any:
    """An element as reflect hands it out: interface-typed slots keep their interface."""
    return Iface(value, static) if static is not None and static.kind == "interface" else value


class _State:
    def __init__(
        self,
        trees: Mapping[str, Tree],
        funcs: Mapping[str, Builtin],
        name: str,
        data: Any,
        missing_zero: bool,
    ) -> None:
        self.trees = trees
        self.funcs = funcs
        self.name = name
        self.node: n.Node | None = None
        self.vars: list[tuple[str, Any]] = [("$", data)]
        self.depth = 0
        self.missing_zero = missing_zero
        self.out: list[str] = []
        tree = trees.get(name)
        self.text = tree.text if tree is not None else ""

    # Errors and variables ---------------------------------------------------------------

    def errorf(self, message: str) -> NoReturn:
        """Stop with Go's `template: LOCATION: executing "NAME" at <NODE>: message`."""
        if self.node is None:
            raise ExecError(f"template: {self.name}: {message}")
        before = self.text[: self.node.pos]
        newline = before.rfind("\n")
        column = len(before[newline + 1 :].encode())
        line = before.count("\n") + 1
        raise ExecError(
            f"template: :{line}:{column}: executing {quote(self.name)} at <{self.node}>: {message}"
        )

    def set_var(self, name: str, value: Any) -> None:
        """Assign to the innermost variable of that name."""
        for index in range(len(self.vars) - 1, -1, -1):
            if self.vars[index][0] == name:
                self.vars[index] = (name, value)
                return
        self.errorf(f"undefined variable: {name}")

    def var_value(self, name: str) -> Any:
        """The innermost variable of that name."""
        for var_name, value in reversed(self.vars):
            if var_name == name:
                return value
        self.errorf(f"undefined variable: {name}")

    # Walking ----------------------------------------------------------------------------

    def walk(self, dot: Any, node: n.Node) -> None:
        """Execute one node."""
        self.node = node
        if isinstance(node, n.ActionNode):
            assert node.pipe is not None
            value = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                self.print_value(node, value)
        elif isinstance(node, n.BreakNode):
            raise _Break
        elif isinstance(node, n.ContinueNode):
            raise _Continue
        elif isinstance(node, n.BranchNode):
            if node.type == n.NodeType.RANGE:
                self.walk_range(dot, node)
            else:
                self.walk_if_or_with(dot, node)
        elif isinstance(node, n.ListNode):
            for child in node.nodes:
                self.walk(dot, child)
        elif isinstance(node, n.TemplateNode):
            self.walk_template(dot, node)
        elif isinstance(node, n.TextNode):
            self.out.append(node.text)

    def walk_if_or_with(self, dot: Any, node: n.BranchNode) -> None:
        """`if` and `with`: the list when the pipeline's value is true, else the else list."""
        mark = len(self.vars)
        try:
            assert node.pipe is not None and node.list is not None
            value = self.eval_pipeline(dot, node.pipe)
            truth_value, ok = is_true(unwrap(value))
            if not ok:
                self.errorf(f"if/with can't use {print_value(value)}")
            if truth_value:
                self.walk(value if node.type == n.NodeType.WITH else dot, node.list)
            elif node.else_list is not None:
                self.walk(dot, node.else_list)
        finally:
            del self.vars[mark:]

    def walk_range(self, dot: Any, node: n.BranchNode) -> None:
        """`range` over an int, slice or map (in key order), with break and continue."""
        self.node = node
        outer = len(self.vars)
        assert node.pipe is not None and node.list is not None
        body, pipe = node.list, node.pipe
        try:
            value, _ = indirect(self.eval_pipeline(dot, pipe))
            mark = len(self.vars)

            def iteration(index: Any, elem: Any) -> None:
                if pipe.decl:
                    if pipe.is_assign:
                        self.set_var(pipe.decl[0].ident[0], index if len(pipe.decl) > 1 else elem)
                    else:
                        self.vars[-1] = (self.vars[-1][0], elem)
                if len(pipe.decl) > 1:
                    if pipe.is_assign:
                        self.set_var(pipe.decl[1].ident[0], elem)
                    else:
                        self.vars[-2] = (self.vars[-2][0], index)
                try:
                    self.walk(elem, body)
                except _Continue:
                    pass
                finally:
                    del self.vars[mark:]

            ran = self._iterate(value, pipe, iteration)
            if not ran and node.else_list is not None:
                self.walk(dot, node.else_list)
        except _Break:
            pass
        finally:
            del self.vars[outer:]

    def _iterate(self, value: Any, pipe: n.PipeNode, iteration: Any) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            if len(pipe.decl) > 1:
                self.errorf(f"can't use {value} to iterate over more than one variable")
            for number in range(value):
                iteration(None, number)
            return value > 0
        if isinstance(value, GoSlice):
            for index, item in enumerate(value.items or []):
                iteration(index, element(item, value.type.elem))
            return bool(value.items)
        if isinstance(value, GoMap):
            entries = value.entries or {}
            for key in sorted(entries):
                iteration(key, element(entries[key], value.type.elem))
            return bool(entries)
        if value is None:
            return False
        self.errorf(f"range can't iterate over {print_value(value)}")

    def walk_template(self, dot: Any, node: n.TemplateNode) -> None:
        """`{{template "name" pipeline}}`: run another template of the set with a new `$`."""
        self.node = node
        tree = self.trees.get(node.name)
        if tree is None or tree.root is None:
            self.errorf(f"template {quote(node.name)} not defined")
        if self.depth == MAX_EXEC_DEPTH:
            self.errorf(f"exceeded maximum template depth ({MAX_EXEC_DEPTH})")
        dot = self.eval_pipeline(dot, node.pipe)
        saved = (self.name, self.vars, self.text)
        self.name, self.vars, self.depth = node.name, [("$", dot)], self.depth + 1
        try:
            self.walk(dot, tree.root)
        except RecursionError:
            # Python's stack ends before Go's 100,000 templates; report it as Go would.
            self.node = node
            self.errorf(f"exceeded maximum template depth ({MAX_EXEC_DEPTH})")
        finally:
            self.name, self.vars, self.text = saved
            self.depth -= 1

    def print_value(self, node: n.Node, value: Any) -> None:
        """Go's `printValue`: pointers are followed, an invalid value is `<no value>`."""
        self.node = node
        if isinstance(value, GoPtr):
            value, _ = indirect(value)
        self.out.append("<no value>" if value is None else print_value(value))

    # Evaluation -------------------------------------------------------------------------

    def eval_pipeline(self, dot: Any, pipe: n.PipeNode | None) -> Any:
        """Run the commands, each one's value the next one's final argument."""
        if pipe is None:
            return None
        self.node = pipe
        value: Any = MISSING
        for command in pipe.cmds:
            value = unwrap(self.eval_command(dot, command, value))
        for variable in pipe.decl:
            if pipe.is_assign:
                self.set_var(variable.ident[0], value)
            else:
                self.vars.append((variable.ident[0], value))
        return value

    def not_a_function(self, args: list[n.Node], final: Any) -> None:
        """Arguments given to something that is not a function."""
        if len(args) > 1 or final is not MISSING:
            self.errorf(f"can't give argument to non-function {args[0]}")

    def eval_command(self, dot: Any, command: n.CommandNode, final: Any) -> Any:
        """One command: a field, chain, function, pipeline, variable or constant."""
        first = command.args[0]
        if isinstance(first, n.FieldNode):
            return self.eval_field_node(dot, first, command.args, final)
        if isinstance(first, n.ChainNode):
            return self.eval_chain_node(dot, first, command.args, final)
        if isinstance(first, n.IdentifierNode):
            return self.eval_function(dot, first, command, command.args, final)
        if isinstance(first, n.PipeNode):
            self.not_a_function(command.args, final)
            return self.eval_pipeline(dot, first)
        if isinstance(first, n.VariableNode):
            return self.eval_variable_node(dot, first, command.args, final)
        self.node = first
        self.not_a_function(command.args, final)
        if isinstance(first, n.NilNode):
            self.errorf("nil is not a command")
        return self.constant(dot, first)

    def constant(self, dot: Any, node: n.Node) -> Any:
        """A literal's value (Go's `evalEmptyInterface` for constants)."""
        if isinstance(node, n.BoolNode):
            return node.value
        if isinstance(node, n.DotNode):
            return dot
        if isinstance(node, n.NumberNode):
            return self.ideal_constant(node)
        if isinstance(node, n.StringNode):
            return node.text
        self.errorf(f"can't evaluate command {quote(str(node))}")

    def ideal_constant(self, constant: n.NumberNode) -> Any:
        """A number constant as Go types it: complex, float (with a point), else int."""
        self.node = constant
        text = constant.text
        hex_int = len(text) > 2 and text[0] == "0" and text[1] in "xX" and not set(text) & set("pP")
        if constant.is_complex:
            return constant.complex128
        if (
            constant.is_float
            and not hex_int
            and not text.startswith("'")
            and set(text) & set(".eEpP")
        ):
            return constant.float64
        if constant.is_int:
            return constant.int64
        if constant.is_uint:
            self.errorf(f"{text} overflows int")
        return None

    def eval_field_node(
        self, dot: Any, field: n.FieldNode, args: list[n.Node] | None, final: Any
    ) -> Any:
        """`.A.B` on dot."""
        self.node = field
        return self.eval_field_chain(dot, dot, field, field.ident, args, final)

    def eval_chain_node(
        self, dot: Any, chain: n.ChainNode, args: list[n.Node] | None, final: Any
    ) -> Any:
        """`(pipeline).A.B`."""
        self.node = chain
        if isinstance(chain.node, n.NilNode):
            self.errorf(f"indirection through explicit nil in {chain}")
        assert chain.node is not None
        receiver = self.eval_arg(dot, "value", chain.node)
        return self.eval_field_chain(dot, receiver, chain, chain.fields, args, final)

    def eval_variable_node(
        self, dot: Any, variable: n.VariableNode, args: list[n.Node] | None, final: Any
    ) -> Any:
        """`$x` or `$x.A.B`."""
        self.node = variable
        value = self.var_value(variable.ident[0])
        if len(variable.ident) == 1:
            self.not_a_function(args or [variable], final)
            return value
        return self.eval_field_chain(dot, value, variable, variable.ident[1:], args, final)

    def eval_field_chain(
        self,
        dot: Any,
        receiver: Any,
        node: n.Node,
        idents: list[str],
        args: list[n.Node] | None,
        final: Any,
    ) -> Any:
        """Each field of the chain on the previous one's value."""
        for ident in idents[:-1]:
            receiver = self.eval_field(ident, None, MISSING, receiver)
        return self.eval_field(idents[-1], args, final, receiver)

    def eval_field(self, name: str, args: list[n.Node] | None, final: Any, receiver: Any) -> Any:
        """A struct field or map key of the receiver, with Go's errors."""
        if receiver is None:
            return None
        static = type_of(receiver)
        receiver, is_nil = indirect(receiver)
        if is_nil and isinstance(receiver, Iface):
            self.errorf(f"nil pointer evaluating {static.name}.{name}")
        has_args = (args is not None and len(args) > 1) or final is not MISSING
        if isinstance(receiver, GoStruct):
            field_type = receiver.type.field(name)
            if field_type is not None:
                if has_args:
                    self.errorf(f"{name} has arguments but cannot be invoked as function")
                return element(receiver.values[name], field_type)
        elif isinstance(receiver, GoMap):
            if has_args:
                self.errorf(f"{name} is not a method but has arguments")
            entries = receiver.entries or {}
            if name in entries:
                return element(entries[name], receiver.type.elem)
            if not self.missing_zero:
                return None
            return zero_value(receiver.type.elem)
        elif isinstance(receiver, GoPtr) and is_nil:
            struct = receiver.type.elem
            if struct is None or struct.field(name) is not None:
                self.errorf(f"nil pointer evaluating {static.name}.{name}")
        self.errorf(f"can't evaluate field {name} in type {static.name}")

    def eval_function(
        self,
        dot: Any,
        node: n.IdentifierNode,
        command: n.Node,
        args: list[n.Node] | None,
        final: Any,
    ) -> Any:
        """A call of a template function."""
        self.node = node
        function = self.funcs.get(node.ident) or BUILTINS.get(node.ident)
        if function is None:
            self.errorf(f"{quote(node.ident)} is not a defined function")
        return self.eval_call(dot, function, command, node.ident, args, final)

    def eval_call(
        self,
        dot: Any,
        function: Builtin,
        node: n.Node,
        name: str,
        args: list[n.Node] | None,
        final: Any,
    ) -> Any:
        """Check the argument count, evaluate the arguments, call."""
        given = list(args[1:]) if args else []
        count = len(given) + (final is not MISSING)
        fixed = len(function.params)
        if function.variadic is not None:
            if count < fixed:
                self.errorf(
                    f"wrong number of args for {name}: want at least {fixed} got {len(given)}"
                )
        elif count != fixed:
            self.errorf(f"wrong number of args for {name}: want {fixed} got {count}")
        if name in ("and", "or") and function is BUILTINS[name]:
            value: Any = None
            for arg in given:
                value = self.eval_arg(dot, "value", arg)
                if truth(value) == (name == "or"):
                    return value
            return final if final is not MISSING else value
        argv = [self.eval_arg(dot, function.params[i], arg) for i, arg in enumerate(given[:fixed])]
        argv += [self.eval_arg(dot, function.variadic or "", arg) for arg in given[fixed:]]
        if final is not MISSING:
            if function.variadic is None or count - 1 < fixed:
                kind = function.params[count - 1]
            else:
                kind = function.variadic
            argv.append(self.validate_type(final, kind))
        if name == "call" and function is BUILTINS["call"]:
            callee = str(given[0]) if given else print_value(final)
            return self._call(callee, node, argv)
        try:
            return function.impl(*argv)
        except FuncError as error:
            self.node = node
            self.errorf(f"error calling {name}: {error}")

    def _call(self, callee: str, node: n.Node, argv: list[Any]) -> NoReturn:
        """`call f args`: template values hold no functions, so Go's error for what it got."""
        fn = unwrap(argv[0])
        self.node = node
        if fn is None:
            self.errorf("error calling call: call of nil")
        self.errorf(f"error calling call: non-function {callee} of type {type_of(fn).name}")

    def validate_type(self, value: Any, kind: str) -> Any:
        """Go's `validateType` for the three parameter kinds the functions have."""
        if value is None:
            if kind == "string":
                self.errorf("invalid value; expected string")
            return Iface(None) if kind == "any" else None
        if kind == "string":
            inner = unwrap(value)
            if not isinstance(inner, str):
                # Go unwraps a non-nil interface before it gives up, and names what was in it.
                got = value if inner is None else inner
                self.errorf(f"wrong type for value; expected string; got {type_of(got).name}")
            return inner
        return value

    def eval_arg(self, dot: Any, kind: str, node: n.Node) -> Any:
        """One argument of a function, checked against the parameter's kind."""
        self.node = node
        if isinstance(node, n.DotNode):
            return self.validate_type(dot, kind)
        if isinstance(node, n.NilNode):
            if kind == "string":
                self.errorf("cannot assign nil to string")
            return Iface(None) if kind == "any" else None
        if isinstance(node, n.FieldNode):
            return self.validate_type(self.eval_field_node(dot, node, [node], MISSING), kind)
        if isinstance(node, n.VariableNode):
            return self.validate_type(self.eval_variable_node(dot, node, None, MISSING), kind)
        if isinstance(node, n.PipeNode):
            return self.validate_type(self.eval_pipeline(dot, node), kind)
        if isinstance(node, n.IdentifierNode):
            return self.validate_type(self.eval_function(dot, node, node, None, MISSING), kind)
        if isinstance(node, n.ChainNode):
            return self.validate_type(self.eval_chain_node(dot, node, None, MISSING), kind)
        if kind == "string":
            if isinstance(node, n.StringNode):
                return node.text
            self.errorf(f"expected string; found {node}")
        return self.constant(dot, node)


def execute(
    trees: Mapping[str, Tree],
    name: str,
    data: Any,
    funcs: Mapping[str, Builtin],
    missing_zero: bool,
    root: n.ListNode | None = None,
) -> str:
    """Render template `name` of the set (or `root` in its place) with `data` as dot."""
    state = _State(trees, funcs, name, data, missing_zero)
    tree = trees.get(name)
    body = root if root is not None else (tree.root if tree is not None else None)
    if body is None:
        state.errorf(f"{quote(name)} is an incomplete or empty template")
    state.walk(data, body)
    return "".join(state.out)
