"""The two comment syntaxes each have one home: the suppression comment
(`analysis.suppression_comment`) and Ollama's would-be inline comment
(`analysis.inline_comment`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modelfile_ls.analysis.inline_comment import (
    before_inline_comment,
    find_inline_comment,
    may_have_inline_comment,
)
from modelfile_ls.analysis.suppression_comment import (
    directive_comment,
    in_code_list,
    is_directive,
    parse_directive,
)
from modelfile_ls.syntax.model import Span

PACKAGE = Path(__file__).resolve().parents[2] / "modelfile_ls"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (" modelfile-ls: ignore[MF101,MF104]", ("MF101", "MF104")),
        ("modelfile-ls:ignore[ mf1 , ]  ", ("MF1",)),
        (" modelfile-ls: ignore[]", ()),
    ],
)
def test_directives_parse(text: str, codes: tuple[str, ...]) -> None:
    directive = parse_directive(text)
    assert directive is not None and directive.codes == codes
    assert text[directive.codes_start - 1] == "[" and text[directive.codes_end] == "]"


@pytest.mark.parametrize(
    "text", [" modelfile-ls: ignore[MF101", " modelfile-ls: ignore[MF1] extra", " a note", ""]
)
def test_other_comments_are_no_directives(text: str) -> None:
    assert parse_directive(text) is None


def test_written_directives_read_back() -> None:
    comment = directive_comment(["MF101", "MF9"])
    assert comment == "# modelfile-ls: ignore[MF101,MF9]"
    directive = parse_directive(comment[1:])
    assert directive is not None and directive.codes == ("MF101", "MF9")


def test_unfinished_directives_for_completion_and_hover() -> None:
    assert in_code_list(" modelfile-ls: ignore[MF1")
    assert in_code_list(" modelfile-ls: ignore[")
    assert not in_code_list(" modelfile-ls: ignore[MF1]")
    assert is_directive(" modelfile-ls: ignore[MF1") and not is_directive(" note")


def test_inline_comments() -> None:
    assert find_inline_comment("0.7 # hot") == Span(3, 5)
    assert find_inline_comment("0.7\t\t#x") == Span(3, 6)
    assert find_inline_comment("a#b") is None
    assert before_inline_comment("llama3.2  # base") == "llama3.2"
    assert before_inline_comment("llama3.2") is None
    assert may_have_inline_comment("x # y", Span(0, 5))
    assert not may_have_inline_comment("x#y #z", Span(0, 3))


def test_no_other_module_parses_these_syntaxes() -> None:
    homes = {"suppression_comment.py", "inline_comment.py"}
    patterns = [re.compile(r"ignore\\\["), re.compile(r'\[ \\t\]\+#|" #"|"\\t#"')]
    for path in PACKAGE.rglob("*.py"):
        if path.name in homes:
            continue
        source = path.read_text(encoding="utf-8")
        for pattern in patterns:
            assert not pattern.search(source), (path, pattern.pattern)
