"""The tree-sitter grammar and the Ollama-exact lexer agree on every file Ollama accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tree_sitter import Node

from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.lexer import visible_text
from modelfile_ls.syntax.tree import parse_tree, sexp
from tests.conftest import CORPUS, corpus_files, corpus_params


def tree_commands(text: str) -> list[tuple[str, str]]:
    """Ollama's (command name, args) for each instruction, read from the tree (what an editor
    that only has the grammar would conclude)."""
    commands = []
    for node in parse_tree(text).root_node.named_children:
        if node.type == "comment":
            continue
        kind = node.type.removesuffix("_instruction")
        value = node.child_by_field_name("value")
        args = visible_text(_value_text(value)) if value is not None else ""
        if kind == "from":
            commands.append(("model", args))
        elif kind == "parameter":
            name = node.child_by_field_name("name")
            commands.append((_text(name) if name else "", args))
        elif kind == "message":
            role = node.child_by_field_name("role")
            commands.append(("message", f"{_text(role) if role else ''}: {args}"))
        else:
            commands.append((kind, args))
    return commands


def _value_text(value: Node) -> str:
    if not value.named_children:
        return ""
    inner = value.named_children[0]
    if inner.type == "unquoted_value":
        return _text(inner)
    content = inner.child_by_field_name("content")
    return _text(content) if content is not None else ""


def _text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")


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
