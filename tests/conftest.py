"""Shared fixtures: where the shared corpus and spec live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MODELFILE_LS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_files() -> list[Path]:
    """Every corpus Modelfile, sorted; fails loudly in CI when the corpus is missing."""
    files = sorted((CORPUS / "modelfiles").glob("*.Modelfile"))
    if not files and os.environ.get("CI"):
        raise RuntimeError(f"corpus not found at {CORPUS}")
    return files


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The directory of corpus Modelfiles (the `<dir>` of the expected verdicts)."""
    path = CORPUS / "modelfiles"
    if not path.is_dir():
        pytest.skip("../shared/corpus is not present")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the golden expectations instead of comparing."""
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden files")
