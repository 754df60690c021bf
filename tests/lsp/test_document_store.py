"""The document store keeps one parse per version and parses a new version from the last."""

from __future__ import annotations

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
