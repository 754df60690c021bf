"""`registry compare`: models side by side with differences marked (Python API and CLI)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from modelfile_ls.registry import InstalledModel, Metric, NotFoundError, Registry
from modelfile_ls.registry.compare import compare
from tests.registry.conftest import Cli


def _seed_measurements(registry: Registry) -> None:
    registry.add_metric(Metric("llama3.2", "3b", "box", "tokens_per_second", 20.0))
    registry.add_metric(Metric("llama3.2", "3b", "box", "tokens_per_second", 31.0))
    registry.add_metric(Metric("llama3.2", "1b", "box", "tokens_per_second", 90.0))
    registry.add_metric(Metric("qwen3", "8b", "box", "tokens_per_second", 12.5))


def test_compare_rows_and_differences(registry: Registry) -> None:
    _seed_measurements(registry)
    registry.replace_installed(
        "http://h:11434",
        [
            InstalledModel(
                host="http://h:11434",
                name="llama3.2:3b",
                model="llama3.2",
                tag="3b",
                digest="d" * 64,
                size=2_019_393_189,
                modified_at="",
            )
        ],
    )
    result = compare(registry, ["llama3.2", "qwen3:8b"])
    assert result.models == ("llama3.2:3b", "qwen3:8b")  # no tag: the one latest resolves to
    rows = {r.field: r for r in result.rows}
    assert rows["family"].values == ("Llama", "Qwen") and rows["family"].differs
    assert rows["parameters"].values[0] == "3.21B"
    assert rows["size"].values == ("2.0 GB", "")
    assert rows["installed on"].values == ("http://h:11434", "")
    assert "tools" in rows["capabilities"].values[0]
    speed = rows["tokens_per_second on box"]
    assert speed.values == ("31", "12.5")  # the best of the 3b runs; the 1b run is not :3b
    assert [r.field for r in result.rows][:3] == ["family", "parameters", "size"]
    same = compare(registry, ["llama3.2:3b", "llama3.2:latest"])
    assert not {r.field: r for r in same.rows}["family"].differs
    data = result.to_json()
    assert data["models"] == ["llama3.2:3b", "qwen3:8b"]
    assert {"field": "family", "values": ["Llama", "Qwen"], "differs": True} in data["rows"]


def test_compare_refuses_unknown_models_and_wrong_counts(registry: Registry) -> None:
    with pytest.raises(NotFoundError, match="no model 'nope'"):
        compare(registry, ["llama3.2", "nope"])
    with pytest.raises(ValueError, match="2 to 4 models"):
        compare(registry, ["llama3.2"])


def test_compare_cli(cli: Cli, registry: Registry) -> None:
    _seed_measurements(registry)
    table = cli("compare", "llama3.2:3b", "qwen3:8b", "gemma3")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split() == ["DIFF", "FIELD", "LLAMA3.2:3B", "QWEN3:8B", "GEMMA3:4B"]
    family = next(line for line in lines if " family " in f" {line} ")
    assert family.startswith("*")
    as_json = json.loads(cli("compare", "llama3.2:3b", "qwen3:8b", "--format", "json").out)
    assert as_json["models"] == ["llama3.2:3b", "qwen3:8b"]
    rows = list(
        csv.DictReader(io.StringIO(cli("compare", "llama3.2", "qwen3", "--format", "csv").out))
    )
    assert rows[0]["field"] == "family" and rows[0]["differs"] == "true"
    assert cli("compare", "llama3.2").code == 2
    assert cli("compare", "a", "b", "c", "d", "e").code == 2
    assert cli("compare", "qwen3", "QWEN3").code == 2
    missing = cli("compare", "llama3.2", "nope")
    assert missing.code == 1 and "no model 'nope'" in missing.err
