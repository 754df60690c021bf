"""Ollama's own verdicts on the shared corpus: our parser and our errors must agree exactly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.analysis import Severity, analyze
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict
from tests.conftest import CORPUS, corpus_files, corpus_params, require_corpus

FILES = corpus_files()


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())
    return data


def test_corpus_is_present_and_untouched() -> None:
    require_corpus()
    manifest = (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:]
    sums = {line.split("\t")[0]: line.split("\t")[5] for line in manifest}
    assert len(FILES) == len(sums) == 300
    for path in FILES:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sums[path.name], path.name


@pytest.mark.parametrize("path", corpus_params(FILES, ids=lambda p: p.stem))
def test_parse_matches_ollama(path: Path) -> None:
    want = expected(path)
    got = ollama_verdict(parse_bytes(path.read_bytes()))
    if want["ok"]:
        assert got == {"ok": True, "commands": want["commands"]}
    else:
        assert got == {"ok": False, "error": want["error"]}


def _create_fails(want: dict[str, Any]) -> bool:
    """Ollama's verdict on `ollama create`: parser, CreateRequest, or the server's name check."""
    if not want["ok"] or "create_request_error" in want:
        return True
    source = want.get("create_request", {}).get("from")
    return source is not None and not parse_model_name(source).is_valid


@pytest.mark.parametrize("path", corpus_params(FILES, ids=lambda p: p.stem))
def test_errors_exactly_when_create_fails(path: Path) -> None:
    want = expected(path)
    findings = analyze(parse_bytes(path.read_bytes()), base_dir=path.parent)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert not [f for f in findings if f.code == "MF901"]
    assert bool(errors) == _create_fails(want), [(f.code, f.message) for f in errors]
    stdout = want.get("create_request_stdout", "")
    warned = {line.split()[2] for line in stdout.splitlines() if line.startswith("warning:")}
    deprecated = {
        f.ollama_message.split()[2] for f in findings if f.code == "MF104" and f.ollama_message
    }
    assert warned <= deprecated


@pytest.mark.parametrize("path", corpus_params(FILES, ids=lambda p: p.stem))
def test_create_request_errors_are_reproduced(path: Path) -> None:
    want = expected(path)
    message = want.get("create_request_error")
    if message is None:
        return
    findings = analyze(parse_bytes(path.read_bytes()), base_dir=path.parent)
    ours = {
        f.ollama_message.replace(str(path.parent), "<dir>") for f in findings if f.ollama_message
    }
    assert message in ours


@pytest.mark.parametrize("path", corpus_params(FILES, ids=lambda p: p.stem))
def test_reference_oracle_matches_ollama(path: Path) -> None:
    """The fuzz tests' oracle is itself checked against Ollama's verdicts."""
    from tests.syntax.reference_parser import parse_file

    want = expected(path)
    commands, error = parse_file(parse_bytes(path.read_bytes()).text)
    if want["ok"]:
        assert commands == [(c["name"], c["args"]) for c in want["commands"]]
    else:
        assert error == want["error"]
