"""Registry elements and drafts through the language server, with VS Code's and Neovim's
capabilities and a registry seeded in tmp_path: completion of stored elements, "Save as
element" (code action, arguments, questions), the preview of what a save stores, "New
Modelfile from Elements" (composed, opened, accepted by Ollama, round-tripping through save and
compose byte for byte), and drafts saved, listed and reopened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.uris import to_fs_path

from modelfile_ls.lsp.element_commands import ELEMENT_COMMANDS
from modelfile_ls.registry import open_registry
from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict
from modelfile_ls.vocabulary import (
    COMMAND_TITLES,
    NEW_FROM_ELEMENTS,
    OPEN_DRAFT,
    PREVIEW_ELEMENTS,
    PREVIEW_PROMPT,
    SAVE_AS_ELEMENT,
    SAVE_DRAFT,
    SAVE_ELEMENT,
)
from tests.lsp.conftest import Session, Start

CODER = (
    "FROM qwen2.5-coder:7b\n"
    'TEMPLATE """{{- range .Messages }}<|im_start|>{{ .Role }}\n'
    "{{ .Content }}<|im_end|>\n"
    '{{ end }}<|im_start|>assistant\n"""\n'
    'SYSTEM """You are a senior code assistant. Answer with working code first,\n'
    'then one short paragraph on why it works."""\n'
    "PARAMETER temperature 0.2\n"
    "PARAMETER num_ctx 8192\n"
    "PARAMETER stop <|im_end|>\n"
)
TERSE = "SYSTEM Answer in one sentence."


@pytest.fixture
def seeded(registry_path: Path, tmp_path: Path) -> Path:
    """The registry holds `coder` (saved from coder/Modelfile) and the element `terse`."""
    path = tmp_path / "coder" / "Modelfile"
    path.parent.mkdir()
    path.write_text(CODER, encoding="utf-8")
    with open_registry(registry_path) as registry:
        registry.save_modelfile("coder", str(path), CODER.encode(), parse(CODER))
        registry.save_element(TERSE, "terse", tags=["style"], source="prompts.Modelfile")
    return path


class Asker:
    """Scripts the picks of the server's window/showMessageRequest (conftest's recorder
    answers them: a title, or None for dismissed) and lists the questions asked since."""

    def __init__(self, session: Session, *answers: str | None) -> None:
        self._recorder = session.recorder
        self.then(*answers)

    def then(self, *answers: str | None) -> Asker:
        """Answer the next questions with `answers`, listing only those questions."""
        self._mark = len(self._recorder.message_requests)
        self._recorder.message_answers[:] = list(answers)
        return self

    @property
    def asked(self) -> list[tuple[str, list[str]]]:
        """(message, choices) of each question since `then`."""
        return [
            (p.message, [a.title for a in p.actions or ()])
            for p in self._recorder.message_requests[self._mark :]
        ]


def opened_text(session: Session, result: dict[str, Any]) -> str:
    """The file the server wrote and asked the client to open."""
    assert result["shown"] is True
    assert session.client.shown_documents[-1].uri == result["uri"]
    path = to_fs_path(result["uri"])
    assert path is not None
    return Path(path).read_text(encoding="utf-8")


async def test_the_element_commands_are_registered(start: Start, seeded: Path) -> None:
    session = await start()
    provider = session.result.capabilities.execute_command_provider
    assert provider is not None
    mine = {PREVIEW_PROMPT, SAVE_ELEMENT, PREVIEW_ELEMENTS, NEW_FROM_ELEMENTS}
    mine |= {SAVE_DRAFT, OPEN_DRAFT}
    assert set(ELEMENT_COMMANDS) == mine and mine <= set(COMMAND_TITLES)
    assert mine <= set(provider.commands)


async def test_completion_offers_stored_elements_with_their_source(
    start: Start, seeded: Path
) -> None:
    session = await start()
    # Requests are answered before the registry opens; the refresh follows its opening.
    await session.log_containing("registry not refreshed")
    text = "FROM qwen2.5-coder:7b\nSYSTEM \nPARAMETER te\n"
    uri = session.open(text, "untitled:completion")
    result = await session.client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(1, 7))
    )
    assert isinstance(result, types.CompletionList)
    items = {i.label: i for i in result.items}
    assert set(items) == {"coder/system", "terse"}
    coder = items["coder/system"]
    assert coder.detail == "SYSTEM prompt from coder/Modelfile · used by 1"
    assert items["terse"].detail == "SYSTEM prompt from prompts.Modelfile"
    assert isinstance(coder.text_edit, types.TextEdit)
    assert coder.text_edit.range == types.Range(types.Position(1, 0), types.Position(1, 7))
    assert coder.text_edit.new_text == (
        'SYSTEM "You are a senior code assistant. Answer with working code first,\n'
        'then one short paragraph on why it works."'
    )
    result = await session.client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(2, 12))
    )
    assert isinstance(result, types.CompletionList)
    (parameters,) = [i for i in result.items if i.label == "coder/parameters"]
    assert isinstance(parameters.text_edit, types.TextEdit)
    assert parameters.text_edit.new_text == (
        "PARAMETER temperature 0.2\nPARAMETER num_ctx 8192\nPARAMETER stop <|im_end|>"
    )


