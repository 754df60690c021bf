"""`create --dry-run` against Ollama's own verdicts: for every corpus file whose request needs
no local files, the body is Ollama's `create_request` key for key, in Ollama's key order and
with each parameter of the Go type Ollama gave it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.modelname import parse_model_name
from modelfile_ls.ollama.create_request import (
    ModelfileRejected,
    build_create_request,
    dry_run_body,
)
from tests.conftest import CORPUS, corpus_files, corpus_params, require_corpus

FILES = corpus_files()
NAME = "corpus-test"
GO_TYPES = {"float32": float, "int64": int, "bool": bool, "[]string": list}


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "expected" / f"{path.stem}.json").read_text())
    return data


def _needs_local_files(request: dict[str, Any]) -> bool:
    return any(key in request for key in ("files", "adapters", "draft_files"))


@pytest.mark.parametrize("path", corpus_params(FILES, ids=lambda p: p.stem))
def test_dry_run_is_ollamas_create_request(path: Path) -> None:
    want = expected(path)
    request = want.get("create_request")
    if request is None or _needs_local_files(request):
        with pytest.raises(ModelfileRejected):
            build_create_request(path.read_bytes(), path, model=NAME)
        return
    if not parse_model_name(request["from"]).is_valid:
        # The CLI builds this body, then the server answers `invalid model name`: we refuse
        # before sending, with the finding that says so.
        with pytest.raises(ModelfileRejected) as refused:
            build_create_request(path.read_bytes(), path, model=NAME)
        assert {f.code for f in refused.value.findings} == {"MF201"}
        return
    plan = build_create_request(path.read_bytes(), path, model=NAME)
    body = dry_run_body(plan)
    assert list(body.items()) == list({**request, "model": NAME}.items())
    types = want.get("create_request_param_types", {})
    parameters = body.get("parameters", {})
    assert isinstance(parameters, dict)
    assert {k: type(v) for k, v in parameters.items()} == {k: GO_TYPES[t] for k, t in types.items()}
    printed = "".join(f"{warning}\n" for warning in plan.warnings)
    assert printed == want.get("create_request_stdout", "")


def test_the_corpus_exercises_every_field() -> None:
    """The comparison above must cover real bodies, not only refusals."""
    bodies = [expected(p).get("create_request") or {} for p in require_corpus()]
    valid = [b for b in bodies if b and parse_model_name(b["from"]).is_valid]
    assert len(valid) > 150
    for key in ("template", "system", "license", "parameters", "messages"):
        assert any(key in body for body in valid), key
    assert any("stop" in body.get("parameters", {}) for body in valid)
