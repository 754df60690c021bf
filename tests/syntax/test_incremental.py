"""The incremental re-parse equals a full parse for any edit and says truthfully what it reused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.syntax import (
    Instruction,
    ParsedModelfile,
    Quoting,
    incremental,
    parse,
    parse_bytes,
)
from modelfile_ls.syntax.incremental import Edit, reparse
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
    # Runes Ollama drops (an invisible one starts a broken instruction) and a bare CR.
    "\u200b",
    "\ufeff",
    "\xa0",
    "0",
    "\n\u200b",
    "\r\u200b",
    "FROM ",
    "PARAMETER ",
    "MESSAGE user ",
    'SYSTEM """x\n',
    "top_k 4\n",
    "PAR",
]


def structure(parsed: ParsedModelfile) -> tuple[object, ...]:
    return (parsed.instructions, parsed.comments, parsed.problems)


def assert_reuse_is_truthful(old: ParsedModelfile, new: ParsedModelfile) -> None:
    """`reuse` says which instructions are the old ones: the same before the edit, the same
    moved by `delta` after it; the text before the edit where it was, after it `delta` later."""
    assert new.reuse is not None
    kept, removed, added, delta, start, end = new.reuse
    assert new.text[:start] == old.text[:start]
    assert new.text[end + delta :] == old.text[end:]
    assert len(new.text) == len(old.text) + delta
    assert len(new.instructions) == len(old.instructions) - removed + added
    assert new.instructions[:kept] == old.instructions[:kept]
    after_old = old.instructions[kept + removed :]
    after_new = new.instructions[kept + added :]
    assert [(i.keyword, i.span.start + delta, i.span.end + delta) for i in after_old] == [
        (i.keyword, i.span.start, i.span.end) for i in after_new
    ]


