"""Drafts: the store API and `modelfile-ls drafts list|show|save|delete`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from modelfile_ls import cli as top_level
from modelfile_ls.commands.drafts import main
from modelfile_ls.registry import NotFoundError, Registry
from tests.registry.conftest import Cli, Result

HALF_WRITTEN = 'FROM llama3.2\nSYSTEM """unfinished\n'


@pytest.fixture
def drafts(capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*args: str) -> Result:
        capsys.readouterr()
        out = io.StringIO()
        code = main(list(args), out=out)
        captured = capsys.readouterr()
        return Result(code, out.getvalue() + captured.out, captured.err)

    return run


def test_store_keeps_text_as_written_and_names_untitled_ones(registry: Registry) -> None:
    first = registry.save_draft(HALF_WRITTEN, source_uri="untitled:Untitled-1")
    second = registry.save_draft("FROM x\n")
    assert (first.name, second.name) == ("untitled", "untitled-2")
    assert registry.draft("untitled").text == HALF_WRITTEN  # Ollama would reject it: kept
    assert registry.draft(str(second.id)) == second
    replaced = registry.save_draft("FROM y\n", "untitled", "file:///w/Modelfile")
    assert (replaced.id, replaced.text, replaced.source_uri) == (
        first.id,
        "FROM y\n",
        "file:///w/Modelfile",
    )
    assert replaced.created_at == first.created_at
    assert {d.name for d in registry.drafts()} == {"untitled", "untitled-2"}
    assert registry.delete_draft("untitled-2") == second
    with pytest.raises(NotFoundError, match="no draft 'untitled-2'"):
        registry.draft("untitled-2")
    with pytest.raises(ValueError, match="cannot be empty"):
        registry.save_draft("FROM x\n", " ")


def test_drafts_cli_save_list_show_delete(drafts: Cli, tmp_path: Path) -> None:
    source = tmp_path / "Modelfile"
    source.write_text(HALF_WRITTEN)
    saved = drafts("save", str(source), "--name", "wip")
    assert (saved.code, saved.out) == (0, f"saved draft wip (id 1) from {source}\n")
    listed = json.loads(drafts("list", "--format", "json").out)
    assert [(d["name"], d["source_uri"]) for d in listed] == [("wip", source.resolve().as_uri())]
    table = drafts("list").out.splitlines()
    assert table[0].split() == ["ID", "NAME", "SAVED", "LINES", "SOURCE"]
    assert table[1].split()[3] == "2"
    assert drafts("show", "wip").out == HALF_WRITTEN
    reopened = tmp_path / "reopened" / "Modelfile"
    reopened.parent.mkdir()
    assert drafts("show", "wip", "-o", str(reopened)).code == 0
    assert reopened.read_text() == HALF_WRITTEN
    assert drafts("delete", "wip").out == "deleted draft wip (id 1)\n"
    missing = drafts("show", "wip")
    assert missing.code == 1 and "no draft 'wip'" in missing.err
    assert drafts("nonsense").code == 2
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe")
    assert drafts("save", str(binary)).code == 2


def test_drafts_from_stdin_through_the_top_level_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"FROM qwen3\n"))
    monkeypatch.setattr("sys.stdin", stdin)
    assert top_level.main(["drafts", "save", "-", "--uri", "untitled:Untitled-3"]) == 0
    assert "saved draft untitled (id 1) from <stdin>" in capsys.readouterr().out
    assert top_level.main(["drafts", "show", "untitled", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["text"], shown["source_uri"]) == ("FROM qwen3\n", "untitled:Untitled-3")
