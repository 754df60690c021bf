"""Tests for MF105."""

from __future__ import annotations

import pytest

from tests.analysis.helpers import apply_fix, findings


@pytest.mark.parametrize(
    ("line", "ollama"),
    [
        ("PARAMETER num_ctx 4096.0", "invalid int value [4096.0]"),
        ("PARAMETER use_mmap yes", "invalid bool value [yes]"),
        ("PARAMETER temperature 1e40", "invalid float value [1e40]"),
        ("PARAMETER temperature 1,5", "invalid float value [1,5]"),
        ('PARAMETER temperature " 0.5"', "invalid float value [ 0.5]"),
        # Go folds only ASCII letters when it reads inf and NaN: a dotless ı is no i.
        ("PARAMETER temperature \u0131nf", "invalid float value [\u0131nf]"),
        ("PARAMETER top_p -\u0130nfinity", "invalid float value [-\u0130nfinity]"),
    ],
)
def test_values_the_cli_rejects(line: str, ollama: str) -> None:
    (finding,) = findings(f"FROM x\n{line}\n", "MF105")
    assert finding.ollama_message == ollama


def test_trailing_comment_is_explained_and_fixed() -> None:
    text = "FROM x\nPARAMETER temperature 0.5 # hot\n"
    (finding,) = findings(text, "MF105")
    assert "comment" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER temperature 0.5\n"


def test_whole_float_for_int_gets_fix() -> None:
    text = "FROM x\nPARAMETER num_ctx 4096.0\n"
    (finding,) = findings(text, "MF105")
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nPARAMETER num_ctx 4096\n"


@pytest.mark.parametrize(
    "line",
    [
        "PARAMETER num_ctx +4096",
        "PARAMETER use_mmap T",
        "PARAMETER temperature .5",
        "PARAMETER temperature 0x1p-2",
        "PARAMETER temperature 1_0",
        'PARAMETER temperature "0.5"',
        "PARAMETER stop anything goes",
    ],
)
def test_values_the_cli_accepts(line: str) -> None:
    assert findings(f"FROM x\n{line}\n", "MF105") == []
