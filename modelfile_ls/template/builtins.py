"""Go's template functions (funcs.go, Go 1.26) with their Go signatures and error texts.

`and`/`or` are evaluated lazily by the executor, as Go does since 1.18; every other function
takes evaluated arguments. A function raises `FuncError` with Go's message, which the executor
reports as `error calling NAME: MESSAGE`.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from modelfile_ls.gounicode import is_print
from modelfile_ls.template.gofmt import print_value, sprint, sprintf, sprintln
from modelfile_ls.template.govalues import (
    Byte,
    GoMap,
    GoPtr,
    GoSlice,
    Iface,
    indirect,
    is_true,
    kind_of,
    type_of,
    unwrap,
    zero_value,
)


class FuncError(Exception):
    """A function's error (Go's text)."""


# Parameter kinds: "value" is reflect.Value (anything), "any" is interface {} and "string".
@dataclass(frozen=True)
class Builtin:
    """A function's Go signature and its implementation."""

    name: str
    params: tuple[str, ...]
    variadic: str | None
    impl: Callable[..., Any]


def _indirect_interface(value: Any) -> Any:
    return unwrap(value)


def _index_arg(index: Any, cap: int) -> int:
    """Go's `indexArg`. `slice` hands it an interface-held index as it is (Go's reports
    `type interface {}` for it); `index` unwraps it first."""
    if isinstance(index, bool) or not isinstance(index, int):
        if index is None:
            raise FuncError("cannot index slice/array with nil")
        raise FuncError(f"cannot index slice/array with type {type_of(index).name}")
    if index < 0 or index > cap:
        raise FuncError(f"index out of range: {index}")
    return index


def go_index(item: Any, *indexes: Any) -> Any:
    """`index x 1 2`: element by element; a missing map key gives the zero value."""
    item = _indirect_interface(item)
    if item is None:
        raise FuncError("index of untyped nil")
    for index in indexes:
        item, nil = indirect(item)
        if nil:
            raise FuncError("index of nil pointer")
        if isinstance(item, str | GoSlice):
            # Go indexes strings by byte; a byte prints as its number.
            sequence: Any = item.encode() if isinstance(item, str) else (item.items or [])
            position = _index_arg(_indirect_interface(index), len(sequence))
            if position == len(sequence):
                what = "string" if isinstance(item, str) else "slice"
                raise FuncError(f"reflect: {what} index out of range")
            item = Byte(sequence[position]) if isinstance(item, str) else sequence[position]
        elif isinstance(item, GoMap):
            key = _indirect_interface(index)
            if key is None:
                raise FuncError("value is nil; should be of type string")
            if not isinstance(key, str):
                raise FuncError(f"value has type {type_of(key).name}; should be string")
            entries = item.entries or {}
            item = entries[key] if key in entries else zero_value(item.type.elem)
        else:
            raise FuncError(f"can't index item of type {type_of(item).name}")
    return item


def go_slice(item: Any, *indexes: Any) -> Any:
    """`slice x 1 2`: a sub-slice or substring."""
    item = _indirect_interface(item)
    if item is None:
        raise FuncError("slice of untyped nil")
    item, nil = indirect(item)
    if nil:
        raise FuncError("slice of nil pointer")
    if len(indexes) > 3:
        raise FuncError(f"too many slice indexes: {len(indexes)}")
    if isinstance(item, str):
        if len(indexes) == 3:
            raise FuncError("cannot 3-index slice a string")
        data = item.encode()
        bounds = [0, len(data)]
        for i, index in enumerate(indexes):
            bounds[i] = _index_arg(index, len(data))
        if bounds[0] > bounds[1]:
            raise FuncError(f"invalid slice index: {bounds[0]} > {bounds[1]}")
        return data[bounds[0] : bounds[1]].decode(errors="replace")
    if not isinstance(item, GoSlice):
        raise FuncError(f"can't slice item of type {type_of(item).name}")
    items = item.items or []
    limits = [0, len(items), len(items)]
    for i, index in enumerate(indexes):
        limits[i] = _index_arg(index, len(items))
    if limits[0] > limits[1]:
        raise FuncError(f"invalid slice index: {limits[0]} > {limits[1]}")
    if len(indexes) == 3 and limits[1] > limits[2]:
        raise FuncError(f"invalid slice index: {limits[1]} > {limits[2]}")
    return GoSlice(item.type, items[limits[0] : limits[1]])


def go_len(item: Any) -> int:
    """`len x`."""
    if item is None:
        # Go's `length` asks the type of reflect's zero Value for its error, which panics.
        raise FuncError("reflect: call of reflect.Value.Type on zero Value")
    item, nil = indirect(item)
    if nil:
        raise FuncError("len of nil pointer")
    if isinstance(item, str):
        return len(item.encode())
    if isinstance(item, GoSlice | GoMap):
        return len(item)
    raise FuncError(f"len of type {type_of(item).name}")


def go_not(value: Any) -> bool:
    """`not x`."""
    return not truth(value)


def truth(value: Any) -> bool:
    """Go's `truth`: `isTrue` of the interface's dynamic value."""
    return is_true(_indirect_interface(value))[0]


_KINDS = {
    "bool": "bool",
    "int": "int",
    "uint8": "uint",
    "float64": "float",
    "complex128": "complex",
    "string": "string",
}


def _basic_kind(value: Any) -> str | None:
    return _KINDS.get(kind_of(value))


def _integers(k1: str | None, k2: str | None) -> bool:
    """Go's special case: integers compare whatever their signedness (as values)."""
    return {k1, k2} == {"int", "uint"}


