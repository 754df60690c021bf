"""`build_create_request`: the body `ollama create` sends, case by case (shared spec
modelfile.md §8, §10; Ollama's parser.CreateRequest and cmd.CreateHandler)."""

from __future__ import annotations

import hashlib
import json
import os
import pwd
from pathlib import Path

import pytest

from modelfile_ls.analysis import paths
from modelfile_ls.analysis.model_files import model_files
from modelfile_ls.analysis.rule import RuleContext
from modelfile_ls.ollama.create_request import (
    InvalidModelName,
    LocalFilesError,
    ModelfileRejected,
    build_create_request,
    dry_run_body,
    go_float32,
    request_file_names,
)
from tests.analysis.gguf_files import EMPTY_GGUF


def body_of(text: str, directory: Path | None = None, **options: str) -> dict[str, object]:
    """The dry-run body of a Modelfile written into `directory` (or a buffer without file)."""
    path = None
    if directory is not None:
        path = directory / "Modelfile"
        path.write_text(text)
    plan = build_create_request(text, path, model=options.pop("model", "mine"), **options)
    return dry_run_body(plan)


def digest(data: bytes) -> str:
    return f"sha256:{hashlib.sha256(data).hexdigest()}"


def test_a_model_name_base_with_every_scalar_in_go_field_order() -> None:
    text = (
        "FROM llama3.2\nREQUIRES v0.14\nPARSER qwen3\nRENDERER qwen3.5\nMESSAGE user hi\n"
        "PARAMETER temperature 0.3\nSYSTEM terse\nLICENSE MIT\nLICENSE Apache\n"
        "TEMPLATE {{ .Prompt }}\n"
    )
    body = body_of(text, quantize="q4_K_M")
    assert list(body.items()) == [
        ("model", "mine"),
        ("quantize", "q4_K_M"),
        ("from", "llama3.2"),
        ("template", "{{ .Prompt }}"),
        ("license", ["MIT", "Apache"]),
        ("system", "terse"),
        ("parameters", {"temperature": 0.3}),
        ("messages", [{"role": "user", "content": "hi"}]),
        ("renderer", "qwen3.5"),
        ("parser", "qwen3"),
        ("requires", "0.14"),
        ("name", ""),
    ]


def test_parameters_are_typed_as_format_params_types_them() -> None:
    text = (
        "FROM m\nPARAMETER num_ctx +4096\nPARAMETER temperature 1\nPARAMETER top_p 0.9\n"
        "PARAMETER use_mmap T\nPARAMETER stop <a>\nPARAMETER stop <b>\nPARAMETER seed -1\n"
        "PARAMETER temperature 0.1\n"
    )
    parameters = body_of(text)["parameters"]
    assert parameters == {
        "num_ctx": 4096,
        "seed": -1,
        "stop": ["<a>", "<b>"],
        "temperature": 0.1,
        "top_p": 0.9,
        "use_mmap": True,
    }
    assert isinstance(parameters, dict) and list(parameters) == sorted(parameters)
    assert type(parameters["num_ctx"]) is int and type(parameters["temperature"]) is float
    assert json.dumps(parameters["top_p"]) == "0.9"


def test_float32_values_print_as_go_prints_them() -> None:
    assert go_float32(0.30000001192092896) == 0.3
    assert go_float32(1.0) == 1.0
    assert go_float32(16777216.0) == 16777216.0
    assert go_float32(1e-07) == 1e-07


def test_deprecated_parameters_warn_and_are_dropped() -> None:
    plan = build_create_request("FROM m\nPARAMETER mirostat 2\n", None, model="x")
    assert plan.warnings == ["warning: parameter mirostat is deprecated"]
    assert "parameters" not in plan.body


def test_empty_values_are_not_sent_and_the_last_one_wins() -> None:
    body = body_of('FROM m\nSYSTEM first\nSYSTEM ""\nTEMPLATE x\nTEMPLATE ""\n')
    assert "system" not in body and "template" not in body


def test_a_parameter_named_as_a_command_acts_as_it() -> None:
    body = body_of("PARAMETER model llama3.2\nPARAMETER system terse\nMESSAGE user \n")
    assert body["from"] == "llama3.2" and body["system"] == "terse"
    assert body["messages"] == [{"role": "user", "content": ""}]


def test_the_last_from_that_is_not_a_path_wins() -> None:
    assert body_of("FROM a\nFROM b:7b\n")["from"] == "b:7b"


def test_a_local_gguf_is_sent_by_its_base_name_with_its_digest(tmp_path: Path) -> None:
    (tmp_path / "weights").mkdir()
    (tmp_path / "weights" / "model.gguf").write_bytes(EMPTY_GGUF)
    body = body_of("FROM ./weights/model.gguf\n", tmp_path)
    assert body["files"] == {"model.gguf": digest(EMPTY_GGUF)}
    assert "from" not in body


def test_paths_resolve_against_the_modelfiles_directory_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "m.gguf").write_bytes(EMPTY_GGUF)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert body_of("FROM m.gguf\n", project)["files"] == {"m.gguf": digest(EMPTY_GGUF)}


def test_tilde_expands_to_the_users_home_not_home_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Go's `user.Current` reads the password database first: `$HOME` does not move `~`."""
    monkeypatch.setattr(paths, "current_home", lambda: str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "elsewhere"))
    (tmp_path / "m.gguf").write_bytes(EMPTY_GGUF)
    assert body_of("FROM ~/m.gguf\n")["files"] == {"m.gguf": digest(EMPTY_GGUF)}


def test_the_users_home_is_the_password_databases() -> None:
    assert paths.current_home() == pwd.getpwuid(os.getuid()).pw_dir


