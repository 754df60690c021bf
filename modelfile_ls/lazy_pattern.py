"""A regular expression compiled when first used.

`re.compile` at import is paid by every `--check`, whatever the file holds: the patterns of
rarely met text (REQUIRES versions, hex floats, suppression comments, a TEMPLATE's complex
numbers) were ~5M instructions of each start-up (bench/RESULTS.md). `re` itself is imported
on that first use too: a check of a plain Modelfile never needs it (bench/lazy_imports.py,
"check path: re").
"""

from __future__ import annotations

from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    import re


class LazyPattern:
    """`re.compile(source)`, done on the first `match`, `fullmatch` or `search`."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            # Imported here: see the module's docstring.
            import re

            self._compiled = re.compile(self._source)
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
