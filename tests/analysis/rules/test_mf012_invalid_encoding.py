"""Tests for MF012."""

from __future__ import annotations

from modelfile_ls.syntax import parse_bytes
from tests.analysis.helpers import all_findings


def test_fires_on_latin1_bytes() -> None:
    parsed = parse_bytes(b"FROM x\nSYSTEM caf\xe9\n")
    (finding,) = [f for f in all_findings(parsed) if f.code == "MF012"]
    assert parsed.text[finding.span.start] == "\ufffd"


def test_silent_on_utf8() -> None:
    parsed = parse_bytes("FROM x\nSYSTEM café\n".encode())
    assert [f for f in all_findings(parsed) if f.code == "MF012"] == []