def apply(text: str, edit: Edit) -> str:
    return text[: edit.start] + edit.inserted + text[edit.end :]


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and one to three edits in turn: an earlier edit makes the lines (an invisible
    rune alone, a bare CR) that a later one edits next to."""
    text = draw(st.sampled_from(TEXTS))
    sequence, length = [], len(text)
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, length))
        end = draw(st.integers(start, min(length, start + 40)))
        inserted = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=4)))
        sequence.append(Edit(start, end, inserted))
        length += len(inserted) - (end - start)
    return text, sequence


def _quoted_value_texts() -> list[str]:
    """Texts with multi-line quoted values, where typing inside a value takes the fast path."""
    return [t for t in TEXTS if any(_multi_line_quoted(t, i) for i in parse(t).instructions)] + [
        'FROM x\nSYSTEM """Rules:\n- be brief\n- no "quotes" here\n\tindented\n"""\nLICENSE MIT\n',
        'FROM x\r\nMESSAGE user "first\r\nsecond\r\nthird"\r\n# after\r\nPARAMETER top_k 4\r\n',
        'FROM x\nTEMPLATE """{{ .System }}\n{{ range .Messages }}\n{{ end }}\n""" \nBADWORD\n',
    ]


def _multi_line_quoted(text: str, instruction: Instruction) -> bool:
    value = instruction.value
    return (
        value is not None
        and value.quoting is not Quoting.NONE
        and value.close_span is not None
        and "\n" in text[value.span.start : value.span.end]
    )


QUOTED_VALUE_TEXTS = [(t, parse(t)) for t in _quoted_value_texts()]


@st.composite
def value_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text, parsed = draw(st.sampled_from(QUOTED_VALUE_TEXTS))
    values = [i.value for i in parsed.instructions if _multi_line_quoted(text, i)]
    value = draw(st.sampled_from(values))
    assert value is not None
    start = draw(st.integers(value.span.start, value.span.end))
    end = draw(st.integers(start, min(value.span.end, start + 12)))
    inserted = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3)))
    return text, [Edit(start, end, inserted)]


def assert_each_reparse_equals_a_full_parse(text: str, sequence: list[Edit]) -> None:
    """Apply the edits in turn, each to the previous result (incremental when it can be)."""
    old = parse(text)
    for edit in sequence:
        text = apply(text, edit)
        full = parse(text)
        reparsed = reparse(old, edit, text)
        if reparsed is not None:
            assert structure(reparsed) == structure(full)
            assert_reuse_is_truthful(old, reparsed)
        old = reparsed or full


@settings(max_examples=3000, deadline=None)
@given(st.one_of(edits(), value_edits()))
def test_reparse_equals_a_full_parse(case: tuple[str, list[Edit]]) -> None:
    """Any edits, and edits inside multi-line quoted values (the fast path) in particular."""
    assert_each_reparse_equals_a_full_parse(*case)


CLEAN_CHAT = parse_bytes(
    (Path(__file__).parent.parent / "golden" / "cases" / "clean-chat.Modelfile").read_bytes()
).text


@pytest.mark.parametrize(
    ("text", "sequence"),
    [
        # A zero-length instruction (a ZWSP alone on a line) just before the edit keeps its
        # UNKNOWN_KEYWORD problem, which sits at the instruction's end.
        (CLEAN_CHAT, [Edit(34, 64, "\n\u200b"), Edit(0, 0, ""), Edit(37, 37, "")]),
        # `\u200b0` scans from the ZWSP though its span starts at `0`: deleting up to the `0`
        # makes it a plain unknown keyword (after a bare CR, on the next Ollama line).
        (
            'from llama3.2\r\nPARAMTER top_k 40\r\nTEMPLATE """{{ if .system }}{{ .System }}\r\n'
            '{{ foo .Prompt }}"""\r\nREQUIRES >= 0.1.24\r\nPARSER qwen-3\r\nSYSTEM ""\r\n'
            "SYSTEM a\xa0b\r\n",
            [Edit(30, 31, "\r\n\u200b"), Edit(14, 33, "")],
        ),
    ],
)
def test_edits_next_to_an_instruction_started_by_an_invisible_rune(
    text: str, sequence: list[Edit]
) -> None:
    assert_each_reparse_equals_a_full_parse(text, sequence)


def test_typing_in_a_long_prompt_reads_only_that_value_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = 'FROM x\nSYSTEM """Rules:\n- be brief\n- be kind\n"""\nPARAMETER top_k 4\n'
    at = text.index("brief") + 5
    edit = Edit(at, at, "er😀")
    monkeypatch.setattr(incremental, "scan", _no_scan)
    reparsed = reparse(parse(text), edit, apply(text, edit))
    assert reparsed is not None and reparsed.reuse == (1, 1, 1, 3, at, at)
    assert reparsed.instructions[1].value is not None
    assert reparsed.instructions[1].value.text == "Rules:\n- be briefer😀\n- be kind\n"
    assert structure(reparsed) == structure(parse(apply(text, edit)))


def test_most_edits_are_incremental() -> None:
    text = TEXTS[-2]
    at = text.index("# c") + 2
    assert reparse(parse(text), Edit(at, at, "x"), text[:at] + "x" + text[at:]) is not None
    # Opening a quote that never closes changes everything after it: a full parse.
    at = text.index("PARAMETER")
    edit = Edit(at, at, 'SYSTEM """\n')
    assert reparse(parse(text), edit, text[:at] + edit.inserted + text[at:]) is None


def _no_scan(text: str) -> object:
    raise AssertionError(f"the edit should not rescan {len(text)} characters")


@pytest.mark.parametrize("text", TEXTS[:40])
def test_moved_instructions_are_those_of_the_text_shifted(text: str) -> None:
    """`Instruction.moved` (and `Value.moved`, `Span.moved` under it) is what a full parse
    gives when spaces before the document push every instruction later."""
    assert tuple(i.moved(3) for i in parse(text).instructions) == parse("   " + text).instructions
