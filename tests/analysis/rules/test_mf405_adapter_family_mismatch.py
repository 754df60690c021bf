"""Tests for MF405."""

from __future__ import annotations

import json
from pathlib import Path

from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.analysis.gguf import gguf_architecture
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.gguf_files import write_gguf
from tests.analysis.helpers import VALID, findings, located

CATALOG = FakeCatalog(
    {"qwen2.5": ModelFacts(family="Qwen"), "llama3.2": ModelFacts(family="Llama")}
)


def test_a_llama_adapter_on_a_qwen_model(tmp_path: Path) -> None:
    write_gguf(tmp_path / "lora.gguf", "llama")
    text = "FROM qwen2.5\nADAPTER ./lora.gguf\n"
    (finding,) = findings(text, "MF405", tmp_path, CATALOG)
    assert located(text, finding) == "./lora.gguf"
    assert "`llama` models" in finding.message and "Qwen" in finding.message
    assert finding.fixes == ()  # nothing mechanical: the right adapter or model is the user's


def test_a_peft_adapter_directory_names_its_base(tmp_path: Path) -> None:
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(
        json.dumps({"base_model_name_or_path": "Qwen/Qwen2.5-7B-Instruct"})
    )
    (adapter / "adapter_model.safetensors").write_bytes(b"{}")
    (finding,) = findings("FROM llama3.2\nADAPTER ./adapter\n", "MF405", tmp_path, CATALOG)
    assert "Qwen2.5-7B-Instruct" in finding.message


def test_local_gguf_models_are_compared_without_a_registry(tmp_path: Path) -> None:
    write_gguf(tmp_path / "model.gguf", "qwen2", before=3)
    write_gguf(tmp_path / "lora.gguf", "llama")
    (finding,) = findings("FROM ./model.gguf\nADAPTER ./lora.gguf\n", "MF405", tmp_path)
    assert "`qwen2` models" in finding.message


def test_silent_when_the_families_match_or_nothing_is_known(tmp_path: Path) -> None:
    write_gguf(tmp_path / "lora.gguf", "llama")
    (tmp_path / "plain.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    assert findings("FROM llama3.2\nADAPTER ./lora.gguf\n", "MF405", tmp_path, CATALOG) == []
    assert findings("FROM qwen2.5\nADAPTER ./lora.gguf\n", "MF405", tmp_path) == []
    assert findings("FROM other\nADAPTER ./lora.gguf\n", "MF405", tmp_path, CATALOG) == []
    assert findings("FROM qwen2.5\nADAPTER ./plain.gguf\n", "MF405", tmp_path, CATALOG) == []
    assert findings(VALID, "MF405", tmp_path, CATALOG) == []


def test_only_the_last_adapter_is_used(tmp_path: Path) -> None:
    write_gguf(tmp_path / "llama.gguf", "llama")
    write_gguf(tmp_path / "qwen.gguf", "qwen2")
    text = "FROM qwen2.5\nADAPTER ./llama.gguf\nADAPTER ./qwen.gguf\n"
    assert findings(text, "MF405", tmp_path, CATALOG) == []


def test_the_gguf_reader_survives_bad_headers(tmp_path: Path) -> None:
    (tmp_path / "short.gguf").write_bytes(b"GGUF\x03\x00\x00\x00\x00")
    (tmp_path / "text.gguf").write_text("version https://git-lfs.github.com/spec/v1\n")
    assert gguf_architecture(tmp_path / "short.gguf") is None
    assert gguf_architecture(tmp_path / "text.gguf") is None
    assert gguf_architecture(tmp_path / "missing.gguf") is None
    assert gguf_architecture(write_gguf(tmp_path / "ok.gguf", "gemma3", before=5)) == "gemma3"
