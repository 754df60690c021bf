"""Tests for MF002."""

from __future__ import annotations

from tests.analysis.helpers import VALID, findings, located


def test_fires_on_keyword_then_newline() -> None:
    text = "FROM\nSYSTEM hi\n"
    (finding,) = findings(text, "MF002")
    assert located(text, finding) == "FROM"
    assert finding.message == "FROM needs a value on the same line"
    assert finding.ollama_message is not None and finding.ollama_message.startswith("(line 2)")


def test_fires_on_parameter_without_value() -> None:
    (finding,) = findings("FROM x\nPARAMETER stop\n", "MF002")
    assert finding.message == "PARAMETER stop needs a value on the same line"
    assert finding.ollama_message == "unexpected EOF: stop"


def test_fires_on_message_without_content_at_eof() -> None:
    (finding,) = findings("FROM x\nMESSAGE user", "MF002")
    assert finding.ollama_message == "unexpected EOF"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF002") == []
