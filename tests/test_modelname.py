"""FROM model names against Ollama's server: `tests/ollama/gen/name_verdicts.json` holds what
its `parseAndValidateModelRef` (built with the Go release Ollama uses) says of each name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.modelname import parse_model_name

TABLE = json.loads((Path(__file__).parent / "ollama" / "gen" / "name_verdicts.json").read_text())
CASES: list[dict[str, Any]] = TABLE["cases"]


@pytest.mark.parametrize("case", CASES, ids=[repr(c["name"])[:60] for c in CASES])
def test_valid_exactly_when_ollama_accepts(case: dict[str, Any]) -> None:
    name = parse_model_name(case["name"])
    assert name.is_valid is case["valid"], (name.problem, case.get("error"))


def test_a_second_source_suffix_is_refused_in_ollamas_words() -> None:
    assert parse_model_name("x:8b-cloud:cloud").problem == "use either :local or :cloud, not both"


def test_a_tags_cloud_suffix_is_a_cloud_source_and_stays_in_the_tag() -> None:
    name = parse_model_name("gpt-oss:20b-cloud")
    assert (name.source, name.tag, name.is_remote, name.short) == (
        "cloud",
        "20b-cloud",
        True,
        "gpt-oss:20b-cloud",
    )


def test_go_trims_unicode_spaces_but_keeps_ascii_separators() -> None:
    assert parse_model_name("\u3000llama3.2\u2007").is_valid
    assert not parse_model_name("\x1cllama3.2").is_valid


def test_the_table_holds_both_verdicts_and_each_suffix() -> None:
    assert sum(c["valid"] for c in CASES) > 50 and sum(not c["valid"] for c in CASES) > 50
    assert any(":cloud" in c["name"].lower() and c["valid"] for c in CASES)
    assert any("-cloud" in c["name"].lower() and "not both" in c.get("error", "") for c in CASES)
