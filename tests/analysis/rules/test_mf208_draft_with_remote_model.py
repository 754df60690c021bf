"""Tests for MF208."""

from __future__ import annotations

from tests.analysis.helpers import findings


def test_draft_with_cloud_model() -> None:
    (finding,) = findings("FROM gpt-oss:120b-cloud\nDRAFT ./small.gguf\n", "MF208")
    assert finding.ollama_message == "DRAFT cannot be used with remote models"


def test_draft_with_local_model() -> None:
    assert findings("FROM llama3.2\nDRAFT ./small.gguf\n", "MF208") == []
