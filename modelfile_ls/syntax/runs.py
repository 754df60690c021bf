"""A parse's instructions as runs of earlier scans, each moved by an offset applied on read.

An edit changes a window of instructions; every instruction after it is the same as before,
some characters later. Moving them all (a new `Instruction` with new spans each) was most of a
keystroke in a large document, so an incremental parse keeps them where they are: its
instructions are runs `scan[start:stop]` of earlier scans, each with the offset by which that
run moved (`Run.delta`). An instruction is moved only when something reads it, once per parse
(`InstructionRuns.at`); the clean instructions acting as one keyword are found from an index
each scan builds once, so the analysis of a keystroke moves only the instructions its rules
ask for. The whole tuple (`InstructionRuns.all`) is still there for every other reader.
"""

from __future__ import annotations

from _bisect import bisect_left, bisect_right
from _operator import attrgetter
from itertools import accumulate

from modelfile_ls.static_types import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar
from modelfile_ls.syntax._scan import group_positions

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

Item = TypeVar("Item", bound="Movable")
Key = TypeVar("Key", bound="Hashable")


class Movable(Protocol):
    """What the runs read of an instruction (`syntax.model.Instruction`, which imports this
    module)."""

    @property
    def keyword(self) -> str:
        """The instruction's keyword."""

    @property
    def has_error(self) -> bool:
        """Whether Ollama's parser fails on it."""

    @property
    def name(self) -> str | None:
        """A PARAMETER's name."""

    @property
    def effective_keyword(self) -> str:
        """The instruction it acts as."""

    def moved(self: Item, by: int) -> Item:
        """The same instruction `by` characters later."""


RENAMED_PARAMETER = "PARAMETER acting as another instruction"
"""The index's entry for the PARAMETER lines that act as another instruction (`PARAMETER
system x`), besides their entry under that instruction: the few such lines are what MF011
looks for, among every SYSTEM or MESSAGE of the document."""

_KEYWORD = attrgetter("keyword")
_HAS_ERROR = attrgetter("has_error")
_NAME = attrgetter("name")


def positions_by(keys: Iterable[Key], skip: Iterable[bool] | None = None) -> dict[Key, list[int]]:
    """The positions of each key in `keys` (those `skip` flags left out), grouped in one C
    pass (`_scan.group_positions`): the analysis groups a 10 MB file's instructions so."""
    return group_positions(keys, skip)


def index_by_keyword(items: Sequence[Movable], clean: bool = False) -> dict[str, list[int]]:
    """Positions in `items` of the clean instructions acting as each keyword (and, under
    `RENAMED_PARAMETER`, of the PARAMETERs acting as another one); `clean` says that none
    of `items` failed (their parse found no problem), so no flag need be read.

    The fields are read and the positions grouped in one C pass (`map`, `positions_by`), and
    whether a PARAMETER acts as another instruction is asked once per name: a 10 MB file has
    hundreds of thousands of instructions, and asking each was a tenth of its check."""
    # Each flag read is a second cache line of a cold instruction: a quarter of the pass.
    failed = None if clean else map(_HAS_ERROR, items)
    index: dict[str, list[int]] = positions_by(map(_KEYWORD, items), failed)
    parameters = index.get("PARAMETER")
    if parameters is None:
        return index
    # What a PARAMETER acts as depends on its name alone (`PARAMETER system`).
    names = list(map(_NAME, map(items.__getitem__, parameters)))
    one_of_each = dict(zip(names, parameters, strict=True))
    acting = {
        name: keyword
        for name, position in one_of_each.items()
        if (keyword := items[position].effective_keyword) != "PARAMETER"
    }
    if not acting:
        return index
    index["PARAMETER"] = []
    renamed = index[RENAMED_PARAMETER] = []
    for position, name in zip(parameters, names, strict=True):
        keyword = acting.get(name, "PARAMETER")
        index.setdefault(keyword, []).append(position)
        if keyword != "PARAMETER":
            renamed.append(position)
    # Merged into another keyword's positions, which must stay in order.
    for positions in index.values():
        positions.sort()
    return {keyword: positions for keyword, positions in index.items() if positions}


_MAX_RUNS = 32
"""More runs than this after an edit and the instructions are moved into one new scan: each
edit somewhere new adds two runs, and reading an instruction bisects over them."""


class Scan(Generic[Item]):
    """Instructions as one scan produced them, and, built on first use, where the clean ones
    of each keyword (as acted: a `PARAMETER system` acts as SYSTEM) are."""

    __slots__ = ("_by_keyword", "clean", "items")

    def __init__(self, items: tuple[Item, ...], clean: bool = False) -> None:
        self.items = items
        self.clean = clean
        """None of `items` failed: the scan that made them found no problem."""
        self._by_keyword: dict[str, list[int]] | None = None

    def by_keyword(self) -> dict[str, list[int]]:
        """Positions in `items` of the clean instructions acting as each keyword."""
        if self._by_keyword is None:
            self._by_keyword = index_by_keyword(self.items, self.clean)
        return self._by_keyword


class Run(NamedTuple, Generic[Item]):
    """`scan.items[start:stop]`, each instruction `delta` characters later in this text."""

    scan: Scan[Item]
    start: int
    stop: int
    delta: int


