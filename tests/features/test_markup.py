"""Markup helpers and the model helpers behind hover, lenses and links."""

from __future__ import annotations

import pytest

from modelfile_ls.features.docs import converted_text
from modelfile_ls.features.markup import Markup, code, fenced, plain, visible
from modelfile_ls.features.models import context_text, library_url, size_text
from modelfile_ls.modelname import parse_model_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x", "`x`"),
        ("a`b", "``a`b``"),
        ("`x", "`` `x ``"),
        (" ", "` `"),
        (" x ", "`  x  `"),
        ("", "(empty)"),
        ("😀", "`😀`"),
    ],
)
def test_code(text: str, expected: str) -> None:
    assert code(text) == expected


def test_fenced_outgrows_inner_fences() -> None:
    assert fenced("a\n````\nb") == "`````text\na\n````\nb\n`````"


def test_plain_and_visible() -> None:
    assert plain("**Bold** `code`") == "Bold code"
    assert visible("a\u200bb\nc") == "a\\u200bb\\nc"
    assert visible("héllo 😀") == "héllo 😀"


def test_markup_has_both_forms() -> None:
    doc = Markup()
    assert doc.documentation is None
    doc.add("**A** `b`")
    doc.add("md", "plain")
    doc.facts([("Key", "`v`", "v")])
    assert doc.markdown == "**A** `b`\n\nmd\n\n- Key: `v`"
    assert doc.plaintext == "A b\n\nplain\n\nKey: v"
    assert doc.documentation is not None and doc.documentation.plaintext == doc.plaintext


def test_library_urls() -> None:
    assert library_url(parse_model_name("llama3.2:1b")) == "https://ollama.com/library/llama3.2"
    assert library_url(parse_model_name("a/b")) == "https://ollama.com/a/b"
    assert library_url(parse_model_name("huggingface.co/o/r")) == "https://huggingface.co/o/r"
    assert library_url(parse_model_name("example.com/o/r")) is None
    assert library_url(parse_model_name("m:")) is None


def test_sizes() -> None:
    assert [size_text(v) for v in (None, 0.36, 3.21, 70.6, 405.9)] == [
        "",
        "360M",
        "3.21B",
        "70.6B",
        "406B",
    ]
    assert [context_text(v) for v in (None, 131072, 8192, 4000)] == ["", "128K", "8K", "4000"]


def test_converted_values_print_like_go() -> None:
    assert converted_text("float", 0.800000011920929) == "0.8"
    assert converted_text("bool", True) == "true"
    assert converted_text("int", 4096) == "4096"
    assert converted_text("float", float("inf")) == "inf"
