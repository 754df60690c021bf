"""Every `modelfile-ls registry` verb, its formats and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from modelfile_ls.registry import open_registry
from modelfile_ls.registry.csvio import CORE_COLUMNS
from modelfile_ls.registry.schema import SCHEMA_VERSION
from modelfile_ls.registry.seed import seed_bytes
from tests.conftest import ROOT
from tests.fake_ollama import FakeModel, FakeOllama
from tests.registry.conftest import Cli

CODER = 'FROM qwen2.5-coder:7b\nPARAMETER temperature 0.2\nSYSTEM "You write code."\n'


def _table_fits(text: str, columns: int = 100) -> None:
    assert all(len(line) <= columns for line in text.splitlines()), text


def test_path_does_not_create_the_file(cli: Cli, registry_path: Path) -> None:
    result = cli("path")
    assert (result.code, result.out) == (0, f"{registry_path}\n")
    assert not registry_path.exists()
    other = cli("--registry", "/tmp/x.db", "path")
    assert other.out == "/tmp/x.db\n"
    after_verb = cli("path", "--registry", "/tmp/y.db")
    assert after_verb.out == "/tmp/y.db\n"


def test_list_table_fits_and_reports_paging(cli: Cli) -> None:
    result = cli("list", "--limit", "5")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "FAMILY", "TAGS", "CAPABILITIES", "DESCRIPTION"]
    assert len(lines) == 6
    _table_fits(result.out)
    assert "1-5 of 140 models" in result.err


def test_list_filters_and_formats(cli: Cli) -> None:
    as_json = cli("list", "--family", "qwen", "--capability", "vision", "--format", "json")
    models = json.loads(as_json.out)
    assert {m["name"] for m in models} == {"qwen2.5vl", "qwen3-vl", "qwen3.5", "qwen3.6"}
    assert all("vision" in m["capabilities"] and isinstance(m["id"], int) for m in models)
    as_csv = cli("list", "--tag", "tiny", "--capability", "embedding", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.out)))
    assert rows and all("embedding" in r["capabilities"] for r in rows)
    everything = cli("list", "--limit", "0", "--format", "json")
    assert len(json.loads(everything.out)) == 140
    page = cli("list", "--limit", "2", "--offset", "3", "--format", "json")
    assert [m["name"] for m in json.loads(page.out)] == [
        m["name"] for m in json.loads(everything.out)[3:5]
    ]
    none = cli("list", "--search", "no-such-words-anywhere")
    assert none.code == 0 and "no models match" in none.err


def test_search(cli: Cli) -> None:
    result = cli("search", "coder", "--capability", "tools", "--format", "json")
    names = [m["name"] for m in json.loads(result.out)]
    assert names[:3] == ["qwen2.5-coder", "qwen3-coder", "qwen3-coder-next"]
    table = cli("search", "embed")
    assert table.code == 0 and "nomic-embed-text" in table.out
    _table_fits(table.out)


def test_show(cli: Cli) -> None:
    result = cli("show", "llama3.2")
    assert result.code == 0
    assert "llama3.2  (id 1)" in result.out
    assert "default parameters of llama3.2:latest:" in result.out
    assert "PARAMETER stop <|eot_id|>" in result.out
    _table_fits(result.out)
    small = json.loads(cli("show", "llama3.2:1b", "--format", "json").out)
    assert small["name"] == "llama3.2" and small["default_parameters"] == []
    as_csv = cli("show", "llama3.2", "--format", "csv").out
    assert as_csv.splitlines()[1:] == seed_bytes("models.csv").decode().splitlines()[1:3]
    by_id = json.loads(cli("show", "1", "--format", "json").out)
    assert by_id["name"] == "llama3.2"


def test_show_not_found(cli: Cli) -> None:
    missing = cli("show", "no-such-model")
    assert missing.code == 1
    assert "no model 'no-such-model' in the registry" in missing.err
    bad_tag = cli("show", "llama3.2:9b")
    assert bad_tag.code == 1
    assert "llama3.2 has no tag '9b' in the registry (known: 1b, 3b)" in bad_tag.err


@pytest.mark.parametrize(
    ("verb", "first", "key"),
    [
        ("families", "Arctic Embed", "name"),
        ("capabilities", "completion", "name"),
        ("tags", "large", "name"),
    ],
)
def test_count_listings(cli: Cli, verb: str, first: str, key: str) -> None:
    table = cli(verb)
    assert table.code == 0
    _table_fits(table.out)
    data = json.loads(cli(verb, "--format", "json").out)
    assert data[0][key] == first and data[0]["models"] > 0
    rows = list(csv.DictReader(io.StringIO(cli(verb, "--format", "csv").out)))
    assert rows[0]["name"] == first


def test_stats(cli: Cli) -> None:
    table = cli("stats")
    assert "models" in table.out and "140" in table.out
    data = json.loads(cli("stats", "--format", "json").out)
    assert data["models"] == 140 and data["schema_version"] == SCHEMA_VERSION
    rows = list(csv.DictReader(io.StringIO(cli("stats", "--format", "csv").out)))
    assert {"key": "models", "value": "140"} in rows


def test_params(cli: Cli) -> None:
    table = cli("params")
    assert table.code == 0
    _table_fits(table.out)
    assert "tfs_z" in table.out and "removed 0.5.2" in table.out
    current = json.loads(cli("params", "--status", "current", "--format", "json").out)
    assert "mirostat" not in {p["name"] for p in current}
    one = cli("params", "mirostat")
    assert "deprecated since 0.7.0 (ollama create warns and drops it)" in one.out
    detail = json.loads(cli("params", "top_p", "--format", "json").out)
    assert detail == [
        {
            **detail[0],
            "name": "top_p",
            "type": "float",
            "minimum": 0.0,
            "maximum": 1.0,
            "status": "current",
        }
    ]
    unknown = cli("params", "temprature")
    assert unknown.code == 1 and "did you mean temperature" in unknown.err
    alias = cli("params", "max_tokens")
    assert alias.code == 1 and "Ollama calls it 'num_predict'" in alias.err


def test_export_import_round_trip(cli: Cli, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    assert cli("export", str(first)).code == 0
    assert first.read_bytes() == seed_bytes("models.csv")
    empty = tmp_path / "empty.sqlite3"
    assert cli("--registry", str(empty), "reset", "--empty").code == 0
    assert json.loads(cli("--registry", str(empty), "stats", "--format", "json").out)["models"] == 0
    imported = cli("--registry", str(empty), "import", str(first))
    assert imported.code == 0
    assert "imported 140 models (140 new, 0 updated, 300 tags)" in imported.out
    second = cli("--registry", str(empty), "export")
    assert second.out.encode() == first.read_bytes()


def test_import_is_all_or_nothing(cli: Cli, tmp_path: Path, registry_path: Path) -> None:
    before = cli("export").out
    bad = tmp_path / "bad.csv"
    header = ",".join(CORE_COLUMNS)
    bad.write_text(
        f"{header}\nfresh,Fresh,F,1b,1,,,chat,,ok\nbroken,B,F,1b,x,,,chat,,\n"
        "also-bad,A,F,1b,1,,,tele pathy,,\n"
    )
    result = cli("import", str(bad))
    assert result.code == 1
    assert f"{bad}:3: parameters must be a number" in result.err
    assert f"{bad}:4: capability 'tele pathy' is not a name" in result.err
    assert "2 bad rows, nothing imported" in result.err
    assert "Traceback" not in result.err
    assert cli("export").out == before
    missing = cli("import", str(tmp_path / "missing.csv"))
    assert missing.code == 1 and "cannot read" in missing.err
    (tmp_path / "empty.csv").write_bytes(b"")
    empty = cli("import", str(tmp_path / "empty.csv"))
    assert empty.code == 1 and "the file is empty; expected a header line" in empty.err


def test_import_from_stdin(tmp_path: Path, registry_path: Path) -> None:
    data = seed_bytes("models.csv").decode().splitlines()
    rows = [line.replace("llama3.2,", "piped,", 1) for line in data[1:3]]
    text = "\n".join([data[0], *rows]) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "modelfile_ls.registry", "import", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    with open_registry(registry_path) as registry:
        assert registry.model("piped") is not None


def test_export_is_atomic_and_reports_unwritable(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous")
    assert cli("export", str(target)).code == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []
    blocked = cli("export", str(tmp_path / "no-dir" / "x.csv"))
    assert blocked.code == 1 and "cannot write" in blocked.err


def test_sync_and_installed(cli: Cli) -> None:
    models = [FakeModel("llama3.2", size=2_019_393_189), FakeModel("someone/coder:v1")]
    with FakeOllama(models) as ollama:
        result = cli("sync", "--host", ollama.url)
        host_port = ollama.url.removeprefix("http://")
        as_json = cli("sync", "--host", host_port, "--format", "json")
    assert result.code == 0, result.err
    assert f"synced 2 models from {ollama.url}" in result.out
    assert "2.0 GB" in result.out
    assert [m["name"] for m in json.loads(as_json.out)] == ["llama3.2:latest", "someone/coder:v1"]
    installed = cli("installed", "--format", "json")
    assert [m["host"] for m in json.loads(installed.out)] == [ollama.url, ollama.url]
    table = cli("installed", "--host", host_port)
    assert "someone/coder:v1" in table.out
    _table_fits(table.out)
    shown = cli("show", "someone/coder:v1")
    assert shown.code == 0 and "installed:" in shown.out


def test_sync_uses_ollama_host(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeOllama([FakeModel("qwen3:8b")]) as ollama:
        monkeypatch.setenv("OLLAMA_HOST", ollama.url.removeprefix("http://"))
        result = cli("sync")
    assert result.code == 0 and "synced 1 models" in result.out


def test_sync_without_ollama_is_a_clear_failure(cli: Cli) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli("sync", "--host", f"127.0.0.1:{port}")
    assert result.code == 1
    assert f"could not connect to Ollama at http://127.0.0.1:{port}" in result.err
    assert "the inventory was not changed" in result.err


def test_save_modelfiles_elements_compose(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "coder"
    folder.mkdir()
    (folder / "Modelfile").write_text(CODER)
    saved = cli("save", str(folder / "Modelfile"))
    assert saved.code == 0, saved.err
    assert "saved coder (id 1): 3 elements, 3 new" in saved.out
    terse = tmp_path / "terse.Modelfile"
    terse.write_text('FROM llama3.2\nSYSTEM "Be terse."\nPARAMETER temperature 0.2\n')
    again = cli("save", str(terse), "--format", "json")
    assert json.loads(again.out)["new_elements"] == 2
    listing = json.loads(cli("modelfiles", "--format", "json").out)
    assert [m["name"] for m in listing] == ["coder", "terse"]
    assert "coder" in cli("modelfiles").out
    systems = json.loads(cli("elements", "--kind", "system", "--format", "json").out)
    assert [e["name"] for e in systems] == ["coder/system", "terse/system"]
    table = cli("elements")
    _table_fits(table.out)
    assert "coder/parameters" in table.out and "2" in table.out
    rows = list(csv.DictReader(io.StringIO(cli("elements", "--format", "csv").out)))
    assert {r["name"]: r["content"] for r in rows}["terse/system"] == "SYSTEM Be terse."
    composed = cli("compose", "--modelfile", "coder", "terse/system", "--from", "llama3.2:1b")
    assert composed.code == 0, composed.err
    assert composed.out == ("FROM llama3.2:1b\n\nSYSTEM Be terse.\n\nPARAMETER temperature 0.2\n")
    out = tmp_path / "Composed"
    written = cli("compose", "coder/from", "terse/system", "-o", str(out))
    assert written.code == 0
    assert out.read_text() == "FROM qwen2.5-coder:7b\n\nSYSTEM Be terse.\n"


def test_save_and_compose_failures(cli: Cli, tmp_path: Path) -> None:
    rejected = tmp_path / "Modelfile"
    rejected.write_text("FROM x\nBADCMD y\n")
    result = cli("save", str(rejected))
    assert result.code == 1 and "not saved: Ollama rejects" in result.err
    assert "command must be one of" in result.err
    assert cli("save", str(tmp_path / "missing")).code == 1
    (tmp_path / "ok").write_text("FROM x\nSYSTEM hi\n")
    assert cli("save", str(tmp_path / "ok"), "--name", "ok").code == 0
    no_from = cli("compose", "ok/system")
    assert no_from.code == 1 and "no FROM line" in no_from.err
    assert cli("compose").code == 1
    assert cli("compose", "no-such-element").code == 1
    assert cli("compose", "--modelfile", "nope").code == 1


def test_reset(cli: Cli, registry_path: Path) -> None:
    with open_registry(registry_path) as registry:
        registry.conn.execute("DELETE FROM models WHERE name = 'llama3.2'")
    result = cli("reset")
    assert (result.code, result.out) == (0, f"reset {registry_path}\n")
    assert cli("show", "llama3.2").code == 0
    empty = cli("reset", "--empty")
    assert empty.out.endswith("(empty)\n")
    assert json.loads(cli("list", "--format", "json").out) == []


def test_corrupt_registry_exit_2_and_reset_repairs(cli: Cli, registry_path: Path) -> None:
    registry_path.parent.mkdir(parents=True)
    registry_path.write_bytes(b"garbage" * 1000)
    result = cli("list")
    assert result.code == 2
    assert "modelfile-ls registry reset" in result.err
    assert cli("reset").code == 0
    assert cli("list").code == 0


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli().code == 2
    assert cli("nonsense").code == 2
    assert cli("list", "--limit", "-1").code == 2
    assert cli("list", "--capability", "telepathy").code == 2
    assert cli("list", "--format", "xml").code == 2
    assert cli("serve", "--port", "70000").code == 2
    assert cli("--help").code == 0


def test_module_entry_point_runs_in_a_subprocess(registry_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "modelfile_ls.registry", "--registry", str(registry_path), "stats"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "models" in result.stdout


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_answers_until_stopped(registry_path: Path, stop: signal.Signals) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "modelfile_ls.registry",
            "serve",
            "--port",
            "0",
            "--ollama-host",
            "127.0.0.1:9",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MODELFILE_LS_REGISTRY": str(registry_path)},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the socket is bound
        assert line.startswith(f"serving {registry_path} at http://127.0.0.1:"), line
        url = line.split(" at ", 1)[1].split()[0]
        health = httpx.get(f"{url}/health").json()
        assert health == {
            "success": True,
            "data": {"status": "ok", "schema_version": SCHEMA_VERSION, "models": 140},
        }
        assert "(dashboard: " in line
        assert httpx.get(f"{url}/").headers["content-type"].startswith("text/html")
        (host,) = httpx.get(f"{url}/api/hosts").json()["data"]
        assert (host["host"], host["reachable"]) == ("http://127.0.0.1:9", False)
    finally:
        process.send_signal(stop)
        code = process.wait(timeout=30)
    assert code == 0


def test_capability_filter_takes_imported_names(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "seed-example.csv"
    header = ",".join(CORE_COLUMNS)
    source.write_text(
        f'{header}\nthinker,Thinker,DeepSeek,7b,7.6,Q4_K_M,gguf,"chat,code,reasoning,math",'
        '"reasoning",A reasoning model\n'
    )
    assert cli("import", str(source)).code == 0
    listed = json.loads(cli("list", "--capability", "math", "--format", "json").out)
    assert [m["name"] for m in listed] == ["thinker"]
    assert listed[0]["capabilities"] == ["chat", "code", "math", "reasoning"]
    both = json.loads(cli("search", "thinker", "--capability", "Reasoning", "--format", "json").out)
    assert [m["name"] for m in both] == ["thinker"]
    table = cli("capabilities")
    assert table.out.split("\n")[0].split() == ["CAPABILITY", "MODELS", "OLLAMA", "DESCRIPTION"]
    rows = {
        r["name"]: r
        for r in csv.DictReader(io.StringIO(cli("capabilities", "--format", "csv").out))
    }
    assert rows["math"]["ollama"] == "false" and rows["chat"]["ollama"] == "true"
    unknown = cli("list", "--capability", "telepathy")
    assert unknown.code == 2
    assert "unknown capability 'telepathy' (known in this registry: completion" in unknown.err
    assert "math" in unknown.err
