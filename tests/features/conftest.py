"""Fixtures for feature tests: a seeded registry with one installed model, cursor markers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls.registry import InstalledModel, Registry, open_registry

HOST = "http://127.0.0.1:11434"
CURSOR = "‸"
"""Marks the cursor in test documents; removed before parsing."""


def cursor(text: str) -> tuple[str, int]:
    """The text without its cursor marker, and the marker's offset."""
    offset = text.index(CURSOR)
    return text.replace(CURSOR, "", 1), offset


def installed(name: str, context_length: int | None = None, parameters: str = "") -> InstalledModel:
    """An inventory row as `sync` would write it."""
    model, _, tag = name.rpartition(":")
    return InstalledModel(
        host=HOST,
        name=name,
        model=model,
        tag=tag,
        digest="0" * 64,
        size=2_000_000_000,
        modified_at="2025-01-01T00:00:00Z",
        family="llama",
        context_length=context_length,
        parameters=parameters,
    )


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Registry]:
    """The shipped catalog (seeded offline) with `llama3.2:latest` installed."""
    with open_registry(tmp_path / "r.db") as opened:
        stops = "\n".join(
            f'stop "{token}"'
            for token in ("<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>")
        )
        opened.replace_installed(HOST, [installed("llama3.2:latest", 131072, stops)])
        yield opened


@pytest.fixture
def bare_registry(tmp_path: Path) -> Iterator[Registry]:
    """The shipped catalog with no inventory synced from Ollama."""
    with open_registry(tmp_path / "bare.db") as opened:
        yield opened
