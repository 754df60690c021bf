"""The run-time stand-ins of `modelfile_ls.static_types` behave as `typing`'s own."""

from __future__ import annotations

import copy
import pickle
import typing

import pytest

from modelfile_ls import static_types


class Ours(static_types.NamedTuple):
    """A record with a default and a method."""

    name: str
    size: int
    unit: str = "B"

    def label(self) -> str:
        """The size with its unit."""
        return f"{self.size}{self.unit}"


class Theirs(typing.NamedTuple):
    """The same record, made by typing."""

    name: str
    size: int
    unit: str = "B"

    def label(self) -> str:
        """The size with its unit."""
        return f"{self.size}{self.unit}"


Item = static_types.TypeVar("Item")


class Pair(static_types.NamedTuple, static_types.Generic[Item]):
    """A generic record."""

    first: Item
    second: Item


CALLS: list[tuple[tuple[object, ...], dict[str, object]]] = [
    (("a", 1), {}),
    (("a", 1, "kB"), {}),
    (("a",), {"size": 2}),
    ((), {"unit": "MB", "size": 3, "name": "b"}),
]


@pytest.mark.parametrize(("values", "named"), CALLS)
def test_records_are_the_tuples_typing_makes(
    values: tuple[object, ...], named: dict[str, object]
) -> None:
    """Construction, fields, equality, hashing, order, repr and the underscore methods."""
    ours, theirs = Ours(*values, **named), Theirs(*values, **named)  # type: ignore[arg-type]
    assert tuple(ours) == tuple(theirs)
    assert ours == theirs and hash(ours) == hash(theirs)
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours")
    assert (ours.name, ours.size, ours.unit) == (theirs.name, theirs.size, theirs.unit)
    assert ours.label() == theirs.label()
    assert ours._replace(size=9) == theirs._replace(size=9)
    assert type(ours._replace(size=9)) is Ours
    assert ours._asdict() == theirs._asdict()
    assert Ours._make(theirs) == ours and type(Ours._make(theirs)) is Ours
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert type(copy.deepcopy(ours)) is Ours
    assert Ours._fields == Theirs._fields and Ours.__match_args__ == Theirs.__match_args__
    assert Ours._field_defaults == Theirs._field_defaults
    assert isinstance(ours, tuple) and not hasattr(ours, "__dict__")


def test_records_match_by_position_and_by_name() -> None:
    """Class patterns read the fields, as on a NamedTuple."""
    match Ours("a", 1):
        case Ours(name, size=size):
            assert (name, size) == ("a", 1)
        case _:
            pytest.fail("no match")


BAD_CALLS: list[tuple[tuple[object, ...], dict[str, object]]] = [
    ((), {}),
    (("a",), {}),
    (("a", 1, "B", "extra"), {}),
    (("a", 1), {"name": "b"}),
    (("a", 1), {"colour": "red"}),
]


@pytest.mark.parametrize(("values", "named"), BAD_CALLS)
def test_wrong_arguments_raise_type_error(
    values: tuple[object, ...], named: dict[str, object]
) -> None:
    """A call typing's record refuses is refused, with a TypeError naming the problem."""
    with pytest.raises(TypeError):
        Theirs(*values, **named)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Ours\.__new__\(\)"):
        Ours(*values, **named)  # type: ignore[arg-type]


def test_replace_and_make_refuse_what_typing_refuses() -> None:
    """An unknown field for `_replace`, a wrong count for `_make`."""
    with pytest.raises(ValueError, match="colour"):
        Ours("a", 1)._replace(colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Expected 3 arguments, got 2"):
        Ours._make(["a", 1])


def test_generic_records_subscript_and_construct() -> None:
    """`Pair[int]` is usable where typing's generic NamedTuple is."""
    assert Pair[int](1, 2) == (1, 2)
    assert Pair(1, 2).second == 2
    assert repr(Pair(1, 2)) == "Pair(first=1, second=2)"


def test_a_subclass_of_a_record_is_a_plain_subclass() -> None:
    """Subclassing a record class adds no fields, as with typing."""

    class Named(Ours):
        __slots__ = ()

    assert Named("a", 1)._fields == ("name", "size", "unit")
    assert Named("a", 1).label() == "1B"
