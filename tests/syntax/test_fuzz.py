"""Random Modelfiles: the fast scanner agrees with the literal port of Ollama's parser, and
parsing plus analysis never raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis import analyze
from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict
from tests.conftest import corpus_files
from tests.syntax.reference_parser import parse_file

PIECES = [
    "FROM", "from", "PARAMETER", "MESSAGE", "SYSTEM", "TEMPLATE", "LICENSE", "ADAPTER",
    "REQUIRES", "DRAFT", "RENDERER", "PARSER", "BADCMD", "user", "system", "assistant",
    "User", "temperature", "stop", "top-k", "llama3.2", " ", "  ", "\t", "\n", "\r\n", "\r",
    '"', '"""', "#", " # c", "x", "0.5", ":", "\u00a0", "\u200b", "\ufeff", "\x00", "\x07",
    "é", "😀", "{{ .Prompt }}", "\\",
]  # fmt: skip

documents = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
instruction_lines = st.lists(
    st.tuples(
        st.sampled_from(["FROM", "PARAMETER", "MESSAGE", "SYSTEM", "TEMPLATE", "from", "X"]),
        st.sampled_from([" ", "\t", "  ", ""]),
        st.lists(st.sampled_from(PIECES[13:]), max_size=6).map("".join),
        st.sampled_from(["\n", "\r\n", "", "\r"]),
    ).map("".join),
    max_size=12,
).map("".join)


def reference_verdict(text: str) -> dict[str, object]:
    commands, error = parse_file(text)
    if error is not None:
        return {"ok": False, "error": error}
    assert commands is not None
    return {"ok": True, "commands": [{"name": n, "args": a} for n, a in commands]}


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, instruction_lines))
def test_scanner_matches_reference(text: str) -> None:
    parsed = parse(text)
    assert ollama_verdict(parsed) == reference_verdict(text)
    # The analysis takes a parse without problems to have no failed instruction
    # (`RuleContext.valid_instructions`).
    assert parsed.problems or not any(i.has_error for i in parsed.instructions)
    # The rules read the value (MF106, MF304, the verdict keys) and a PARAMETER's name (MF108)
    # of every clean instruction that must have one without asking.
    valued = ("PARAMETER", "SYSTEM", "TEMPLATE")
    clean = [i for i in parsed.instructions if not i.has_error]
    assert all(i.value is not None for i in clean if i.effective_keyword in valued)
    assert all(i.name_span is not None for i in clean if i.keyword == "PARAMETER")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_matches_reference(text: str) -> None:
    assert ollama_verdict(parse(text)) == reference_verdict(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_parse_and_analyze(data: bytes) -> None:
    parsed = parse_bytes(data)
    findings = analyze(parsed, base_dir=Path("/nonexistent-modelfile-ls"))
    assert not [f for f in findings if f.code == "MF901"]
    for finding in findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(parsed.text)


MUTATION_SOURCES = [p.read_bytes() for p in corpus_files()[::10]]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(MUTATION_SOURCES or [b"FROM x\n"]),
    st.integers(min_value=0),
    st.binary(max_size=8),
    st.integers(min_value=0, max_value=16),
)
def test_mutated_corpus_files(source: bytes, at: int, insert: bytes, cut: int) -> None:
    position = at % (len(source) + 1)
    data = source[:position] + insert + source[position + cut :]
    parsed = parse_bytes(data)
    assert ollama_verdict(parsed) == reference_verdict(parsed.text)
    findings = analyze(parsed, base_dir=Path("/nonexistent-modelfile-ls"))
    assert not [f for f in findings if f.code == "MF901"]
