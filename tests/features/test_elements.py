"""Elements in the editor without the protocol: the text a selection stores, the "Save as
element" actions, names, sources, the preview summary, and completion of stored elements."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelfile_ls.features import complete
from modelfile_ls.features.elements import (
    element_actions,
    preview_summary,
    selected_text,
    source_label,
    stem_of,
    suggested_names,
)
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import parse
from modelfile_ls.syntax.model import Span
from modelfile_ls.vocabulary import PREVIEW_ELEMENTS, SAVE_AS_ELEMENT, SAVE_ELEMENT
from tests.features.conftest import cursor

CODER = (
    "FROM qwen2.5-coder:7b\n"
    "SYSTEM You are a careful code assistant.\n"
    "PARAMETER temperature 0.2\n"
    "PARAMETER num_ctx 8192\n"
    'TEMPLATE """{{ .Prompt }}"""\n'
)


@pytest.fixture
def stored(bare_registry: Registry, tmp_path: Path) -> Registry:
    """A registry holding the elements of CODER, saved as `coder`."""
    path = tmp_path / "coder" / "Modelfile"
    bare_registry.save_modelfile("coder", str(path), CODER.encode(), parse(CODER))
    return bare_registry


def span_of(text: str, start: str, end: str | None = None) -> Span:
    first = text.index(start)
    last = text.index(end) + len(end) if end is not None else first
    return Span(first, last)


def test_a_cursor_selects_its_instruction_and_a_selection_whole_instructions() -> None:
    parsed = parse(CODER)
    assert selected_text(parsed, span_of(CODER, "careful")) == (
        span_of(CODER, "SYSTEM", "assistant."),
        "SYSTEM You are a careful code assistant.",
    )
    found = selected_text(parsed, span_of(CODER, "perature", "num_"))
    assert found is not None
    assert found[1] == "PARAMETER temperature 0.2\nPARAMETER num_ctx 8192"
    assert selected_text(parse("FROM x\n\n"), Span(7, 7)) is None


def test_save_as_element_for_one_kind_and_a_preview_for_any_selection() -> None:
    parsed = parse(CODER)
    (save,) = element_actions(parsed, span_of(CODER, "careful"))
    assert (save.title, save.kind, save.command) == (
        "Save SYSTEM prompt as element…",
        SAVE_AS_ELEMENT,
        SAVE_ELEMENT,
    )
    assert save.span == span_of(CODER, "SYSTEM", "assistant.")
    save, preview = element_actions(parsed, span_of(CODER, "temp", "8192"))
    assert save.title == "Save PARAMETER set (2 lines) as element…"
    assert preview.command == PREVIEW_ELEMENTS and preview.span == save.span
    (preview,) = element_actions(parsed, span_of(CODER, "FROM", "careful"))
    assert preview.command == PREVIEW_ELEMENTS
    assert preview.span == span_of(CODER, "FROM", "assistant.")


def test_element_actions_follow_only_and_skip_blank_lines_and_errors() -> None:
    parsed = parse(CODER)
    at = span_of(CODER, "careful")
    assert element_actions(parsed, at, only=["quickfix"]) == []
    assert len(element_actions(parsed, at, only=["refactor"])) == 1
    assert len(element_actions(parsed, at, only=[SAVE_AS_ELEMENT])) == 1
    assert element_actions(parse("FROM x\n\nSYSTEM hi\n"), Span(7, 7)) == []
    assert element_actions(parse("FROM x\nPARAMETER\n"), Span(9, 9)) == []


def test_sources_names_and_stems() -> None:
    assert source_label("/home/me/coder/Modelfile") == "coder/Modelfile"
    assert source_label("file:///home/me/my%20coder/Modelfile") == "my coder/Modelfile"
    assert source_label("untitled:Untitled-1") == "untitled:Untitled-1"
    assert source_label("Modelfile") == "Modelfile"
    assert source_label("") == "unknown source"
    assert stem_of("file:///home/me/coder/Modelfile") == "coder"
    assert stem_of("file:///home/me/coder.Modelfile") == "coder"
    assert stem_of("file:///home/me/Modelfile.reviewer") == "reviewer"
    assert stem_of("untitled:Untitled-2") == "Untitled-2"
    taken = {"coder/system", "coder/system-2"}
    assert suggested_names("coder", "system", "ab" * 32, taken.__contains__) == [
        "coder/system-3",
        "coder/system-4",
        "coder/system-5",
    ]
    assert suggested_names("x", "system", "ab" * 32, lambda name: name != "system-abababab") == [
        "system-abababab"
    ]


def test_preview_summary_says_what_exists(stored: Registry) -> None:
    found = stored.preview(CODER.replace("careful", "terse"))
    assert preview_summary(found).split("\n") == [
        "4 elements, 1 new (nothing stored yet):",
        "from: stored as coder/from: FROM qwen2.5-coder:7b",
        "system: new: SYSTEM You are a terse code assistant.",
        "parameters: stored as coder/parameters: PARAMETER temperature 0.2 (+1 lines)",
        "template: stored as coder/template: TEMPLATE {{ .Prompt }}",
    ]


def stored_items(registry: Registry | None, marked: str) -> list[tuple[str, str, str, str]]:
    text, offset = cursor(marked)
    found = complete(parse(text), offset, registry=registry)
    return [
        (c.label, c.insert_text, c.detail, text[c.replace_span.start : c.replace_span.end])
        for c in found.items
        if c.sort_text.startswith("~")
    ]


def test_completion_offers_stored_elements_of_the_kind_at_the_cursor(stored: Registry) -> None:
    detail = " from coder/Modelfile · used by 1"
    system = "SYSTEM You are a careful code assistant."
    assert stored_items(stored, "FROM x\nSYSTEM ‸\n") == [
        ("coder/system", system, "SYSTEM prompt" + detail, "SYSTEM ")
    ]
    assert stored_items(stored, "FROM x\nSYSTEM You‸ # x\n") == [
        ("coder/system", system, "SYSTEM prompt" + detail, "SYSTEM You # x")
    ]
    assert stored_items(stored, "FROM x\nSYSTEM cod‸\n")[0][0] == "coder/system"
    assert stored_items(stored, "FROM x\nSYSTEM Nothing‸\n") == []
    assert stored_items(stored, "FROM x\nTEMPLATE ‸\n") == [
        ("coder/template", "TEMPLATE {{ .Prompt }}", "TEMPLATE" + detail, "TEMPLATE ")
    ]
    parameters = "PARAMETER temperature 0.2\nPARAMETER num_ctx 8192"
    assert stored_items(stored, "FROM x\nPARAMETER te‸\n") == [
        ("coder/parameters", parameters, "PARAMETER set" + detail, "PARAMETER te")
    ]


def test_elements_come_after_the_language_and_match_what_the_client_filters(
    stored: Registry,
) -> None:
    text, offset = cursor("FROM x\nPARAMETER te‸\n")
    items = complete(parse(text), offset, registry=stored).items
    assert "temperature" in [i.label for i in items] and items[-1].label == "coder/parameters"
    assert max(i.sort_text for i in items[:-1]) < items[-1].sort_text
    assert items[-1].filter_text == "PARAMETER temperature 0.2"
    text, offset = cursor("FROM x\nSYSTEM cod‸\n")
    (item,) = complete(parse(text), offset, registry=stored).items
    assert item.filter_text == "SYSTEM coder/system"
    assert item.documentation is not None
    assert "You are a careful code assistant." in item.documentation.markdown


def test_no_elements_without_a_registry_or_on_a_value_spanning_lines(stored: Registry) -> None:
    assert stored_items(None, "FROM x\nSYSTEM ‸\n") == []
    assert stored_items(stored, 'FROM x\nSYSTEM """You‸\nare"""\n') == []
    assert stored_items(stored, "FROM x\nLICENSE ‸\n") == []
