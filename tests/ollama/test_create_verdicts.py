"""The create request against Ollama's own: `tests/ollama/gen/create_verdicts.json` holds what
Ollama's `ParseFile` and `CreateRequest` (built with the Go release Ollama uses) return for
PARAMETER values and REQUIRES versions that probe Go's strconv and semver. A file Ollama
refuses is refused with Ollama's words; one it accepts gives its parameters, of its Go types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.ollama.create_request import (
    ModelfileRejected,
    build_create_request,
    dry_run_body,
)

TABLE = json.loads((Path(__file__).parent / "gen" / "create_verdicts.json").read_text())
CASES: list[dict[str, Any]] = TABLE["cases"]
GO_TYPES = {"float32": float, "int64": int, "bool": bool, "*bool": bool, "[]string": list}


@pytest.mark.parametrize("case", CASES, ids=[repr(c["modelfile"][14:]) for c in CASES])
def test_the_request_is_ollamas(case: dict[str, Any]) -> None:
    text = case["modelfile"]
    if not case["ok"]:
        with pytest.raises(ModelfileRejected) as refused:
            build_create_request(text, None, model="probe")
        said = [f.ollama_message for f in refused.value.findings]
        assert case["error"] in said
        return
    plan = build_create_request(text, None, model="probe")
    body = dry_run_body(plan)
    parameters = body.get("parameters", {})
    assert isinstance(parameters, dict)
    assert parameters == case.get("parameters", {})
    types = case.get("parameter_types", {})
    assert {k: type(v) for k, v in parameters.items()} == {k: GO_TYPES[t] for k, t in types.items()}
    assert body.get("requires") == case.get("requires")
    assert "".join(f"{warning}\n" for warning in plan.warnings) == case["stdout"]


def test_the_table_probes_each_kind_of_value() -> None:
    errors = {case.get("error", "") for case in CASES}
    assert "invalid int value [0x10]" in errors  # Go's ParseInt(v, 10, 64): no base prefixes
    assert any(e.startswith("invalid float value") for e in errors)
    assert any(e.startswith("invalid bool value") for e in errors)
    assert "requires must be a valid semver (e.g. 0.14.0)" in errors
    assert any(case["stdout"] for case in CASES)
    assert sum(case["ok"] for case in CASES) > 100
