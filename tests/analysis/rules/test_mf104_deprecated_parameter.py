"""Tests for MF104."""

from __future__ import annotations

from tests.analysis.helpers import VALID, apply_fix, findings


def test_deprecated_parameter_warns_and_is_tagged() -> None:
    text = "FROM x\nPARAMETER mirostat 2"
    (finding,) = findings(text, "MF104")
    assert finding.ollama_message == "warning: parameter mirostat is deprecated"
    assert "deprecated" in finding.tags
    assert apply_fix(text, finding.fixes[0]) == "FROM x"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF104") == []
