"""Go values as `text/template` sees them through reflection, for the executor.

Python `str`, `bool`, `int`, `float` and `complex` stand for Go's `string`, `bool`, `int`,
`float64` and `complex128`, and `Byte` for the `uint8` that indexing a string gives. Composite
values carry their Go type (`GoType`), whose `name` is reflect's spelling
(`[]*template.templateMessage`), used in Go's error messages. `Iface` is a value held in an
`interface {}` slot (a map of `any`, a `[]any`, an `any` field): Go keeps the static type until
a pipeline unwraps it. `None` is reflect's invalid (zero) `Value`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

EMPTY_INTERFACE = "interface {}"


@dataclass(frozen=True, eq=False)
class GoType:
    """A Go type: reflect's name and kind, element type, struct fields and methods."""

    name: str
    kind: str  # string bool int float64 complex128 slice map struct ptr interface func
    elem: GoType | None = None
    fields: tuple[tuple[str, GoType, str], ...] = ()  # (name, type, json tag)
    stringer: Callable[[Any], str] | None = None  # the String() method, if any
    zero: Callable[[], Any] | None = None  # reflect.Zero of a struct type
    json: Callable[[Any], str] | None = None  # a MarshalJSON method, if any

    def field(self, name: str) -> GoType | None:
        """The type of a struct field."""
        for field_name, field_type, _ in self.fields:
            if field_name == name:
                return field_type
        return None


STRING = GoType("string", "string")
BOOL = GoType("bool", "bool")
INT = GoType("int", "int")
UINT8 = GoType("uint8", "uint8")
FLOAT64 = GoType("float64", "float64")
COMPLEX128 = GoType("complex128", "complex128")
ANY = GoType(EMPTY_INTERFACE, "interface")
ANY_SLICE = GoType("[]interface {}", "slice", ANY)
ANY_MAP = GoType("map[string]interface {}", "map", ANY)
STRING_SLICE = GoType("[]string", "slice", STRING)


class Byte(int):
    """A Go `uint8`: `index "ab" 0` is one. It compares and prints as the integer it is, but
    its type is named `uint8` (`%T`, Go's errors) and `%#v` shows it in hex."""

    __slots__ = ()


def slice_of(elem: GoType) -> GoType:
    """`[]elem`."""
    return GoType(f"[]{elem.name}", "slice", elem)


def pointer_to(elem: GoType) -> GoType:
    """`*elem`."""
    return GoType(f"*{elem.name}", "ptr", elem)


@dataclass(eq=False)
class GoStruct:
    """A struct value: its type and field values (by name)."""

    type: GoType
    values: dict[str, Any]


@dataclass(eq=False)
class GoPtr:
    """A pointer; `target` is None for a nil pointer."""

    type: GoType
    target: GoStruct | None


@dataclass(eq=False)
class GoSlice:
    """A slice; `items` is None for a nil slice."""

    type: GoType
    items: list[Any] | None

    def __len__(self) -> int:
        """Go's `len`."""
        return len(self.items or [])


@dataclass(eq=False)
class GoMap:
    """A map with string keys; `entries` is None for a nil map. Iteration is by sorted key."""

    type: GoType
    entries: dict[str, Any] | None = field(default_factory=dict)

    def __len__(self) -> int:
        """Go's `len`."""
        return len(self.entries or {})


@dataclass(eq=False)
class Iface:
    """A value in an `interface {}` slot; `value` None is a nil interface."""

    value: Any
    type: GoType = ANY


def type_of(value: Any) -> GoType:
    """The dynamic Go type of a value."""
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, str):
        return STRING
    if isinstance(value, Byte):
        return UINT8
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT64
    if isinstance(value, complex):
        return COMPLEX128
    if isinstance(value, GoStruct | GoPtr | GoSlice | GoMap | Iface):
        return value.type
    return ANY


def kind_of(value: Any) -> str:
    """reflect's Kind, `invalid` for None."""
    if value is None:
        return "invalid"
    return type_of(value).kind


def unwrap(value: Any) -> Any:
    """An interface's dynamic value (None for a nil interface); other values unchanged."""
    return value.value if isinstance(value, Iface) else value


def indirect(value: Any) -> tuple[Any, bool]:
    """Go's `indirect`: through pointers and interfaces, stopping at a nil one."""
    while isinstance(value, GoPtr | Iface):
        inner = value.target if isinstance(value, GoPtr) else value.value
        if inner is None:
            return value, True
        value = inner
    return value, False


def is_true(value: Any) -> tuple[bool, bool]:
    """Go's `isTrue`: the truth of a value and whether it has one."""
    if value is None:
        return False, True
    if isinstance(value, Iface | GoPtr):
        inner = value.value if isinstance(value, Iface) else value.target
        return inner is not None, True
    if isinstance(value, GoSlice):
        return bool(value.items), True
    if isinstance(value, GoMap):
        return bool(value.entries), True
    if isinstance(value, str | bool | int | float | complex):
        return bool(value), True
    if isinstance(value, GoStruct):
        return True, True
    return False, False


def zero_value(static: GoType | None) -> Any:
    """`reflect.Zero` of a type (a map's element type, for missing keys)."""
    if static is None:
        return None
    if static.kind == "interface":
        return Iface(None, static)
    if static.zero is not None:
        return static.zero()
    if static.kind == "slice":
        return GoSlice(static, None)
    if static.kind == "map":
        return GoMap(static, None)
    if static.kind == "ptr":
        return GoPtr(static, None)
    return {"string": "", "bool": False, "int": 0, "float64": 0.0}.get(static.kind)
