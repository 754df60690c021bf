"""Shared fixtures: where the shared corpus and spec live, and how a missing corpus is reported."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MODELFILE_LS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
CORPUS_MISSING = (
    f"the shared corpus is missing at {CORPUS} (expected ../shared/corpus beside the checkout, "
    "or MODELFILE_LS_SHARED): this corpus-driven test checks nothing without it"
)


def in_ci() -> bool:
    """Whether the suite runs in CI (`CI=true`, as GitHub Actions and most CI systems set)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def corpus_files() -> list[Path]:
    """Every corpus Modelfile, sorted; [] when the corpus is missing outside CI (tests that
    need it use `corpus_params` or `require_corpus`, which skip loudly). In CI a missing
    corpus fails the collection: a green run must have checked the corpus."""
    files = sorted((CORPUS / "modelfiles").glob("*.Modelfile"))
    if not files and in_ci():
        raise RuntimeError(CORPUS_MISSING)
    return files


def corpus_params(files: list[Path], ids: Callable[[Path], str]) -> list[Any]:
    """`files` as parameters of a corpus-driven test, or, when the corpus is missing, one
    parameter that skips with the reason (an empty parametrisation would hide it)."""
    if files:
        return [pytest.param(path, id=ids(path)) for path in files]
    return [pytest.param(None, id="corpus-missing", marks=pytest.mark.skip(reason=CORPUS_MISSING))]


def require_corpus() -> list[Path]:
    """The corpus files, for a test that loops over them itself: skips with the reason when
    the corpus is missing (fails in CI)."""
    files = corpus_files()
    if not files:
        pytest.skip(CORPUS_MISSING)
    return files


def pytest_configure(config: pytest.Config) -> None:
    """Give SIGINT a handler when the suite was started with it ignored.

    A shell's background job (`cmd &`, CI runners that detach) starts with SIGINT ignored, and
    children inherit an ignored signal: the tests that stop a spawned CLI or server with Ctrl-C
    would then wait forever. A handled signal is reset to its default action at exec, so every
    child starts as it would from a terminal.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the golden expectations instead of comparing."""
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden files")
