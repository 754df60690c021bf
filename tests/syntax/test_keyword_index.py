"""The index of instructions by keyword (`syntax.runs.index_by_keyword`, built in C passes)
is what a plain loop over the instructions gives, including the PARAMETERs that act as
another instruction and the ones Ollama's parser rejects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import parse
from modelfile_ls.syntax._scan import group_positions
from modelfile_ls.syntax.model import Instruction
from modelfile_ls.syntax.runs import RENAMED_PARAMETER, index_by_keyword
from tests.conftest import corpus_files

LINES = [
    "FROM x\n",
    "PARAMETER temperature 0.7\n",
    "PARAMETER system hi\n",
    "PARAMETER model y\n",
    "PARAMETER message user hi\n",
    "PARAMETER\n",
    "MESSAGE user hi\n",
    "MESSAGE robot hi\n",
    'SYSTEM "unterminated\n',
    "SYSTEM s\n",
    "TEMPLATE {{ .Prompt }}\n",
    "BAD line\n",
    "# comment\n",
]


def reference(items: tuple[Instruction, ...]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for position, instruction in enumerate(items):
        if instruction.has_error:
            continue
        keyword = instruction.effective_keyword
        index.setdefault(keyword, []).append(position)
        if instruction.keyword == "PARAMETER" and keyword != "PARAMETER":
            index.setdefault(RENAMED_PARAMETER, []).append(position)
    return index


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40))
def test_index_is_the_plain_loops(lines: list[str]) -> None:
    parsed = parse("".join(lines))
    items = parsed.instructions
    assert index_by_keyword(items) == reference(items)
    # The parse's own index reads no failure flag when the parse found no problem.
    if items:
        assert parsed.runs.runs[0].scan.clean == (not parsed.problems)
    if not parsed.problems:
        assert index_by_keyword(items, clean=True) == reference(items)


def test_index_on_the_corpus() -> None:
    for path in corpus_files():
        items = parse(path.read_text(encoding="utf-8", errors="replace")).instructions
        assert index_by_keyword(items) == reference(items)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.booleans()), max_size=30), st.booleans())
def test_positions_are_grouped_as_a_loop_groups_them(
    pairs: list[tuple[str, bool]], skipping: bool
) -> None:
    """The C grouping behind the index (`_scan.group_positions`) keeps each key's positions
    in order, skips what it is told to, and knows no key it has no position for."""
    keys = [key for key, _ in pairs]
    skip = [skipped for _, skipped in pairs] if skipping else None
    expected: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        if skip is None or not skip[position]:
            expected.setdefault(key, []).append(position)
    assert group_positions(keys, skip) == expected
    assert group_positions(iter(keys), None if skip is None else iter(skip)) == expected


def test_grouping_refuses_skip_flags_fewer_than_the_keys() -> None:
    with pytest.raises(ValueError, match="shorter"):
        group_positions(["a", "b"], [False])
    with pytest.raises(TypeError):
        group_positions(["a"], 1)  # type: ignore[arg-type]


def test_grouping_keys_made_afresh_each_time() -> None:
    """Keys that no one else holds (each freed after its turn) are still told apart: the
    grouping's shortcut for a run of one key compares objects it keeps alive."""
    keys = (str(n % 3) * 2 for n in range(30))
    assert group_positions(keys, None) == {
        "00": list(range(0, 30, 3)),
        "11": list(range(1, 30, 3)),
        "22": list(range(2, 30, 3)),
    }
