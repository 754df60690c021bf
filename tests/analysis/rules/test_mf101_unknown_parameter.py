"""Tests for MF101."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_alias_from_other_tools() -> None:
    text = "FROM x\nPARAMETER max_tokens 512\n"
    (finding,) = findings(text, "MF101")
    assert finding.ollama_message == "unknown parameter 'max_tokens'"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER num_predict 512\n"


def test_typo_gets_did_you_mean() -> None:
    (finding,) = findings("FROM x\nPARAMETER temprature 0.5\n", "MF101")
    assert "`temperature`" in finding.message


def test_double_space_makes_empty_name() -> None:
    text = "FROM x\nPARAMETER  temperature 0.5\n"
    (finding,) = findings(text, "MF101")
    assert finding.ollama_message == "unknown parameter ''"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER temperature 0.5\n"


def test_silent_on_known_deprecated_and_wrong_case() -> None:
    text = VALID + "PARAMETER mirostat 1\nPARAMETER Temperature 1\nPARAMETER numa true\n"
    assert findings(text, "MF101") == []
