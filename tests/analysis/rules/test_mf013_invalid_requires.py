"""Tests for MF013."""

from __future__ import annotations

import pytest

from modelfile_ls.analysis.rules.mf013_invalid_requires import is_valid_requires
from tests.analysis.helpers import VALID, apply_fix, findings


@pytest.mark.parametrize("value", ["0.14.0", "v0.14.0", "0.14", "1", "0.14.0-rc1", "1.2.3+meta"])
def test_valid_versions(value: str) -> None:
    assert is_valid_requires(value)


@pytest.mark.parametrize("value", ["0.14.0.1", "latest", ">=0.14.0", "", "01.2.3", "1.2-rc1"])
def test_invalid_versions(value: str) -> None:
    assert not is_valid_requires(value)


def test_range_gets_fix() -> None:
    text = "FROM x\nREQUIRES >= 0.1.24\n"
    (finding,) = findings(text, "MF013")
    assert finding.ollama_message == "requires must be a valid semver (e.g. 0.14.0)"
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nREQUIRES 0.1.24\n"


def test_silent_on_valid_file() -> None:
    assert findings(VALID + "REQUIRES 0.14.0\n", "MF013") == []
