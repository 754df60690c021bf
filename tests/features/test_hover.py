"""hover(): docs and facts for what is under the cursor, in Markdown and plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.features import HoverResult, hover
from modelfile_ls.registry import Metric, Registry
from modelfile_ls.registry.hardware import HARDWARE_ENV
from modelfile_ls.syntax import parse
from tests.features.conftest import cursor


def run(
    document: str, *, registry: Registry | None = None, base_dir: Path | None = None
) -> tuple[str, HoverResult | None]:
    text, offset = cursor(document)
    return text, hover(parse(text), offset, registry=registry, base_dir=base_dir)


def shown(
    document: str, *, registry: Registry | None = None, base_dir: Path | None = None
) -> HoverResult:
    result = run(document, registry=registry, base_dir=base_dir)[1]
    assert result is not None
    return result


def test_instruction_keyword() -> None:
    text, result = run("fr‸om llama3.2")
    assert result is not None
    assert text[result.span.start : result.span.end] == "from"
    assert result.markdown.startswith("**FROM**: The base model")
    assert "Repeated: several allowed" in result.plaintext
    assert "**" not in result.plaintext and "`" not in result.plaintext


def test_keyword_with_version() -> None:
    assert "Since: Ollama 0.12.0" in shown("RENDE‸RER qwen3-coder").plaintext


def test_parameter_name() -> None:
    text, result = run("PARAMETER temp‸erature 0.7")
    assert result is not None
    assert text[result.span.start : result.span.end] == "temperature"
    assert "**PARAMETER `temperature`** (float)" in result.markdown
    assert "Default: 0.8" in result.plaintext
    assert "Range: >= 0" in result.plaintext
    assert "Other tools call it: temp" in result.plaintext


def test_parameter_versions() -> None:
    assert "since Ollama 0.3.1" in shown("PARAMETER mi‸n_p 0.1").plaintext
    deprecated = shown("PARAMETER mir‸ostat 2").plaintext
    assert "deprecated since Ollama 0.7.0: dropped with a warning" in deprecated
    assert "removed in Ollama 0.3.4" in shown("PARAMETER nu‸ma true").plaintext


def test_unknown_parameter_with_its_ollama_name() -> None:
    result = shown("PARAMETER max_tok‸ens 10")
    assert "Ollama has no parameter" in result.plaintext
    assert "Ollama's name for it is `num_predict`" in result.markdown


def test_parameter_named_like_an_instruction() -> None:
    result = shown("PARAMETER sys‸tem You are terse.")
    assert "Ollama applies it as **SYSTEM**" in result.markdown


def test_parameter_value_as_ollama_converts_it() -> None:
    text, result = run("PARAMETER num_ctx +40‸96")
    assert result is not None
    assert text[result.span.start : result.span.end] == "+4096"
    assert "Ollama reads num_ctx = 4096 (int)" in result.plaintext
    assert "Ollama reads use_mmap = true (bool)" in shown("PARAMETER use_mmap ‸T").plaintext


def test_parameter_value_equal_to_the_default() -> None:
    assert "Ollama's default" in shown('PARAMETER temperature "0.8‸"').plaintext


def test_parameter_value_with_a_trailing_comment() -> None:
    result = shown("PARAMETER temperature 0.5‸ # hot")
    assert "`ollama create` fails: `invalid float value [0.5 # hot]`" in result.markdown
    assert "```text\n0.5 # hot\n```" in result.markdown
    assert "# hot is part of the value, not a comment" in result.plaintext


def test_stop_value() -> None:
    assert "Stop sequence" in shown("PARAMETER stop <｜User‸｜>").plaintext


def test_value_with_invisible_characters() -> None:
    text, result = run("SYSTEM héllo\u200b wo‸rld 😀")
    assert result is not None
    assert "1 invisible character(s) (U+200B) are dropped" in result.plaintext
    assert "héllo world 😀" in result.plaintext
    assert text[result.span.start : result.span.end] == "héllo\u200b world 😀"


def test_plain_values_have_no_hover() -> None:
    assert run("SYSTEM You are ‸terse.")[1] is None
    assert run("FROM x\n‸\n")[1] is None
    assert run("# a no‸te")[1] is None


def test_model_without_registry() -> None:
    result = shown("FROM llama3.‸2")
    assert "Model llama3.2:latest" in result.plaintext
    assert "https://ollama.com/library/llama3.2" in result.markdown


def test_model_with_registry(registry: Registry) -> None:
    registry.add_metric(Metric("llama3.2", "3b", "cpu: ryzen", "tokens_per_second", 25.5))
    result = shown("FROM llama‸3.2", registry=registry)
    text = result.plaintext
    assert "Family: Llama" in text
    assert "Tags: 1b (1.24B), 3b (3.21B)" in text
    assert "Size: 3.21B" in text
    assert "Context length: 131,072 tokens" in text
    assert "Capabilities: completion, chat, tools" in text
    assert "License: llama3.2" in text
    assert "Installed: yes" in text
    assert "Measured: 25.5 tokens/s (3b, cpu: ryzen)" in text


def test_model_best_speed_on_this_machine(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HARDWARE_ENV, "this box")
    registry.add_metric(Metric("llama3.2", "3b", "this box", "tokens_per_second", 31.0))
    registry.add_metric(Metric("llama3.2", "3b", "this box", "tokens_per_second", 42.5))
    registry.add_metric(Metric("llama3.2", "1b", "this box", "tokens_per_second", 80.0))
    registry.add_metric(Metric("llama3.2", "3b", "other box", "tokens_per_second", 99.0))
    text = shown("FROM llama3.2:3‸b", registry=registry).plaintext
    assert "Best on this machine: 42.5 tokens/s (3b)" in text
    # A tag never measured here: the best of any tag, which names its tag.
    text = shown("FROM llama3.2:lat‸est", registry=registry).plaintext
    assert "Best on this machine: 80 tokens/s (1b)" in text


def test_model_best_speed_is_silent_without_data(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HARDWARE_ENV, "this box")
    assert "Best on this machine" not in shown("FROM llama‸3.2", registry=registry).plaintext
    registry.add_metric(Metric("llama3.2", "3b", "other box", "tokens_per_second", 99.0))
    assert "Best on this machine" not in shown("FROM llama‸3.2", registry=registry).plaintext


def test_model_not_installed(registry: Registry) -> None:
    result = shown("FROM llama3.2:1‸b", registry=registry)
    assert "Installed: no; installed tags: latest" in result.plaintext
    assert "Size: 1.24B" in result.plaintext


def test_model_without_inventory(bare_registry: Registry) -> None:
    text = shown("FROM qwen‸3", registry=bare_registry).plaintext
    assert "Installed: unknown" in text


def test_namespaced_and_cloud_models() -> None:
    assert "https://ollama.com/user/model" in shown("FROM user/mo‸del:v1").markdown
    assert "huggingface.co/org/repo" in shown("FROM hf.co/org/re‸po:Q4_K_M").markdown
    assert "cloud model" in shown("FROM gpt-oss:120b-cl‸oud").plaintext


def test_invalid_model_name() -> None:
    assert "is not a valid model name" in shown("FROM -x‸").plaintext


def test_local_paths(tmp_path: Path) -> None:
    (tmp_path / "modèle.gguf").write_bytes(b"GGUF" * 10)
    (tmp_path / "dir").mkdir()
    assert "Local file" in shown("FROM ./mod‸èle.gguf", base_dir=tmp_path).plaintext
    assert "Local directory" in shown("ADAPTER ./d‸ir", base_dir=tmp_path).plaintext
    missing = shown("FROM ./gone‸.gguf", base_dir=tmp_path).plaintext
    assert "does not exist, so Ollama treats the value as a model name" in missing
    assert "no such file or directory" in shown("ADAPTER ./gone‸", base_dir=tmp_path).plaintext
    assert "relative to the Modelfile's directory" in shown("ADAPTER ./gone‸").plaintext


def test_template_names() -> None:
    text, result = run('TEMPLATE """{{ if .Sys‸tem }}{{ end }}"""')
    assert result is not None
    assert text[result.span.start : result.span.end] == ".System"
    assert "`.System`: `string` (variable)" in result.markdown
    assert (
        "field of a message"
        in shown("TEMPLATE {{ range .Messages }}{{ .Ro‸le }}{{ end }}").plaintext
    )
    assert "fmt.Sprintf" in shown("TEMPLATE {{ print‸f .Prompt }}").plaintext
    assert "per element" in shown("TEMPLATE {{ ran‸ge .Messages }}{{ end }}").plaintext
    # A name with no documentation: the hover is the value's, the prompt preview.
    assert "Prompt preview" in shown("TEMPLATE {{ .Unkn‸own }}").plaintext


def test_template_keyword_and_value_show_the_first_lines_of_the_preview() -> None:
    document = (
        'FROM x\nSYSTEM Be brief.\nTEMPLATE """{{ range .Messages }}<|{{ .Role }}|>\n'
        '{{ .Content }}\n{{ end }}<|assistant|>\n"""\n'
    )
    keyword = shown(document.replace("TEMPLATE", "TEMP‸LATE"))
    assert keyword.markdown.startswith("**TEMPLATE**")
    assert "**Prompt preview** (built-in sample) (first 8 of 10 lines):" in keyword.markdown
    assert "```text\n<|system|>\nBe brief.\n<|user|>\nHello! What can you do?\n" in (
        keyword.markdown
    )
    # The eighth line ends the excerpt; the closing `<|assistant|>` is past it.
    assert "<|user|>\nWrite a haiku about Modelfiles.\n```" in keyword.markdown
    value = shown(document.replace("<|assistant|>\n", "<|assis‸tant|>\n"))
    assert value.plaintext.startswith("Prompt preview (built-in sample)")


