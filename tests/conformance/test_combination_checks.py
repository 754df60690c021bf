"""The combination checks (MF4xx) with the shipped model catalog: never an error on a file
Ollama accepts, and never a crash, across the shared corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls.analysis import Severity, analyze
from modelfile_ls.registry import Registry, open_registry
from modelfile_ls.syntax import parse_bytes
from tests.conftest import CORPUS, require_corpus


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with open_registry(tmp_path_factory.mktemp("catalog") / "registry.db") as registry:
        yield registry


def accepted(path: Path) -> bool:
    verdict = json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())
    return bool(verdict["ok"]) and "create_request_error" not in verdict


def test_no_combination_check_is_an_error_on_a_file_ollama_accepts(catalog: Registry) -> None:
    checked = 0
    for path in require_corpus():
        if not accepted(path):
            continue
        findings = analyze(parse_bytes(path.read_bytes()), registry=catalog, base_dir=path.parent)
        assert not [f for f in findings if f.code == "MF901"], path.name
        errors = [f for f in findings if f.code.startswith("MF4") and f.severity is Severity.ERROR]
        assert not errors, (path.name, [(f.code, f.message) for f in errors])
        checked += 1
    assert checked > 250


def test_a_true_mismatch_in_the_corpus_is_found(catalog: Registry) -> None:
    """0133 puts Gemma's `<end_of_turn>` stop on a Mistral model (found by MF403)."""
    require_corpus()
    path = CORPUS / "modelfiles" / "0133.Modelfile"
    findings = analyze(parse_bytes(path.read_bytes()), registry=catalog, base_dir=path.parent)
    assert [f.code for f in findings if f.code == "MF403"] == ["MF403"]