class InstructionRuns(Generic[Item]):
    """The instructions of one parse, read one at a time, by keyword, or all at once."""

    __slots__ = ("_all", "_by_keyword", "_made", "_offsets", "runs")

    def __init__(self, runs: tuple[Run[Item], ...]) -> None:
        self.runs = runs
        self._offsets = [0, *accumulate(run.stop - run.start for run in runs)]
        """Index in this parse of each run's first instruction, then the count."""
        self._made: dict[int, Item] = {}
        self._all: tuple[Item, ...] | None = None
        self._by_keyword: dict[str, list[Item]] = {}

    @classmethod
    def of(
        cls, items: tuple[Item, ...], delta: int = 0, *, clean: bool = False
    ) -> InstructionRuns[Item]:
        """One scan's instructions, `delta` characters later (a scan of part of the text);
        `clean` when that scan found no problem, so none of them failed."""
        return cls((Run(Scan(items, clean), 0, len(items), delta),) if items else ())

    def __len__(self) -> int:
        return self._offsets[-1]

    def at(self, index: int) -> Item:
        """Instruction `index` (0 <= index < len), moved to where it is in this text."""
        if self._all is not None:
            return self._all[index]
        made = self._made.get(index)
        if made is None:
            number = bisect_right(self._offsets, index) - 1
            run = self.runs[number]
            made = run.scan.items[run.start + index - self._offsets[number]]
            if not run.delta:
                return made
            made = self._made[index] = made.moved(run.delta)
        return made

    def all(self) -> tuple[Item, ...]:
        """Every instruction, in order."""
        if self._all is None:
            runs = self.runs
            if len(runs) == 1 and runs[0].delta == 0 and runs[0].stop == len(runs[0].scan.items):
                self._all = runs[0].scan.items[runs[0].start :]
            else:
                self._all = tuple(self.at(index) for index in range(len(self)))
        return self._all

    def acting_as(self, keyword: str) -> list[Item]:
        """The clean instructions acting as `keyword`, in order (the same list every call)."""
        found = self._by_keyword.get(keyword)
        if found is None:
            found = self._by_keyword[keyword] = self._acting_as(keyword, None)
        return found

    def acting_as_where(self, keyword: str, keep: Callable[[Item], bool]) -> list[Item]:
        """The clean instructions acting as `keyword` that `keep` accepts, moving no other:
        `keep` must not depend on where an instruction is (a PARAMETER's name, say)."""
        found = self._by_keyword.get(keyword)
        if found is not None:
            return [item for item in found if keep(item)]
        return self._acting_as(keyword, keep)

    def _acting_as(self, keyword: str, keep: Callable[[Item], bool] | None) -> list[Item]:
        found: list[Item] = []
        for run, offset in zip(self.runs, self._offsets, strict=False):
            positions = run.scan.by_keyword().get(keyword)
            if not positions:
                continue
            low = bisect_left(positions, run.start)
            high = bisect_left(positions, run.stop, low)
            chosen = positions[low:high]
            items = run.scan.items
            if keep is not None:
                chosen = [position for position in chosen if keep(items[position])]
            if run.delta:
                base = offset - run.start
                found.extend(self.at(base + position) for position in chosen)
            else:
                # In place: read straight from the scan, in C (a whole 10 MB file's run).
                found.extend(map(items.__getitem__, chosen))
        return found

    def first_acting_as(self, keyword: str) -> Item | None:
        """The first clean instruction acting as `keyword`, moving no other instruction."""
        found = self._by_keyword.get(keyword)
        if found is not None:
            return found[0] if found else None
        for run, offset in zip(self.runs, self._offsets, strict=False):
            positions = run.scan.by_keyword().get(keyword)
            if positions:
                low = bisect_left(positions, run.start)
                if low < len(positions) and positions[low] < run.stop:
                    return self.at(offset - run.start + positions[low])
        return None

    def edited(
        self, kept: int, removed: int, window: tuple[Item, ...], at: int, delta: int
    ) -> InstructionRuns[Item]:
        """These instructions with `[kept, kept + removed)` replaced by `window` (scanned
        `at` characters into the text) and the ones after it moved by `delta`."""
        runs = self._between(0, kept)
        if window:
            runs.append(Run(Scan(window), 0, len(window), at))
        runs += [
            Run(run.scan, run.start, run.stop, run.delta + delta)
            for run in self._between(kept + removed, len(self))
        ]
        if len(runs) > _MAX_RUNS:
            return InstructionRuns.of(InstructionRuns(tuple(runs)).all())
        return InstructionRuns(tuple(runs))

    def _between(self, start: int, stop: int) -> list[Run[Item]]:
        """The runs covering instructions `[start, stop)`, the first and last cut to fit."""
        result = []
        offsets = self._offsets
        first = bisect_right(offsets, start) - 1
        for number in range(max(first, 0), len(self.runs)):
            offset = offsets[number]
            if offset >= stop:
                break
            run = self.runs[number]
            low = run.start + max(start - offset, 0)
            high = run.start + min(stop - offset, run.stop - run.start)
            if low < high:
                result.append(Run(run.scan, low, high, run.delta))
        return result
