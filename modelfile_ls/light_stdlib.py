"""`functools`' caches and `enum`'s classes, for modules on the `--check` path.

Importing `enum` (which imports `functools`, which imports `collections`) was ~2.5 ms of a
~26 ms `--check`, a tenth of its start-up (bench/lazy_imports.py, "check path: enum,
functools, collections"). The type checker reads the real ones (`TYPE_CHECKING` is true only
to it); at run time:

- `cache` and `lru_cache` are CPython's own C cache (`_functools._lru_cache_wrapper`, the
  object `functools.lru_cache` returns), so a cached call costs what it costs there;
- `cached_property` computes once per instance and stores the value in its `__dict__`;
- `Enum` and `IntEnum` make the members of a class body's plain attributes, with `name`,
  `value`, lookup by value (`Kind(value)`) and by name (`Kind[name]`), iteration in
  definition order, the same `repr`, `str` and `format`, and members that stay themselves
  when copied or pickled. No module here uses more of `enum` (no `auto`, flags or aliases).
"""

from __future__ import annotations

from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from enum import Enum as Enum
    from enum import IntEnum as IntEnum
    from functools import cache as cache
    from functools import cached_property as cached_property
    from functools import lru_cache as lru_cache
else:
    try:
        from _functools import _lru_cache_wrapper
    except ImportError:  # an interpreter without CPython's accelerator
        from functools import _lru_cache_wrapper

    class _CacheInfo(tuple):
        """What `cache_info()` returns: (hits, misses, maxsize, currsize)."""

        __slots__ = ()

        def __new__(cls, hits, misses, maxsize, currsize):
            return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    _WRAPPED = ("__module__", "__name__", "__qualname__", "__doc__")

    def lru_cache(maxsize=128):
        """`functools.lru_cache(maxsize)` (used as `@lru_cache(maxsize=N)`)."""

        def decorate(function):
            wrapper = _lru_cache_wrapper(function, maxsize, False, _CacheInfo)
            for name in _WRAPPED:
                setattr(wrapper, name, getattr(function, name))
            wrapper.__dict__.update(function.__dict__)
            wrapper.__wrapped__ = function
            return wrapper

        return decorate

    def cache(function):
        """`functools.cache`: an unbounded `lru_cache`."""
        return lru_cache(maxsize=None)(function)

    class cached_property:
        """`functools.cached_property`: the method's value, computed on first read."""

        def __init__(self, function):
            self.function = function
            self.name = function.__name__
            self.__doc__ = function.__doc__
            self.__module__ = function.__module__

        def __set_name__(self, owner, name):
            self.name = name

        def __get__(self, instance, owner=None):
            if instance is None:
                return self
            value = self.function(instance)
            instance.__dict__[self.name] = value
            return value

    def _is_member(name, value):
        """A class body's plain attribute: not private or special, and not a method, property
        or other descriptor."""
        return not name.startswith("_") and not hasattr(value, "__get__")

    class _EnumType(type):
        """Makes each plain attribute of a subclass's body a member of it."""

        def __new__(mcls, name, bases, namespace):
            members = {key: value for key, value in namespace.items() if _is_member(key, value)}
            for key in members:
                del namespace[key]
            made = super().__new__(mcls, name, bases, namespace)
            by_name, by_value = {}, {}
            for key, value in members.items():
                member = made._new_member_(value)
                member._name_, member._value_ = key, value
                by_name[key] = by_value[value] = member
                type.__setattr__(made, key, member)
            type.__setattr__(made, "_member_map_", by_name)
            type.__setattr__(made, "_value2member_map_", by_value)
            return made

        def __call__(cls, value):
            try:
                return cls._value2member_map_[value]
            except (KeyError, TypeError):
                raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

        def __getitem__(cls, name):
            return cls._member_map_[name]

        def __iter__(cls):
            return iter(tuple(cls._member_map_.values()))

        def __len__(cls):
            return len(cls._member_map_)

        def __contains__(cls, member):
            return isinstance(member, cls) and member._name_ in cls._member_map_

        def __setattr__(cls, name, value):
            if name in cls.__dict__.get("_member_map_", ()):
                raise AttributeError(f"cannot reassign member {name!r}")
            super().__setattr__(name, value)

        def __repr__(cls):
            return f"<enum {cls.__name__!r}>"

    class Enum(metaclass=_EnumType):
        """Run-time stand-in for enum.Enum."""

        @classmethod
        def _new_member_(cls, value):
            return object.__new__(cls)

        @property
        def name(self):
            """The member's name."""
            return self._name_

        @property
        def value(self):
            """The member's value."""
            return self._value_

        def __repr__(self):
            return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

        def __str__(self):
            return f"{type(self).__name__}.{self._name_}"

        def __format__(self, spec):
            return format(str(self), spec)

        def __hash__(self):
            return hash(self._name_)

        def __reduce_ex__(self, protocol):
            return type(self), (self._value_,)

        def __copy__(self):
            return self

        def __deepcopy__(self, memo):
            return self

    class IntEnum(int, Enum):
        """Run-time stand-in for enum.IntEnum: members are ints (`str` and `format` too)."""

        @classmethod
        def _new_member_(cls, value):
            return int.__new__(cls, value)

        __repr__ = Enum.__repr__
        __str__ = int.__repr__
        __format__ = int.__format__
        __hash__ = int.__hash__
        __reduce_ex__ = Enum.__reduce_ex__