def go_eq(arg1: Any, *others: Any) -> bool:
    """`eq x y...`: whether x equals any of the others."""
    arg1 = _indirect_interface(arg1)
    if not others:
        raise FuncError("missing argument for comparison")
    k1 = _basic_kind(arg1)
    for other in others:
        other = _indirect_interface(other)
        k2 = _basic_kind(other)
        if k1 != k2 and not _integers(k1, k2):
            if arg1 is not None and other is not None:
                raise FuncError(
                    "incompatible types for comparison: "
                    f"{type_of(arg1).name} and {type_of(other).name}"
                )
            equal = False
        elif k1 is not None:
            equal = arg1 == other
        else:
            equal = _nil_equal(arg1, other)
        if equal:
            return True
    return False


def _is_nil(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, GoSlice):
        return value.items is None
    if isinstance(value, GoMap):
        return value.entries is None
    if isinstance(value, GoPtr):
        return value.target is None
    return isinstance(value, Iface) and value.value is None


def _nil_equal(a: Any, b: Any) -> bool:
    if kind_of(a) != kind_of(b) and a is not None and b is not None:
        # Go's message prints the first operand with %s and the second with %v.
        raise FuncError(
            f"non-comparable types {sprintf('%s', [a])}: {type_of(a).name}, "
            f"{type_of(b).name}: {print_value(b)}"
        )
    if _is_nil(a) or _is_nil(b):
        return _is_nil(a) == _is_nil(b)
    if isinstance(b, GoSlice | GoMap):
        raise FuncError(f"non-comparable type {sprintf('%s', [b])}: {type_of(b).name}")
    return a is b


def go_ne(arg1: Any, arg2: Any) -> bool:
    """`ne x y`."""
    return not go_eq(arg1, arg2)


def go_lt(arg1: Any, arg2: Any) -> bool:
    """`lt x y`: only basic types of one kind compare."""
    arg1, arg2 = _indirect_interface(arg1), _indirect_interface(arg2)
    k1, k2 = _basic_kind(arg1), _basic_kind(arg2)
    if k1 is None or k2 is None:
        raise FuncError("invalid type for comparison")
    if k1 != k2 and not _integers(k1, k2):
        raise FuncError(
            f"incompatible types for comparison: {type_of(arg1).name} and {type_of(arg2).name}"
        )
    if k1 in ("bool", "complex"):
        raise FuncError("invalid type for comparison")
    return bool(arg1 < arg2)


def go_le(arg1: Any, arg2: Any) -> bool:
    """`le x y`."""
    return go_lt(arg1, arg2) or go_eq(arg1, arg2)


def go_gt(arg1: Any, arg2: Any) -> bool:
    """`gt x y`."""
    return not go_le(arg1, arg2)


def go_ge(arg1: Any, arg2: Any) -> bool:
    """`ge x y`."""
    return not go_lt(arg1, arg2)


def _eval_args(args: tuple[Any, ...]) -> str:
    """Go's `evalArgs`: a lone string as is, anything else through `fmt.Sprint`, after
    `printableValue` has followed each pointer and made each nil (a missing key, a JSON null)
    the string `<no value>`."""
    if len(args) == 1 and isinstance(_indirect_interface(args[0]), str):
        return str(_indirect_interface(args[0]))
    return sprint([_printable(a) for a in args])


def _printable(value: Any) -> Any:
    """Go's `printableValue` of a function's `any` argument."""
    value = _indirect_interface(value)
    if isinstance(value, GoPtr):
        value, _ = indirect(value)
    return _NO_VALUE if value is None else value


_NO_VALUE = "<no value>"


_HTML = {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}
_JS = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "=": "\\u003D",
}


def go_html(*args: Any) -> str:
    """`html x`: HTML-escaped text."""
    return "".join(_HTML.get(c, c) for c in _eval_args(args))


def go_js(*args: Any) -> str:
    """`js x`: JavaScript-escaped text."""
    out = []
    for char in _eval_args(args):
        if char in _JS:
            out.append(_JS[char])
        elif char < " ":
            out.append(f"\\u00{ord(char):02X}")
        elif ord(char) >= 0x80 and not is_print(char):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def go_urlquery(*args: Any) -> str:
    """`urlquery x`: Go's `url.QueryEscape`."""
    return urllib.parse.quote_plus(_eval_args(args), safe="-_.~")


def go_print(*args: Any) -> str:
    """`print`: `fmt.Sprint`."""
    return sprint(list(args))


def go_println(*args: Any) -> str:
    """`println`: `fmt.Sprintln`."""
    return sprintln(list(args))


def go_printf(template: str, *args: Any) -> str:
    """`printf`: `fmt.Sprintf`."""
    return sprintf(template, list(args))


BUILTINS: dict[str, Builtin] = {
    b.name: b
    for b in (
        Builtin("and", ("value",), "value", lambda *a: None),
        Builtin("or", ("value",), "value", lambda *a: None),
        Builtin("call", ("value",), "value", lambda *a: None),
        Builtin("html", (), "any", go_html),
        Builtin("index", ("value",), "value", go_index),
        Builtin("slice", ("value",), "value", go_slice),
        Builtin("js", (), "any", go_js),
        Builtin("len", ("value",), None, go_len),
        Builtin("not", ("value",), None, go_not),
        Builtin("print", (), "any", go_print),
        Builtin("printf", ("string",), "any", go_printf),
        Builtin("println", (), "any", go_println),
        Builtin("urlquery", (), "any", go_urlquery),
        Builtin("eq", ("value",), "value", go_eq),
        Builtin("ge", ("value", "value"), None, go_ge),
        Builtin("gt", ("value", "value"), None, go_gt),
        Builtin("le", ("value", "value"), None, go_le),
        Builtin("lt", ("value", "value"), None, go_lt),
        Builtin("ne", ("value", "value"), None, go_ne),
    )
}
