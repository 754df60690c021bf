"""The document store keeps one parse per version and parses a new version from the last."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from modelfile_ls.lsp.documents import DocumentStore


def test_one_parse_per_version() -> None:
    store = DocumentStore()
    document = store.open(types.TextDocumentItem("untitled:x", "modelfile", 1, "FROM a\n"))
    assert document.parsed is document.parsed
    changed = store.change(
        "untitled:x",
        2,
        [
            types.TextDocumentContentChangePartial(
                types.Range(types.Position(0, 6), types.Position(0, 6)), "b"
            )
        ],
        "utf-16",
    )
    assert changed is not None and changed is not document
    assert changed.text == "FROM ab\n" and changed.parsed is changed.parsed
    assert changed.parsed.instructions[0].value is not None
    assert changed.parsed.instructions[0].value.text == "ab"
    assert store.get("untitled:x") is changed


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.integers(0, 12),
            st.integers(0, 1),
            st.integers(0, 5),
            st.sampled_from(["", "x", "\n", "\r", "ab", "😀"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_a_new_version_says_which_part_of_the_text_its_changes_replaced(
    changes: list[tuple[int, int, int, int, str]],
) -> None:
    """Outside `origin`'s region the text is the old one; unless `line_breaks` says so, no
    change removed or inserted a line break (diagnostics elsewhere are reused on that
    promise)."""
    store = DocumentStore()
    text = "FROM a\nPARAMETER top_k 4\r\nMESSAGE user hi\rSYSTEM x\n"
    old = store.open(types.TextDocumentItem("untitled:x", "modelfile", 1, text))
    ranged = [
        types.TextDocumentContentChangePartial(
            types.Range(types.Position(line, column), types.Position(line + lines, column + size)),
            inserted,
        )
        for line, column, lines, size, inserted in changes
    ]
    new = store.change("untitled:x", 2, ranged, "utf-16")
    assert new is not None and new.origin is not None
    serial, start, old_end, new_end, line_breaks = new.origin
    assert serial == old.serial and start <= old_end and start <= new_end
    assert new.text[:start] == text[:start]
    assert new.text[new_end:] == text[old_end:]
    if not line_breaks:
        before, after = text[start:old_end], new.text[start:new_end]
        assert [before.count(c) for c in "\r\n"] == [after.count(c) for c in "\r\n"]
