"""Tests for MF003."""

from __future__ import annotations

from tests.analysis.helpers import VALID, findings, located


def test_points_at_opening_quote_and_trailing_text() -> None:
    text = 'FROM x\nSYSTEM "abc" def\nPARAMETER temperature 1\n'
    (finding,) = findings(text, "MF003")
    assert located(text, finding) == '"'
    assert finding.span.start == text.index('"')
    assert finding.related and located(text, finding.related[0]) == " def"
    assert finding.ollama_message == "unexpected EOF"


def test_triple_quote_never_closed() -> None:
    text = 'FROM x\nTEMPLATE """{{ .Prompt }}\n'
    (finding,) = findings(text, "MF003")
    assert located(text, finding) == '"""'


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF003") == []
