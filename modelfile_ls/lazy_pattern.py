"""A regular expression compiled when first used.

`re.compile` at import is paid by every `--check`, whatever the file holds: the patterns of
rarely met text (REQUIRES versions, hex floats, suppression comments, a TEMPLATE's complex
numbers) were ~5M instructions of each start-up (bench/RESULTS.md). Patterns on every
file's path stay compiled at import.
"""

import re


class LazyPattern:
    """`re.compile(source, flags)`, done on the first `match`, `fullmatch` or `search`."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`Pattern.match`."""
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """`Pattern.fullmatch`."""
        return self.compiled.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        """`Pattern.search`."""
        return self.compiled.search(text)
