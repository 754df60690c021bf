"""Tests for MF407."""

from __future__ import annotations

import pytest

from modelfile_ls.analysis.rules.mf407_requires_too_old import version_key
from tests.analysis.helpers import VALID, apply_fix, findings, located


def test_a_draft_needs_0_30() -> None:
    text = "FROM x\nREQUIRES 0.14.0\nDRAFT ./d.gguf\n"
    (finding,) = findings(text, "MF407")
    assert located(text, finding) == "0.14.0" and "0.30.0" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nREQUIRES 0.30.0\nDRAFT ./d.gguf\n"


def test_requires_itself_needs_0_14() -> None:
    text = "FROM x\nREQUIRES 0.11.0\nPARSER qwen3\n"
    (finding,) = findings(text, "MF407")
    assert "0.14.0, which introduced REQUIRES" in finding.message


def test_a_parameter_and_the_newest_need_wins() -> None:
    text = "FROM x\nREQUIRES 0.14\nPARAMETER draft_num_predict 4\nPARAMETER min_p 0.1\n"
    (finding,) = findings(text, "MF407")
    assert "0.30.0" in finding.message and "draft_num_predict" in finding.message


def test_silent_when_new_enough_invalid_or_absent() -> None:
    assert findings("FROM x\nREQUIRES 0.30.0\nDRAFT ./d.gguf\n", "MF407") == []
    assert findings("FROM x\nREQUIRES latest\nDRAFT ./d.gguf\n", "MF407") == []
    assert findings("FROM x\nPARSER qwen3\n", "MF407") == []
    assert findings(VALID, "MF407") == []


def test_only_the_requires_that_is_sent_counts() -> None:
    text = "FROM x\nREQUIRES 0.1.0\nREQUIRES 0.14\nPARSER qwen3\n"
    assert findings(text, "MF407") == []


@pytest.mark.parametrize(
    ("older", "newer"),
    [("0.11.9", "0.12"), ("0.12.0-rc1", "0.12.0"), ("v0.9", "0.10.0"), ("1", "1.0.1")],
)
def test_versions_sort_as_semver(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)
