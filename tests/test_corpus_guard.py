"""A missing shared corpus is reported, never silently passed: skipped with the reason
outside CI, a failure in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import conftest


def test_missing_corpus_gives_one_parameter_that_skips_with_the_reason() -> None:
    (param,) = conftest.corpus_params([], ids=str)
    (mark,) = param.marks
    assert mark.name == "skip" and mark.kwargs["reason"] == conftest.CORPUS_MISSING
    assert "../shared/corpus" in conftest.CORPUS_MISSING


def test_missing_corpus_skips_a_looping_test_outside_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(conftest, "CORPUS", tmp_path)
    with pytest.raises(pytest.skip.Exception, match="shared corpus is missing"):
        conftest.require_corpus()


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_missing_corpus_fails_in_ci(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CI", value)
    monkeypatch.setattr(conftest, "CORPUS", tmp_path)
    with pytest.raises(RuntimeError, match="shared corpus is missing"):
        conftest.corpus_files()


def test_ci_false_is_not_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "false")
    assert not conftest.in_ci()
