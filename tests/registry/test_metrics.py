"""Performance metrics: the store API, the metrics CSV format, `metrics`, `import-metrics`,
`export-metrics`, and the one definition of this machine's hardware."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from modelfile_ls.registry import Metric, Registry, hardware_id
from modelfile_ls.registry.csvrows import CsvError
from modelfile_ls.registry.hardware import HARDWARE_ENV
from modelfile_ls.registry.metrics_csv import read_metrics_csv, write_metrics_csv
from tests.registry.conftest import Cli

HEADER = "model,hardware,metric,value,tag,context_size,ollama_version,measured_at"


def _file(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "metrics.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


def test_best_tokens_per_second_on_one_hardware(registry: Registry) -> None:
    for tag, hardware, value in [
        ("3b", "box", 20.0),
        ("3b", "box", 31.5),
        ("1b", "box", 60.0),
        ("3b", "other", 99.0),
    ]:
        registry.add_metric(Metric("llama3.2", tag, hardware, "tokens_per_second", value))
    registry.add_metric(Metric("llama3.2", "1b", "box", "prompt_tokens_per_second", 500.0))
    best = registry.best_tokens_per_second("llama3.2", "box")
    assert best is not None and (best.tag, best.value) == ("1b", 60.0)
    tagged = registry.best_tokens_per_second("llama3.2:3b", "box", tag="3b")
    assert tagged is not None and tagged.value == 31.5
    assert registry.best_tokens_per_second("llama3.2", "nowhere") is None
    assert registry.best_tokens_per_second("no-such-model", "box") is None
    assert [m.value for m in registry.metrics("llama3.2", hardware="other")] == [99.0]


def test_hardware_id_is_stable_and_overridable() -> None:
    assert hardware_id({}) == hardware_id({})
    assert "CPUs" in hardware_id({})
    assert hardware_id({HARDWARE_ENV: "  studio mac  "}) == "studio mac"


def test_metrics_csv_round_trips() -> None:
    metrics = [
        Metric(
            "llama3.2",
            "3b",
            "box, 8 CPUs",
            "tokens_per_second",
            25.5,
            4096,
            "0.33.0",
            "2026-12-01T10:00:00Z",
        ),
        Metric("qwen3", "", "box", "tokens_per_second", 1e-3),
    ]
    first = io.StringIO()
    assert write_metrics_csv(metrics, first) == 2
    rows = read_metrics_csv(first.getvalue().encode())
    assert [r.metric for r in rows] == metrics
    assert [r.line for r in rows] == [2, 3]


def test_every_bad_metrics_row_is_located() -> None:
    data = "\n".join(
        [
            HEADER,
            "llama3.2,box,tokens_per_second,fast,,,,",
            ",box,tokens_per_second,1,,,,",
            "llama3.2,,Tokens per second,1,,0,,yesterday",
            "llama3.2:3b,box,tokens_per_second,12,,,,2026-12-01T10:00:00Z",
        ]
    ).encode()
    with pytest.raises(CsvError) as caught:
        read_metrics_csv(data, "m.csv")
    errors = [str(e) for e in caught.value.errors]
    assert errors == [
        "line 2: value must be a number (the measured value), got 'fast'",
        "line 3: model is empty",
        "line 4: hardware is empty (name the machine, as `bench` does)",
        "line 4: metric must be a lower-case name like tokens_per_second, got 'Tokens per second'",
        "line 4: context_size must be a positive whole number, got '0'",
        "line 4: measured_at must be an RFC 3339 time (2026-12-01T10:00:00Z), got 'yesterday'",
    ]
    assert "m.csv: 3 bad rows, nothing imported" in str(caught.value)
    unknown_column = HEADER.replace("measured_at", "when").encode() + b"\n"
    with pytest.raises(CsvError, match="<csv>:1: unknown columns when"):
        read_metrics_csv(unknown_column)


def test_import_metrics_is_all_or_nothing(cli: Cli, tmp_path: Path, registry: Registry) -> None:
    good = _file(
        tmp_path, "llama3.2:3b,box,tokens_per_second,25.5,,4096,0.33.0,2026-12-01T10:00:00Z"
    )
    result = cli("import-metrics", str(good))
    assert (result.code, result.out) == (0, f"imported 1 metrics from {good}\n")
    [stored] = registry.metrics("llama3.2")
    assert (stored.tag, stored.context_size, stored.measured_at) == (
        "3b",
        4096,
        "2026-12-01T10:00:00Z",
    )
    mixed = _file(tmp_path, "qwen3,box,tokens_per_second,9,,,,", "nope,box,tokens_per_second,1,,,,")
    failed = cli("import-metrics", str(mixed))
    assert failed.code == 1
    assert f"{mixed}:3: no model 'nope' in the registry (import it first)" in failed.err
    assert registry.metrics("qwen3") == []  # the good row was not written either
    malformed = _file(tmp_path, "qwen3,box,tokens_per_second,-1,,,,")
    assert cli("import-metrics", str(malformed)).code == 1


def test_metrics_listing_and_export(cli: Cli, tmp_path: Path, registry: Registry) -> None:
    registry.add_metric(Metric("llama3.2", "3b", "box", "tokens_per_second", 25.5, 4096))
    registry.add_metric(Metric("qwen3", "8b", "gpu", "tokens_per_second", 80.0))
    table = cli("metrics")
    assert table.out.split("\n")[0].split()[:3] == ["MODEL", "TAG", "HARDWARE"]
    assert "llama3.2" in table.out and "qwen3" in table.out
    one = json.loads(cli("metrics", "qwen3", "--format", "json").out)
    assert [(m["model"], m["value"]) for m in one] == [("qwen3", 80.0)]
    on_box = list(
        csv.DictReader(io.StringIO(cli("metrics", "--hardware", "box", "--format", "csv").out))
    )
    assert [r["model"] for r in on_box] == ["llama3.2"]
    registry.add_metric(Metric("qwen3", "8b", hardware_id(), "tokens_per_second", 7.0))
    here = json.loads(cli("metrics", "--this-machine", "--format", "json").out)
    assert [(m["model"], m["value"]) for m in here] == [("qwen3", 7.0)]
    assert cli("metrics", "--this-machine", "--hardware", "box").code == 2
    missing = cli("metrics", "no-such-model")
    assert missing.code == 1 and "no model 'no-such-model'" in missing.err
    target = tmp_path / "out" / "m.csv"
    target.parent.mkdir()
    exported = cli("export-metrics", str(target))
    assert exported.code == 0 and f"exported 3 metrics to {target}" in exported.err
    rows = read_metrics_csv(target.read_bytes())
    assert sorted(r.metric.model for r in rows) == ["llama3.2", "qwen3", "qwen3"]
    assert cli("export-metrics", "--model", "qwen3").out.count("\n") == 3
