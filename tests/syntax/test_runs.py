"""A parse's instructions held as runs of earlier scans read the same as a full parse's, one
at a time, by keyword and all at once, however many edits they have been through."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import KEYWORDS, ParsedModelfile, parse
from modelfile_ls.syntax.incremental import Edit, parse_after

TEXT = "FROM x\n" + "".join(
    f"PARAMETER temperature 0.{n}\nMESSAGE user q{n}\nPARAMETER system s{n}\n# c{n}\n"
    for n in range(12)
)
PIECES = ["", "7", "\n", "PARAMETER top_k 4\n", "MESSAGE user hi\n", "SYSTEM x\n", "BAD\n", '"']


def assert_reads_as(parsed: ParsedModelfile, full: ParsedModelfile) -> None:
    runs = parsed.runs
    assert len(runs) == len(full.instructions)
    assert [runs.at(i) for i in range(len(runs))] == list(full.instructions)
    for keyword in (*KEYWORDS, ""):
        acting = [
            i for i in full.instructions if not i.has_error and i.effective_keyword == keyword
        ]
        named = [i for i in acting if i.name == "temperature"]
        # Filtered before and after the keyword's whole list is built.
        assert runs.acting_as_where(keyword, lambda i: i.name == "temperature") == named
        assert runs.acting_as(keyword) == acting
        assert runs.acting_as_where(keyword, lambda i: i.name == "temperature") == named
        assert runs.first_acting_as(keyword) == (acting[0] if acting else None)
    assert parsed.instructions == full.instructions


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(PIECES)),
        min_size=1,
        max_size=60,
    ),
    st.integers(0, 60),
)
def test_runs_read_as_a_full_parse_after_many_edits(
    edits: list[tuple[float, int, str]], read_all_after: int
) -> None:
    """Edits all over the document (more runs than are kept before they are merged), read
    before and after the whole tuple was built."""
    text = TEXT
    parsed = parse(text)
    for number, (where, size, inserted) in enumerate(edits):
        start = int(where * len(text))
        edit = Edit(start, min(start + size, len(text)), inserted)
        text = text[: edit.start] + inserted + text[edit.end :]
        parsed = parse_after(parsed, edit, text)
        assert len(parsed.runs.runs) <= 32
        if number == read_all_after:
            assert parsed.instructions == parse(text).instructions
    assert_reads_as(parsed, parse(text))


def test_an_edit_moves_only_what_is_read() -> None:
    text = TEXT
    parsed = parse(text)
    at = text.index("q0") + 2
    edited = parse_after(parsed, Edit(at, at, "7"), text[:at] + "7" + text[at:])
    assert len(edited.runs.runs) == 3
    edited.runs.acting_as("SYSTEM")
    # Only the instructions asked for were moved into place (the PARAMETER system ones).
    assert len(edited.runs._made) == 12


def test_instructions_filtered_by_name_are_the_only_ones_moved() -> None:
    text = TEXT
    at = text.index("q0") + 2
    edited = parse_after(parse(text), Edit(at, at, "7"), text[:at] + "7" + text[at:])
    found = edited.runs.acting_as_where("PARAMETER", lambda i: i.value.text == "0.5")
    assert [(i.name, i.span.start) for i in found] == [
        ("temperature", text.index("PARAMETER temperature 0.5") + 1)
    ]
    assert len(edited.runs._made) == 1
