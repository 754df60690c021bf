"""Tests for MF206."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.helpers import findings


def test_unknown_user(tmp_path: Path) -> None:
    (finding,) = findings("FROM ~nosuchuser-mfls/m.gguf\n", "MF206", tmp_path)
    assert finding.ollama_message is not None
    assert finding.ollama_message.startswith("failed to find user 'nosuchuser-mfls'")


def test_own_home_is_fine(tmp_path: Path) -> None:
    assert findings("FROM ~/m.gguf\n", "MF206", tmp_path) == []
