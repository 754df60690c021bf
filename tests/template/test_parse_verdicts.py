"""Our port of Go's template parser gives Go's verdict and error text on every recorded case."""

from __future__ import annotations

from typing import Any

import pytest

from modelfile_ls.template import check_template, parse_template
from tests.template.verdicts import parse_verdicts, verdicts

CASES = parse_verdicts()


def test_table_was_recorded_with_the_go_ollama_builds_with() -> None:
    assert verdicts()["go"].startswith("go1.26")


def test_table_covers_every_error_class_of_the_issue() -> None:
    errors = {case["name"]: case["error"] for case in CASES if not case["ok"]}
    assert errors["variable outside its range"] == 'template: :1: undefined variable "$last"'
    assert errors["bad character minus after field"].endswith("bad character U+002D '-'")
    assert errors["else if inside range"] == "template: :1: unexpected <if> in input"
    assert "unrecognized character feff" in errors
    assert sum(case["name"].startswith("corpus ") for case in CASES) > 50


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_verdict_equals_go(case: dict[str, Any]) -> None:
    error = check_template(case["template"])
    assert (error.message if error else None) == (None if case["ok"] else case["error"])
    if case["ok"]:
        assert list(parse_template(case["template"]).vars) == (case["vars"] or [])
