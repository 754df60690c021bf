"""Formatting: canonical keyword case and spacing, never a change in what Ollama reads."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelfile_ls.features import format_edits, format_text
from modelfile_ls.syntax import Span, parse, parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict
from tests.conftest import corpus_files, corpus_params
from tests.syntax.reference_parser import parse_file

CASES = [
    ("from llama3.2\n", "FROM llama3.2\n"),
    ("From   llama3.2   \n", "FROM llama3.2\n"),
    ("FROM\tllama3.2\t\n", "FROM llama3.2\n"),
    ("parameter\ttemperature\t\t0.7  \n", "PARAMETER temperature 0.7\n"),
    ("Message user    héllo 😀  \r\n", "MESSAGE user héllo 😀\r\n"),
    ('system    """a\n  b  \n"""   \n', 'SYSTEM """a\n  b  \n"""\n'),
    ('SYSTEM "  padded  "  ', 'SYSTEM "  padded  "'),
    # Empty values keep exactly one space: `SYSTEM` followed by a line break is an error.
    ("SYSTEM   \nFROM x\n", "SYSTEM \nFROM x\n"),
    ("PARAMETER stop \t \n", "PARAMETER stop \n"),
    # Case-sensitive parts and the meaningful double space are left alone.
    (
        "PARAMETER Temperature 0.7\nMESSAGE User hi\n",
        "PARAMETER Temperature 0.7\nMESSAGE User hi\n",
    ),
    ("parameter  temperature 0.7 \n", "PARAMETER  temperature 0.7 \n"),
    # Comments, indentation and trailing comments inside values are not touched.
    ("  # note  \n\tfrom x # base  \n", "  # note  \n\tFROM x # base\n"),
    # Instructions Ollama rejects only get their keyword's case.
    ('system   "open\nmore  ', 'SYSTEM   "open\nmore  '),
    ("from: x  \n", "from: x  \n"),
    ("system\n", "SYSTEM\n"),
    # Invisible runes are value text to Ollama (dropped later): never part of the separator.
    ("SYSTEM \u200b  x\n", "SYSTEM \u200b  x\n"),
]


@pytest.mark.parametrize(("before", "after"), CASES)
def test_format(before: str, after: str) -> None:
    parsed = parse(before)
    assert format_text(parsed) == after
    assert ollama_verdict(parse(after)) == ollama_verdict(parsed)
    assert format_text(parse(after)) == after


def test_edits_are_ordered_and_disjoint() -> None:
    edits = format_edits(parse("from  x  \nparameter\ttop_k  40\n"))
    assert [e.span for e in edits] == sorted(e.span for e in edits)
    for first, second in itertools.pairwise(edits):
        assert first.span.end <= second.span.start


def test_range_formatting_touches_only_overlapping_instructions() -> None:
    text = "from x\nfrom y\nfrom z\n"
    edits = format_edits(parse(text), Span(8, 9))
    assert [text[e.span.start : e.span.end] for e in edits] == ["from"]
    assert edits[0].span.start == 7


@pytest.mark.parametrize("path", corpus_params(corpus_files(), ids=lambda p: p.name))
def test_corpus_keeps_ollamas_view(path: Path) -> None:
    parsed = parse_bytes(path.read_bytes())
    formatted = format_text(parsed)
    assert ollama_verdict(parse(formatted)) == ollama_verdict(parsed)
    assert format_text(parse(formatted)) == formatted


PIECES = [
    "FROM", "from", "PARAMETER", "parameter", "MESSAGE", "SYSTEM", "system", "TEMPLATE",
    "LICENSE", "ADAPTER", "REQUIRES", "BADCMD", "user", "User", "temperature", "stop",
    "llama3.2", " ", "  ", "\t", "\n", "\r\n", "\r", '"', '"""', "#", " # c", "x", "0.5",
    ":", "\u00a0", "\u200b", "\ufeff", "é", "😀", "{{ .Prompt }}", "\\",
]  # fmt: skip


def reference(text: str) -> object:
    commands, error = parse_file(text)
    return error if error is not None else commands


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_documents_keep_ollamas_view(text: str) -> None:
    formatted = format_text(parse(text))
    # Judged by the literal port of Ollama's parser, not only by our scanner.
    assert reference(formatted) == reference(text)
    assert format_text(parse(formatted)) == formatted
