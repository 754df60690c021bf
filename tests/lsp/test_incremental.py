"""The incremental re-parse equals a full parse for any edit, and the document store keeps one
parse per version."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from modelfile_ls.lsp.documents import DocumentStore
from modelfile_ls.lsp.incremental import Edit, reparse
from modelfile_ls.syntax import ParsedModelfile, parse, parse_bytes
from tests.conftest import corpus_files

GOLDEN = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.Modelfile"))
TEXTS = [parse_bytes(p.read_bytes()).text for p in [*GOLDEN, *corpus_files()[:60]]] + [
    "",
    'FROM x\nSYSTEM """a\n\nb"""\n# c\nPARAMETER stop "<|eot|>"\n',
    "PARAMETER temprature 0.7\r\nMESSAGE usr hi\rTEMPLATE {{ .Prompt }}\n",
]
PIECES = [
    "",
    "a",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    '"',
    '"""',
    "#",
    "😀",
    "\u2028",
    "\u200b",
    "FROM ",
    "PARAMETER ",
    "MESSAGE user ",
    'SYSTEM """x\n',
    "top_k 4\n",
    "PAR",
]


def structure(parsed: ParsedModelfile) -> tuple[object, ...]:
    return (parsed.instructions, parsed.comments, parsed.problems)


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, Edit]:
    text = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    inserted = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=4)))
    return text, Edit(start, end, inserted)


@settings(max_examples=1500, deadline=None)
@given(edits())
def test_reparse_equals_a_full_parse(case: tuple[str, Edit]) -> None:
    text, edit = case
    new_text = text[: edit.start] + edit.inserted + text[edit.end :]
    reparsed = reparse(parse(text), edit, new_text)
    if reparsed is not None:
        assert structure(reparsed) == structure(parse(new_text))


def test_most_edits_are_incremental() -> None:
    text = TEXTS[-2]
    at = text.index("# c") + 2
    assert reparse(parse(text), Edit(at, at, "x"), text[:at] + "x" + text[at:]) is not None
    # Opening a quote that never closes changes everything after it: a full parse.
    at = text.index("PARAMETER")
    edit = Edit(at, at, 'SYSTEM """\n')
    assert reparse(parse(text), edit, text[:at] + edit.inserted + text[at:]) is None


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
