"""The tree-sitter grammar and the Ollama-exact lexer agree on every file Ollama accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.tree import parse_tree, sexp, tree_commands
from tests.conftest import CORPUS, corpus_files, corpus_params

ACCEPTED = [
    path
    for path in corpus_files()
    if json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())["ok"]
]


@pytest.mark.parametrize("path", corpus_params(ACCEPTED, ids=lambda p: p.stem))
def test_tree_matches_lexer_on_accepted_corpus(path: Path) -> None:
    parsed = parse_bytes(path.read_bytes())
    tree = parse_tree(parsed.text)
    assert not tree.root_node.has_error
    assert tree_commands(parsed.text) == [(i.command_name, i.args) for i in parsed.instructions]


def test_broken_line_leaves_the_rest_structured() -> None:
    text = "FROM llama3.2\nBADCMD x\nPARAMETER temperature 0.5\n"
    assert tree_commands(text)[-1] == ("temperature", "0.5")
    assert parse(text).instructions[-1].name == "temperature"


def test_sexp_names_fields() -> None:
    assert "keyword: (keyword" in sexp("FROM x\n")
