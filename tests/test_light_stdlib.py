"""The run-time stand-ins of `modelfile_ls.light_stdlib` behave as `enum` and `functools` do
for everything the package uses of them."""

from __future__ import annotations

import copy
import enum
import functools
import pickle
import types

import pytest

from modelfile_ls import light_stdlib
from modelfile_ls.severity import Severity
from modelfile_ls.syntax.model import ProblemKind, Quoting


def _pair(base_real: type, base_light: type, values: dict[str, object]) -> tuple[type, type]:
    def body(namespace: dict[str, object]) -> None:
        namespace.update(values)
        namespace["label"] = property(lambda self: self.name.lower())

    return (
        types.new_class("Kind", (base_real,), exec_body=body),
        types.new_class("Kind", (base_light,), exec_body=body),
    )


CASES = [
    (enum.Enum, light_stdlib.Enum, {"NONE": "none", "DOUBLE": "double", "TRIPLE": "triple"}),
    (enum.IntEnum, light_stdlib.IntEnum, {"HINT": 1, "INFO": 2, "WARNING": 3, "ERROR": 4}),
]


@pytest.mark.parametrize(("real_base", "light_base", "values"), CASES)
def test_members_behave_as_enum_s(
    real_base: type, light_base: type, values: dict[str, object]
) -> None:
    real, light = _pair(real_base, light_base, values)
    assert light is not real and not issubclass(light, enum.Enum)
    assert [m.name for m in light] == [m.name for m in real] == list(values)
    assert len(light) == len(real)
    for name, value in values.items():
        ours, theirs = light[name], real[name]
        assert getattr(light, name) is ours is light(value)
        assert (ours.name, ours.value, ours.label) == (theirs.name, theirs.value, theirs.label)
        assert (repr(ours), str(ours), f"{ours}", f"{ours:>12}") == (
            repr(theirs),
            str(theirs),
            f"{theirs}",
            f"{theirs:>12}",
        )
        assert hash(ours) == hash(theirs)
        assert (ours == value) == (theirs == value)
        assert ours in light and isinstance(ours, light)
        assert copy.copy(ours) is ours and copy.deepcopy(ours) is ours
    with pytest.raises(ValueError, match="is not a valid Kind"):
        light("missing")
    with pytest.raises(KeyError):
        light["missing"]
    with pytest.raises(AttributeError, match="cannot reassign"):
        setattr(light, next(iter(values)), 5)


def test_the_package_s_enums_survive_pickling_and_compare_as_ints() -> None:
    for member in (*Severity, *Quoting, *ProblemKind):
        assert pickle.loads(pickle.dumps(member)) is member
    assert Severity.ERROR > Severity.WARNING and Severity.ERROR == 4
    assert sorted([Severity.ERROR, Severity.HINT]) == [Severity.HINT, Severity.ERROR]
    assert max(Severity) is Severity.ERROR and {4: "x"}[Severity.ERROR] == "x"
    assert Severity.parse(" Warning ") is Severity.WARNING


def test_lru_cache_is_functools_own() -> None:
    calls: list[int] = []

    @light_stdlib.lru_cache(maxsize=2)
    def double(number: int) -> int:
        """Twice the number."""
        calls.append(number)
        return 2 * number

    assert [double(1), double(1), double(2), double(3), double(1)] == [2, 2, 4, 6, 2]
    assert calls == [1, 2, 3, 1]  # 1 was the least recently used when 3 came
    assert type(double) is type(functools.lru_cache(maxsize=2)(abs))
    assert (double.__name__, double.__doc__) == ("double", "Twice the number.")
    assert double.cache_info()[:2] == (1, 4)


def test_cache_is_unbounded_and_cached_property_computes_once() -> None:
    calls: list[str] = []

    @light_stdlib.cache
    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    assert [shout(w) for w in ["a", "b"] * 300] == ["A", "B"] * 300
    assert calls == ["a", "b"]

    class Box:
        @light_stdlib.cached_property
        def contents(self) -> list[int]:
            """What is inside."""
            calls.append("contents")
            return [1]

    box = Box()
    assert box.contents is box.contents
    assert calls.count("contents") == 1
    assert Box.contents.__doc__ == "What is inside."
