"""Tests for MF106."""

from __future__ import annotations

import pytest

from tests.analysis.helpers import VALID, findings


@pytest.mark.parametrize(
    ("value", "encoded"), [("inf", "+Inf"), ("-Infinity", "-Inf"), ("NaN", "NaN")]
)
def test_non_finite_floats(value: str, encoded: str) -> None:
    (finding,) = findings(f"FROM x\nPARAMETER temperature {value}\n", "MF106")
    assert finding.ollama_message == f"json: unsupported value: {encoded}"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF106") == []