def test_template_hover_shows_go_s_execution_error() -> None:
    result = shown("TEMPLATE {{ range .Messages }}{{ .Foo }}{{ end }}‸")
    assert "Prompt preview fails (built-in sample):" in result.plaintext
    assert (
        'template: :1:24: executing "" at <.Foo>: can\'t evaluate field Foo in type'
        " *template.templateMessage" in result.plaintext
    )


def test_message_role() -> None:
    assert "a user turn" in shown("MESSAGE us‸er hi").plaintext
    assert "is not a role" in shown("MESSAGE Us‸er hi").plaintext


def test_rule_code_in_a_suppression_comment() -> None:
    text, result = run("# modelfile-ls: ignore[MF101, mf1‸02]\nPARAMETER Top_k 1")
    assert result is not None
    assert text[result.span.start : result.span.end] == "mf102"
    assert "**MF102** `parameter-name-case` (error)" in result.markdown
    assert "Example:" in result.plaintext


def test_empty_from_is_the_document_directory(tmp_path: Path) -> None:
    assert "An empty FROM is the Modelfile's own directory" in shown("FROM ‸\n").plaintext
    assert "Local directory" in shown("FROM ‸\n", base_dir=tmp_path).plaintext


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='FROMPARETSYGLIC {}.:/"#\n\r\t$xé😀\u200b', max_size=60), st.data())
def test_any_text_and_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    result = hover(parse(text), offset)
    if result is not None:
        assert result.span.start <= result.span.end <= len(text)
        assert result.markdown and result.plaintext
