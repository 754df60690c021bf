"""The `typing` names the package uses, without importing `typing` at run time.

The type checker reads the real ones (`TYPE_CHECKING` is true only to it). At run time a
`--check` used to import `typing` (16M instructions, 6% of a check of a 1.5k-line file) and
create ~40 `typing.NamedTuple` classes (0.66M each: typing checks every annotation, then
`collections.namedtuple` compiles a `__new__` for each class); a class of the stand-in below
costs a fifth of that (bench/RESULTS.md, "Start-up without typing, pathlib and argparse").
`NamedTuple` here makes the same classes: tuple subclasses with `_fields`, `_field_defaults`,
`_make`, `_replace`, `_asdict`, `__match_args__`, namedtuple's own field descriptors, its repr
and its pickling. `Generic`, `Protocol`, `TypeVar`, `Any`, `Literal` and `NoReturn` are only
ever read by the type checker; their stand-ins just let the module bodies that mention them
run.
"""

TYPE_CHECKING = False
"""True only to the type checker (mypy honours any module-level `TYPE_CHECKING`)."""

if TYPE_CHECKING:
    from typing import Any as Any
    from typing import Generic as Generic
    from typing import Literal as Literal
    from typing import NamedTuple as NamedTuple
    from typing import NoReturn as NoReturn
    from typing import Protocol as Protocol
    from typing import TypeVar as TypeVar
else:
    # namedtuple's own C descriptor for a field: reading `record.name` costs what it does
    # on a collections.namedtuple.
    from _collections import _tuplegetter

    class _Record(tuple):
        """What every record class shares (namedtuple writes these per class)."""

        __slots__ = ()

        def __new__(cls, *values, **named):
            if named or len(values) != len(cls._fields):
                values = _arguments(cls, values, named)
            return tuple.__new__(cls, values)

        @classmethod
        def _make(cls, iterable):
            """A record of the values `iterable` yields, in field order."""
            values = tuple(iterable)
            if len(values) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(values)}")
            return tuple.__new__(cls, values)

        def _replace(self, **changes):
            """The record with the named fields changed."""
            values = tuple(
                changes.pop(field, value) for field, value in zip(self._fields, self, strict=True)
            )
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return tuple.__new__(type(self), values)

        def _asdict(self):
            """The fields and their values."""
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self):
            pairs = ", ".join(
                f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True)
            )
            return f"{type(self).__name__}({pairs})"

        def __getnewargs__(self):
            return tuple(self)

    def _arguments(cls, values, named):
        """`values` and `named` as one value per field, with the defaults, raising the
        TypeError a call with the wrong arguments raises."""
        fields, defaults = cls._fields, cls._default_values
        missing = len(fields) - len(values)
        if len(named) == missing:
            # Every field not given by position given by name: looked up in C (the language
            # facts and findings are built so). A name that is no field, or one given twice,
            # leaves one out: the general reading below raises the call's TypeError.
            try:
                return values + tuple(map(named.__getitem__, fields[len(values) :]))
            except KeyError:
                pass
        if not named and 0 < missing <= len(defaults):
            return values + defaults[len(defaults) - missing :]
        call = f"{cls.__name__}.__new__()"
        if len(values) > len(fields):
            raise TypeError(
                f"{call} takes {len(fields) + 1} positional arguments but"
                f" {len(values) + 1} were given"
            )
        complete = list(values)
        for field in fields[len(values) :]:
            if field in named:
                complete.append(named.pop(field))
            elif field in cls._field_defaults:
                complete.append(cls._field_defaults[field])
            else:
                raise TypeError(f"{call} missing required argument: {field!r}")
        for field in named:
            problem = "multiple values for" if field in fields else "an unexpected keyword"
            raise TypeError(f"{call} got {problem} argument {field!r}")
        return tuple(complete)

    class _RecordType(type):
        """Makes `class Name(NamedTuple): field: type = default ...` a record class."""

        def __new__(mcls, name, bases, namespace):
            if not bases:  # NamedTuple itself, the base whose subclasses this makes
                return super().__new__(mcls, name, bases, namespace)
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = {field: namespace[field] for field in fields if field in namespace}
            for index, field in enumerate(fields):
                namespace[field] = _tuplegetter(index, f"Alias for field number {index}")
            namespace.update(
                __slots__=(),
                __match_args__=fields,
                _fields=fields,
                _field_defaults=defaults,
                _default_values=tuple(defaults.values()),
            )
            others = tuple(base for base in bases if base is not NamedTuple)
            return type(name, (_Record, *others), namespace)

    class NamedTuple(metaclass=_RecordType):
        """Subclass to make a record class, as with typing.NamedTuple."""

    class _Subscriptable:
        """A base class that subscripting gives back (`Generic[Item]`, `Protocol`)."""

        __slots__ = ()

        def __class_getitem__(cls, parameters):
            return cls

    class Generic(_Subscriptable):
        """Run-time stand-in for typing.Generic."""

        __slots__ = ()

    class Protocol(_Subscriptable):
        """Run-time stand-in for typing.Protocol (never checked at run time)."""

        __slots__ = ()

    class TypeVar:
        """Run-time stand-in for typing.TypeVar: a name."""

        def __init__(self, name, *constraints, **options):
            self.__name__ = name

    class _Form:
        """A special form the type checker reads: subscripting gives it back."""

        def __getitem__(self, parameters):
            return self

    Any = Literal = NoReturn = _Form()