async def test_save_as_element_from_the_code_action_asks_name_and_tags(
    start: Start, seeded: Path
) -> None:
    session = await start()
    text = "FROM qwen2.5-coder:7b\nSYSTEM You review diffs and name the riskiest change.\n"
    uri = session.open(text, (seeded.parent / "reviewer.Modelfile").as_uri())
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(1, 10), types.Position(1, 10)),
            types.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions is not None
    (save,) = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == SAVE_AS_ELEMENT]
    assert save.title == "Save SYSTEM prompt as element…"
    assert save.command is not None and save.command.command == SAVE_ELEMENT
    (arguments,) = save.command.arguments or ()
    end = session.units(text.split("\n")[1])
    assert arguments == {
        "uri": uri,
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": end}},
    }
    asker = Asker(session, "reviewer/system", "reviewer")
    result = await session.command(SAVE_ELEMENT, arguments)
    assert result["created"] is True and result["name"] == "reviewer/system"
    assert result["tags"] == ["reviewer"] and result["kind"] == "system"
    assert result["source"] == uri
    (name_question, names), (_, tags) = asker.asked
    assert name_question.startswith("modelfile-ls: Save this SYSTEM prompt (SYSTEM You review")
    assert names == ["reviewer/system", "reviewer/system-2", "reviewer/system-3"]
    assert tags == ["qwen", "reviewer", "No tags"]
    await session.shown_containing("saved SYSTEM prompt element reviewer/system")

    # Saved again: identical content keeps its name; a dismissed question stores nothing.
    again = asker.then(None)
    assert await session.command(SAVE_ELEMENT, arguments) == {"cancelled": True}
    assert again.asked[0][0] == "modelfile-ls: Tag the element reviewer/system:"


async def test_save_element_takes_name_and_tags_from_the_arguments(
    start: Start, seeded: Path
) -> None:
    session = await start()
    asker = Asker(session)
    text = "PARAMETER temperature 0.7\nPARAMETER top_p 0.9"
    result = await session.command(
        SAVE_ELEMENT, {"text": text, "name": "creative", "tags": "style, warm"}
    )
    assert (result["name"], result["kind"], result["tags"]) == (
        "creative",
        "parameters",
        ["style", "warm"],
    )
    assert asker.asked == []
    result = await session.command(SAVE_ELEMENT, {"text": "SYSTEM x", "name": "terse", "tags": []})
    assert result["error"] == "an element named 'terse' already exists; choose another"
    await session.shown_containing("already exists")


async def test_save_element_refuses_a_selection_of_several_kinds(
    start: Start, seeded: Path
) -> None:
    session = await start()
    uri = session.open(CODER, seeded.as_uri())
    selection = {"start": {"line": 0, "character": 0}, "end": {"line": 6, "character": 3}}
    result = await session.command(SAVE_ELEMENT, {"uri": uri, "range": selection})
    assert result["error"] == (
        "an element is one kind of instruction; the selection holds from, template, system"
        " (select one instruction, or only PARAMETERs, or only MESSAGEs)"
    )
    result = await session.command(SAVE_ELEMENT, {"uri": uri, "range": {"start": 1}})
    assert "`range` needs" in result["error"]
    result = await session.command(SAVE_ELEMENT, {})
    assert "give the Modelfile" in result["error"]


async def test_preview_elements_shows_what_a_save_stores(start: Start, seeded: Path) -> None:
    session = await start()
    text = CODER.replace("temperature 0.2", "temperature 0.4") + "LICENSE MIT\n"
    uri = session.open(text, "untitled:preview")
    result = await session.command(PREVIEW_ELEMENTS, {"uri": uri})
    found = [
        (e["kind"], e["exists"], (e["existing"] or {}).get("name")) for e in result["elements"]
    ]
    assert found == [
        ("from", True, "coder/from"),
        ("template", True, "coder/template"),
        ("system", True, "coder/system"),
        ("parameters", False, None),
        ("license", False, None),
    ]
    assert result["new"] == 2
    shown = await session.shown_containing("5 elements, 2 new (nothing stored yet)")
    assert "parameters: new: PARAMETER temperature 0.4 (+2 lines)" in shown.message
    selection = {"start": {"line": 10, "character": 4}, "end": {"line": 10, "character": 4}}
    result = await session.command(PREVIEW_ELEMENTS, {"uri": uri, "range": selection})
    assert [e["kind"] for e in result["elements"]] == ["license"]
    result = await session.command(PREVIEW_ELEMENTS, {"text": 'SYSTEM """never closed'})
    assert result["error"].startswith("Ollama cannot parse this text:")


