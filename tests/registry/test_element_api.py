"""The element API the editor builds on: preview before saving, saving one element with a
name and tags, elements by kind and prefix with their source, composing, and the round trip
of a composed Modelfile through save and compose (checked on the whole corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelfile_ls.registry import NotFoundError, Registry
from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict
from tests.conftest import SHARED
from tests.registry.conftest import Cli

CORPUS = SHARED / "corpus"
CODER = 'FROM qwen2.5-coder:7b\nPARAMETER temperature 0.2\nSYSTEM """You write code."""\n'


def _accepted_corpus() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not present: the round trip needs the shared corpus")
    files = []
    for path in sorted((CORPUS / "modelfiles").iterdir()):
        expected = json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())
        if expected["ok"]:
            files.append(path)
    return files


def test_preview_marks_what_is_stored_and_stores_nothing(registry: Registry) -> None:
    registry.save_modelfile("coder", "/p/coder", CODER.encode(), parse(CODER))
    before = registry.stats()["elements"]
    text = CODER.replace("0.2", "0.7") + "LICENSE MIT\n"
    preview = registry.preview(text)
    assert [(p.kind, p.existing.name if p.existing else None) for p in preview] == [
        ("from", "coder/from"),
        ("parameters", None),
        ("system", "coder/system"),
        ("license", None),
    ]
    assert preview[1].content == "PARAMETER temperature 0.7"
    assert preview[1].to_json()["exists"] is False
    assert registry.stats()["elements"] == before
    # A selection needs no FROM; text Ollama cannot parse is refused with its error.
    assert [p.kind for p in registry.preview('SYSTEM "hi"')] == ["system"]
    with pytest.raises(ValueError, match="unexpected EOF"):
        registry.preview('SYSTEM """open')


def test_save_element_with_name_tags_and_source(registry: Registry) -> None:
    saved = registry.save_element(
        "SYSTEM You review pull requests.", "reviewer", tags=["code", "review"], source="untitled:1"
    )
    assert saved.created
    element = saved.element
    assert (element.kind, element.name, element.tags, element.source) == (
        "system",
        "reviewer",
        ("code", "review"),
        "untitled:1",
    )
    again = registry.save_element('SYSTEM "You review pull requests."', "other", tags=["team"])
    assert not again.created and again.element.name == "reviewer"  # same content, stored once
    assert again.element.tags == ("code", "review", "team")
    params = registry.save_element("PARAMETER top_k 20\nPARAMETER top_p 0.5\n", "sampling")
    assert params.element.kind == "parameters"
    with pytest.raises(ValueError, match="already exists"):
        registry.save_element("SYSTEM something else", "reviewer")
    with pytest.raises(ValueError, match="one kind of instruction; the text holds from, system"):
        registry.save_element("FROM x\nSYSTEM y\n", "two")
    with pytest.raises(ValueError, match="needs a name"):
        registry.save_element("SYSTEM y", "  ")


def test_elements_by_kind_and_prefix(registry: Registry) -> None:
    registry.save_modelfile("coder", "/p/coder", CODER.encode(), parse(CODER))
    registry.save_element("SYSTEM You are terse.", "terse", source="/p/terse")
    registry.save_element("SYSTEM Be kind.", "kind")
    systems = registry.elements_by_prefix("You", "system")
    assert [e.name for e in systems] == ["coder/system", "terse"]  # used ones first
    assert systems[1].source == "/p/terse" and systems[0].source == "/p/coder"
    assert [e.name for e in registry.elements_by_prefix("ter")] == ["terse"]
    assert [e.name for e in registry.elements_by_prefix("temperature", "parameters")] == [
        "coder/parameters"
    ]
    assert registry.elements_by_prefix("100%_") == []  # LIKE wildcards are literal
    assert len(registry.elements_by_prefix("", limit=2)) == 2


def test_compose_api(registry: Registry) -> None:
    registry.save_modelfile("coder", "/p/coder", CODER.encode(), parse(CODER))
    registry.save_element("SYSTEM Be terse.", "terse")
    text = registry.compose(["terse"], modelfile="coder", from_="llama3.2")
    assert text == "FROM llama3.2\n\nSYSTEM Be terse.\n\nPARAMETER temperature 0.2\n"
    with pytest.raises(NotFoundError, match="no saved Modelfile"):
        registry.compose(modelfile="nope")
    with pytest.raises(ValueError, match="nothing to compose"):
        registry.compose()
    with pytest.raises(ValueError, match="rejected by Ollama: no FROM line"):
        registry.compose(["terse"])


def test_composed_corpus_files_round_trip_byte_for_byte(registry: Registry) -> None:
    files = _accepted_corpus()
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        name = path.stem
        registry.save_modelfile(name, str(path), data, parse_bytes(data))
        composed = registry.compose(modelfile=name)
        verdict = ollama_verdict(parse(composed))
        assert verdict["ok"] is True, (path, verdict)
        registry.save_modelfile(f"{name}-again", "/composed", composed.encode(), parse(composed))
        assert registry.compose(modelfile=f"{name}-again") == composed, path
        original = ollama_verdict(parse_bytes(data))["commands"]
        assert sorted(map(json.dumps, verdict["commands"])) == sorted(map(json.dumps, original))


def test_save_preview_cli(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "coder.Modelfile"
    source.write_text(CODER)
    assert cli("save", str(source)).code == 0
    changed = tmp_path / "changed.Modelfile"
    changed.write_text(CODER.replace("0.2", "0.9"))
    table = cli("save", str(changed), "--preview")
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0] == f"{changed}: 3 elements, 1 new (preview: nothing stored)"
    assert lines[1].split() == ["KIND", "STORED", "CONTENT"]
    assert lines[2].split()[:3] == ["from", "yes", "(coder/from)"]
    assert lines[3].split()[:2] == ["parameters", "new"]
    as_json = json.loads(cli("save", str(changed), "--preview", "--format", "json").out)
    assert [p["exists"] for p in as_json] == [True, False, True]
    selection = json.loads(
        cli("save", str(changed), "--preview", "--lines", "2", "--format", "json").out
    )
    assert [p["kind"] for p in selection] == ["parameters"]
    assert json.loads(cli("modelfiles", "--format", "json").out)[0]["name"] == "coder"
    assert len(json.loads(cli("modelfiles", "--format", "json").out)) == 1  # nothing stored
    assert cli("save", str(changed), "--preview", "--lines", "9-12").code == 2
    assert cli("save", str(changed), "--lines", "2").code == 2
    broken = tmp_path / "broken"
    broken.write_text('FROM x\nSYSTEM """open\n')
    failed = cli("save", str(broken), "--preview")
    assert failed.code == 1 and "unexpected EOF" in failed.err


def test_save_element_and_prefix_listing_cli(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "prompt.txt"
    source.write_text("FROM x\nSYSTEM You are a careful reviewer.\n")
    result = cli("save-element", str(source), "--lines", "2", "--name", "reviewer", "--tag", "code")
    assert (result.code, result.out) == (0, "saved system element reviewer (id 1)\n")
    again = cli("save-element", str(source), "--lines", "2", "--name", "x", "--format", "json")
    data = json.loads(again.out)
    assert data["created"] is False and data["name"] == "reviewer"
    assert data["source"] == str(source.resolve()) and data["tags"] == ["code"]
    listed = json.loads(cli("elements", "--prefix", "You are", "--format", "json").out)
    assert [e["name"] for e in listed] == ["reviewer"]
    both = cli("save-element", str(source), "--name", "both")
    assert both.code == 1 and "one kind of instruction" in both.err
