"""Tests for MF001."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_fires_on_misspelled_keyword_with_fix() -> None:
    text = "FROM llama3.2\nPARAMTER temperature 0.7\n"
    (finding,) = findings(text, "MF001")
    assert located(text, finding) == "PARAMTER"
    assert "did you mean `PARAMETER`" in finding.message
    assert finding.ollama_message is not None and finding.ollama_message.startswith("(line 2): ")
    assert apply_fix(text, finding.fixes[0]) == "FROM llama3.2\nPARAMETER temperature 0.7\n"


def test_fires_on_colon_after_keyword() -> None:
    text = "FROM: llama3.2\n"
    (finding,) = findings(text, "MF001")
    assert "must be followed by a space" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM llama3.2\n"


def test_prompt_suggests_template() -> None:
    (finding,) = findings('FROM x\nPROMPT """hi"""\n', "MF001")
    assert "TEMPLATE" in finding.message


def test_utf16_without_bom_is_explained() -> None:
    from modelfile_ls.analysis import analyze
    from modelfile_ls.syntax import parse_bytes

    result = analyze(parse_bytes("FROM bob\n".encode("utf-16-le")))
    assert any("UTF-16" in f.message for f in result if f.code == "MF001")


def test_early_triple_quote_close_is_related() -> None:
    text = 'FROM x\nLICENSE """\nquote: """\nmore\n"""\n'
    first = findings(text, "MF001")[0]
    assert located(text, first) == "more"
    assert first.related and "ended" in first.related[0].message


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF001") == []