async def test_new_from_elements_composes_opens_and_round_trips(
    start: Start, seeded: Path, registry_path: Path, tmp_path: Path
) -> None:
    session = await start()
    target = tmp_path / "assistant" / "Modelfile"
    target.parent.mkdir()
    result = await session.command(
        NEW_FROM_ELEMENTS,
        {
            "base": "qwen2.5-coder:14b",
            "elements": ["coder/template", "terse", "coder/parameters"],
            "path": str(target),
        },
    )
    text = result["text"]
    assert result["uri"] == target.as_uri() and opened_text(session, result) == text
    assert ollama_verdict(parse_bytes(target.read_bytes()))["ok"] is True
    with open_registry(registry_path) as registry:
        template, parameters = (
            registry.element(n).content for n in ("coder/template", "coder/parameters")
        )
        assert text == f"FROM qwen2.5-coder:14b\n\n{template}\n\n{TERSE}\n\n{parameters}\n"
        registry.save_modelfile("assistant", str(target), text.encode(), parse(text))
        assert registry.compose(modelfile="assistant") == text
    again = await session.command(NEW_FROM_ELEMENTS, {"modelfile": "assistant", "elements": []})
    assert again["text"] == text and opened_text(session, again) == text
    result = await session.command(
        NEW_FROM_ELEMENTS, {"base": "x", "elements": [], "path": str(target)}
    )
    assert result["error"] == f"{target} exists; give another path"


async def test_new_from_elements_asks_base_then_elements_by_kind(
    start: Start, seeded: Path
) -> None:
    session = await start()
    asker = Asker(
        session,
        "qwen2.5-coder:7b",
        "coder/template",
        "terse",
        "No PARAMETER set",
    )
    result = await session.command(NEW_FROM_ELEMENTS)
    assert [question for question, _ in asker.asked] == [
        "modelfile-ls: New Modelfile from elements: the base model",
        "modelfile-ls: TEMPLATE for the new Modelfile:",
        "modelfile-ls: SYSTEM prompt for the new Modelfile:",
        "modelfile-ls: PARAMETER set for the new Modelfile:",
    ]
    assert asker.asked[2][1] == ["coder/system", "terse", "No SYSTEM prompt"]
    assert result["elements"] == ["coder/template", "terse"]
    text = opened_text(session, result)
    assert text.startswith("FROM qwen2.5-coder:7b\n\nTEMPLATE") and "PARAMETER" not in text
    assert ollama_verdict(parse(text))["ok"] is True
    cancelled = asker.then(None)
    assert await session.command(NEW_FROM_ELEMENTS) == {"cancelled": True}
    assert len(cancelled.asked) == 1


async def test_drafts_are_saved_listed_and_reopened(start: Start, seeded: Path) -> None:
    session = await start()
    result = await session.command(OPEN_DRAFT)
    assert result["error"] == "no drafts yet: Save as Draft keeps an open Modelfile"
    text = "FROM qwen2.5-coder:7b\nSYSTEM half-writ"
    uri = session.open(text, "untitled:Untitled-7")
    first_save = await session.command(SAVE_DRAFT, {"uri": uri})
    assert (first_save["name"], first_save["text"], first_save["source_uri"]) == (
        "untitled",
        text,
        uri,
    )
    await session.shown_containing("saved draft untitled")
    session.change(uri, types.TextDocumentContentChangeWholeDocument(text + "ten\n"))
    second = await session.command(SAVE_DRAFT, {"uri": uri})
    assert (second["id"], second["name"]) == (first_save["id"], "untitled")
    named = await session.command(SAVE_DRAFT, {"uri": uri, "name": "wip"})
    assert named["name"] == "wip"

    asker = Asker(session, "untitled")
    reopened = await session.command(OPEN_DRAFT)
    assert asker.asked == [("modelfile-ls: Open the draft:", ["wip", "untitled"])]
    assert opened_text(session, reopened) == text + "ten\n"
    assert reopened["uri"].endswith("/Modelfile")
    result = await session.command(OPEN_DRAFT, {"name": "nope"})
    assert result["error"] == "no draft 'nope' (see `modelfile-ls drafts list`)"
