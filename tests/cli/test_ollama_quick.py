"""The quick Ollama verbs end to end against the fake: list, ps, show, version, copy, delete
and hosts; their output as Ollama's CLI prints it, and every failure a message, a hint and
exit code 1 (2 for usage)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from modelfile_ls.cli import SUBCOMMANDS
from modelfile_ls.commands.ollama.models import list_rows, processor, ps_rows
from modelfile_ls.commands.ollama.show import human_number
from modelfile_ls.ollama.responses import LocalModel, ModelDetails, RunningModel
from tests.cli.ollama_support import cli
from tests.fake_ollama import FakeModel, FakeOllama, refused_url

OLLAMA_VERBS = [
    "create", "pull", "push", "copy", "delete", "list", "ps", "show", "version", "extract",
    "bench", "hosts",
]  # fmt: skip


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    model = FakeModel(
        "llama3.2",
        parameters=[("stop", "<|eot_id|>"), ("temperature", 0.7)],
        system="You are a pirate.\nSpeak like one.\nAlways.",
        license="MIT License\nCopyright\nMore",
        model_info={"general.architecture": "llama", "llama.embedding_length": 3072},
    )
    with FakeOllama([model, FakeModel("qwen3:8b", size=5_200_000_000)]) as ollama:
        yield ollama


@pytest.mark.parametrize("verb", OLLAMA_VERBS)
def test_every_verb_has_help_and_the_shared_options(
    verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, verb, "--help")
    assert done.code == 0
    assert f"usage: modelfile-ls {verb}" in done.out
    for option in ("--host URL", "--config FILE", "--quiet"):
        assert option in done.out
    assert ("--registry PATH" in done.out) == (verb in ("extract", "bench"))
    assert verb in SUBCOMMANDS


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "copy", "only-one").code == 2
    assert cli(capsys, "delete").code == 2
    done = cli(capsys, "show", "x", "--modelfile", "--license")
    assert done.code == 2 and "not allowed with argument" in done.err
    assert cli(capsys, "list", "--format", "csv").code == 2


def test_list_prints_ollamas_columns(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "list", "--host", fake.url)
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].split() == ["NAME", "ID", "SIZE", "MODIFIED"]
    names = [line.split()[0] for line in lines[1:]]
    assert sorted(names) == ["llama3.2:latest", "qwen3:8b"]
    qwen = next(line for line in lines if line.startswith("qwen3:8b"))
    digest = fake.installed("qwen3:8b")
    assert digest is not None and f"    {digest.digest[:12]}    5.2 GB    " in qwen


def test_list_as_json(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "list", "--format", "json", "--host", fake.url)
    models = json.loads(done.out)
    assert {m["name"] for m in models} == {"llama3.2:latest", "qwen3:8b"}
    assert models[0]["details"]["quantization_level"] == "Q4_K_M"


def test_list_rows_word_size_and_time_as_ollama() -> None:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    local = LocalModel("a:latest", "a:latest", "2026-11-01T10:00:00.5Z", 2_019_393_189,
                       "a80c4f17acd5" * 5, ModelDetails())  # fmt: skip
    remote = LocalModel("b:cloud", "b:cloud", "", 0, "b" * 64, ModelDetails(), remote_model="b")
    assert list_rows([local, remote], now) == [
        ["a:latest", "a80c4f17acd5", "2.0 GB", "2 weeks ago"],
        ["b:cloud", "bbbbbbbbbbbb", "-", "Never"],
    ]


def test_ps_rows_as_ollama() -> None:
    now = datetime(2026, 11, 1, 10, tzinfo=UTC)
    soon = (now + timedelta(minutes=4, seconds=30)).isoformat()
    loaded = RunningModel("a:latest", "a:latest", 4_000_000_000, "c" * 64, ModelDetails(),
                          soon, 4_000_000_000, 8192)  # fmt: skip
    stopping = RunningModel("b:latest", "b:latest", 10, "d" * 64, ModelDetails(),
                            (now - timedelta(seconds=5)).isoformat(), 0)  # fmt: skip
    assert ps_rows([loaded, stopping], now) == [
        ["a:latest", "cccccccccccc", "4 GB", "100% GPU", "8192", "4 minutes from now"],
        ["b:latest", "dddddddddddd", "10 B", "100% CPU", "0", "Stopping..."],
    ]
    assert processor(100, 25) == "75%/25% CPU/GPU"
    assert processor(100, 200) == "Unknown"


def test_ps_lists_loaded_models(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "ps", "--host", fake.url).out.split() == [
        "NAME", "ID", "SIZE", "PROCESSOR", "CONTEXT", "UNTIL"
    ]  # fmt: skip
    fake.loaded["llama3.2:latest"] = "2999-01-01T00:00:00Z"
    done = cli(capsys, "ps", "--host", fake.url)
    assert done.code == 0
    row = done.out.splitlines()[1]
    model = fake.installed("llama3.2")
    assert model is not None
    cells = ["llama3.2:latest", model.digest[:12], "2.0 GB", "100% CPU", "4096", "Forever"]
    assert [cell.strip() for cell in row.split("    ") if cell.strip()] == cells
    assert (
        json.loads(cli(capsys, "ps", "--format", "json", "--host", fake.url).out)[0][
            "context_length"
        ]
        == 4096
    )


def test_show_prints_the_details(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "show", "llama3.2", "--host", fake.url)
    assert done.code == 0, done.err
    assert done.out == (
        "  Model\n"
        "    architecture        llama\n"
        "    parameters          3.2B\n"
        "    context length      131072\n"
        "    embedding length    3072\n"
        "    quantization        Q4_K_M\n"
        "\n"
        "  Capabilities\n"
        "    completion\n"
        "    tools\n"
        "\n"
        "  Parameters\n"
        '    stop           "<|eot_id|>"\n'
        "    temperature    0.7\n"
        "\n"
        "  System\n"
        "    You are a pirate.\n"
        "    Speak like one.\n"
        "    ...\n"
        "\n"
        "  License\n"
        "    MIT License\n"
        "    Copyright\n"
        "    ...\n"
        "\n"
    )


def test_show_parts_print_exactly_what_ollama_prints(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    model = fake.installed("llama3.2")
    assert model is not None
    modelfile = cli(capsys, "show", "llama3.2", "--modelfile", "--host", fake.url).out
    assert modelfile == model.show_response()["modelfile"] + "\n"
    assert cli(capsys, "show", "llama3.2", "--template", "--host", fake.url).out == "{{ .Prompt }}"
    system = cli(capsys, "show", "llama3.2", "--system", "--host", fake.url).out
    assert system == "You are a pirate.\nSpeak like one.\nAlways."
    licence = cli(capsys, "show", "llama3.2", "--license", "--host", fake.url).out
    assert licence == "MIT License\nCopyright\nMore\n"
    parameters = cli(capsys, "show", "llama3.2", "--parameters", "--host", fake.url).out
    assert parameters == model.parameters_text() + "\n"


def test_show_of_a_missing_model_says_what_to_do(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "show", "nope", "--host", fake.url)
    assert done.code == 1 and done.out == ""
    assert "model 'nope:latest' not found" in done.err
    assert "`modelfile-ls list` shows the installed models" in done.err


def test_human_number_as_ollama() -> None:
    assert [human_number(n) for n in (8_000_000_000, 3_212_749_888, 494_032_768, 768_000, 12)] == [
        "8B", "3.2B", "494.03M", "768K", "12"
    ]  # fmt: skip


def test_version(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "version", "--host", fake.url)
    assert (done.code, done.out) == (0, "ollama version is 0.33.0-rc2\n")


def test_copy_and_delete(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "copy", "llama3.2", "me/bot", "--host", fake.url)
    assert (done.code, done.out) == (0, "copied 'llama3.2' to 'me/bot'\n")
    assert fake.installed("me/bot") is not None
    done = cli(capsys, "delete", "me/bot", "qwen3:8b", "--host", fake.url)
    assert (done.code, done.out) == (0, "deleted 'me/bot'\ndeleted 'qwen3:8b'\n")
    assert fake.installed("me/bot") is None and fake.installed("qwen3:8b") is None


def test_delete_stops_at_the_first_refusal(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "delete", "nope", "llama3.2", "--host", fake.url)
    assert done.code == 1 and done.out == ""
    assert "model 'nope' not found" in done.err
    assert fake.installed("llama3.2") is not None


def test_copy_of_a_missing_model(fake: FakeOllama, capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "copy", "nope", "other", "--host", fake.url)
    assert done.code == 1 and 'model "nope" not found' in done.err


@pytest.mark.parametrize("verb", [["list"], ["ps"], ["show", "llama3.2"], ["version"],
                                  ["copy", "a", "b"], ["delete", "a"]])  # fmt: skip
def test_ollama_not_running(verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    url = refused_url()
    done = cli(capsys, *verb, "--host", url)
    assert done.code == 1 and done.out == ""
    assert f"could not connect to Ollama at {url}" in done.err
    assert "ollama serve" in done.err
    assert "Traceback" not in done.err


@pytest.mark.parametrize(
    ("verb", "path"),
    [(["list"], "/api/tags"), (["ps"], "/api/ps"), (["show", "llama3.2"], "/api/show"),
     (["version"], "/api/version"), (["copy", "llama3.2", "x"], "/api/copy"),
     (["delete", "llama3.2"], "/api/delete")],
)  # fmt: skip
def test_a_500_prints_ollamas_own_text(
    verb: list[str], path: str, fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.failures[path] = (500, {"error": "model list cache unavailable"})
    done = cli(capsys, *verb, "--host", fake.url)
    assert done.code == 1
    assert "answered 500: model list cache unavailable" in done.err


def test_list_fails_over_to_the_second_host_and_says_so(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    down = refused_url()
    done = cli(capsys, "list", "--host", down, "--host", fake.url)
    assert done.code == 0
    assert "llama3.2:latest" in done.out
    assert f"{down} refused the connection; using {fake.url}" in done.err


def test_quiet_hides_the_failover_notice(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    done = cli(capsys, "list", "--quiet", "--host", refused_url(), "--host", fake.url)
    assert done.code == 0 and done.err == "" and "llama3.2:latest" in done.out


def test_hosts_from_the_configuration(
    fake: FakeOllama, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    down = refused_url()
    config = tmp_path / "ollama.toml"
    config.write_text(f'ollama-hosts = ["{down}", "{fake.url}"]\n')
    done = cli(capsys, "hosts", "--config", str(config))
    assert done.code == 0, done.err
    header, first, second = done.out.splitlines()
    assert header.split() == ["HOST", "STATUS", "VERSION", "LATENCY"]
    assert first.startswith(down) and "unreachable: connection refused" in first
    cells = [cell.strip() for cell in second.split("    ") if cell.strip()]
    assert cells[:3] == [fake.url, "reachable", "0.33.0-rc2"] and cells[3].endswith(" ms")
    statuses = json.loads(cli(capsys, "hosts", "--format", "json", "--config", str(config)).out)
    assert [s["reachable"] for s in statuses] == [False, True]


def test_hosts_when_none_answers(capsys: pytest.CaptureFixture[str]) -> None:
    done = cli(capsys, "hosts", "--host", refused_url())
    assert done.code == 1 and "no configured Ollama host answered" in done.err


def test_a_bad_configuration_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("ollama-hosts = 3\n")
    done = cli(capsys, "list", "--config", str(config))
    assert done.code == 2 and "ollama-hosts" in done.err