def test_several_froms_are_named_relative_to_their_common_directory(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "model.gguf").write_bytes(EMPTY_GGUF)
    (tmp_path / "b" / "mmproj.gguf").write_bytes(EMPTY_GGUF + b"p")
    body = body_of("FROM ./a/model.gguf\nFROM ./b/mmproj.gguf\n", tmp_path)
    assert body["files"] == {
        "a/model.gguf": digest(EMPTY_GGUF),
        "b/mmproj.gguf": digest(EMPTY_GGUF + b"p"),
    }


def test_a_safetensors_directory_sends_weights_config_and_tokenizer(tmp_path: Path) -> None:
    model = tmp_path / "hf"
    (model / "nested").mkdir(parents=True)
    (model / "model-00001-of-00002.safetensors").write_bytes(b"\x00w1")
    (model / "model-00002-of-00002.safetensors").write_bytes(b"\x00w2")
    (model / "config.json").write_text("{}")
    (model / "nested" / "config.json").write_text('{"a": 1}')
    (model / "tokenizer.model").write_bytes(b"\x00tok")
    (model / "README.md").write_text("not sent")
    files = body_of("FROM ./hf\n", tmp_path)["files"]
    assert isinstance(files, dict)
    assert list(files) == [
        "config.json",
        "model-00001-of-00002.safetensors",
        "model-00002-of-00002.safetensors",
        "nested/config.json",
        "tokenizer.model",
    ]


def test_a_config_that_is_not_text_fails_with_ollamas_message(tmp_path: Path) -> None:
    model = tmp_path / "hf"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"\x00w")
    (model / "config.json").write_bytes(b"\x00\x01binary")
    with pytest.raises(ModelfileRejected) as failed:  # MF212, before any file is hashed
        body_of("FROM ./hf\n", tmp_path)
    assert [f.ollama_message for f in failed.value.findings] == [
        f"invalid content type: expected application/octet-stream for {model / 'config.json'}"
    ]


def test_a_directory_that_changes_after_the_check_fails_with_ollamas_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are selected again when the request is built: a config that became binary
    after the check (simulated: the check saw the clean directory) still fails as Ollama's."""
    model = tmp_path / "hf"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"\x00w")
    (model / "config.json").write_bytes(b"{}")
    clean = model_files(model)
    (model / "config.json").write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(RuleContext, "model_files", lambda _self, _directory: clean)
    with pytest.raises(LocalFilesError) as failed:
        body_of("FROM ./hf\n", tmp_path)
    assert str(failed.value).startswith("invalid content type: expected application/octet-stream")


def test_each_adapter_replaces_the_last_and_drafts_merge(tmp_path: Path) -> None:
    for name in ("base.gguf", "one.gguf", "two.gguf", "d1.gguf"):
        (tmp_path / name).write_bytes(EMPTY_GGUF + name.encode())
    text = "FROM ./base.gguf\nADAPTER ./one.gguf\nADAPTER ./two.gguf\nDRAFT ./d1.gguf\n"
    plan = build_create_request(text, tmp_path / "Modelfile", model="x")
    assert [(f.field, f.name) for f in plan.files] == [
        ("files", "base.gguf"),
        ("adapters", "two.gguf"),
        ("draft_files", "d1.gguf"),
    ]
    body = dry_run_body(plan)
    assert list(body) == ["model", "files", "draft_files", "adapters", "name"]
    assert body["adapters"] == {"two.gguf": digest(EMPTY_GGUF + b"two.gguf")}


def test_file_names_of_one_file_and_of_files_in_one_directory() -> None:
    assert request_file_names([Path("/x/y/m.gguf")]) == {Path("/x/y/m.gguf"): "m.gguf"}
    names = request_file_names([Path("/x/a.json"), Path("/x/sub/b.json")])
    assert names == {Path("/x/a.json"): "a.json", Path("/x/sub/b.json"): "sub/b.json"}


def test_errors_refuse_the_create_with_the_check_findings(tmp_path: Path) -> None:
    with pytest.raises(ModelfileRejected) as refused:
        body_of("FROM m\nPARAMETER max_tokens 5\nPARAMETER num_ctx 4096.0\n", tmp_path)
    assert [f.code for f in refused.value.findings] == ["MF101", "MF105"]
    path = tmp_path / "Modelfile"
    assert str(refused.value) == f"`{path}` has 2 errors; fix them before creating"
    assert "--check" in refused.value.hint


def test_a_suppression_does_not_make_ollama_accept_the_file() -> None:
    text = "FROM m\n# modelfile-ls: ignore[MF101]\nPARAMETER max_tokens 5\n"
    with pytest.raises(ModelfileRejected, match="the Modelfile has 1 error;"):
        build_create_request(text, None, model="x")


def test_a_missing_adapter_is_refused_with_ollamas_stat_error(tmp_path: Path) -> None:
    with pytest.raises(ModelfileRejected) as refused:
        body_of("FROM m\nADAPTER ./nope\n", tmp_path)
    (finding,) = refused.value.findings
    assert finding.ollama_message == f"stat {tmp_path / 'nope'}: no such file or directory"


@pytest.mark.parametrize("name", ["my model", "-x", "a/b/c/d", "m:"])
def test_an_invalid_target_name_fails_as_the_cli_does(name: str) -> None:
    with pytest.raises(InvalidModelName, match=f"^invalid model name: {name}$"):
        build_create_request("FROM m\n", None, model=name)


def test_bytes_are_decoded_as_ollama_decodes_them() -> None:
    data = b"\xff\xfe" + "FROM bob\r\nSYSTEM hi\r\n".encode("utf-16-le")
    plan = build_create_request(data, None, model="x")
    assert plan.body == {"model": "x", "from": "bob", "system": "hi", "name": ""}
