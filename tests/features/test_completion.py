"""complete(): candidates by cursor context, with and without a registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.features import CandidateKind, CompletionCandidate, Completions, complete
from modelfile_ls.features.completion_instructions import quote_value
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import parse
from tests.features.conftest import cursor


def run(
    document: str,
    *,
    registry: Registry | None = None,
    base_dir: Path | None = None,
    snippets: bool = False,
    limit: int = 50,
) -> tuple[str, Completions]:
    text, offset = cursor(document)
    result = complete(
        parse(text), offset, registry=registry, base_dir=base_dir, snippets=snippets, limit=limit
    )
    return text, result


def labels(result: Completions) -> list[str]:
    return [item.label for item in sorted(result.items, key=lambda i: i.sort_text)]


def by_label(result: Completions, label: str) -> CompletionCandidate:
    return next(item for item in result.items if item.label == label)


def test_keywords_at_a_line_start() -> None:
    _, result = run("FROM x\n‸")
    assert labels(result)[:4] == ["FROM", "PARAMETER", "TEMPLATE", "SYSTEM"]
    assert len(result.items) == 11
    item = by_label(result, "PARAMETER")
    assert item.kind is CandidateKind.KEYWORD
    assert item.insert_text == "PARAMETER "
    assert item.retrigger and not item.is_snippet
    assert item.documentation is not None and "case-sensitive" in item.documentation.markdown
    assert by_label(result, "DRAFT").detail.startswith("A draft model")


def test_keyword_snippets_only_when_the_client_supports_them() -> None:
    _, result = run("‸", snippets=True)
    assert by_label(result, "PARAMETER").insert_text == "PARAMETER ${1:name} ${2:value}"
    assert by_label(result, "MESSAGE").insert_text == (
        "MESSAGE ${1|system,user,assistant|} ${2:content}"
    )
    assert by_label(result, "TEMPLATE").is_snippet
    assert by_label(result, "FROM").insert_text == "FROM "


def test_keyword_being_typed_is_replaced_with_its_trailing_blanks() -> None:
    text, result = run("SYSTEM é\npar‸  ")
    item = by_label(result, "PARAMETER")
    assert text[item.replace_span.start : item.replace_span.end] == "par  "
    assert item.filter_text == "PARAMETER"


def test_keyword_before_existing_text_is_inserted_alone() -> None:
    text, result = run("FR‸OM llama3.2", snippets=True)
    item = by_label(result, "FROM")
    assert item.insert_text == "FROM" and not item.is_snippet
    assert text[item.replace_span.start : item.replace_span.end] == "FROM"


def test_parameter_names_are_current_ones_with_facts() -> None:
    _, result = run("FROM x\nPARAMETER te‸")
    names = labels(result)
    assert "temperature" in names and "num_ctx" in names
    assert "mirostat" not in names and "numa" not in names
    item = by_label(result, "temperature")
    assert item.kind is CandidateKind.PROPERTY
    assert item.detail == "float · default 0.8 · >= 0"
    assert by_label(result, "min_p").detail == "float · default 0.0 · 0..1 · since Ollama 0.3.1"
    assert item.insert_text == "temperature "
    assert item.documentation is not None
    assert "Randomness" in item.documentation.plaintext


def test_parameter_name_snippets_offer_the_default() -> None:
    _, result = run("PARAMETER ‸", snippets=True)
    assert by_label(result, "temperature").insert_text == "temperature ${1:0.8}"
    assert by_label(result, "use_mmap").insert_text == "use_mmap ${1|true,false|}"
    assert by_label(result, "stop").insert_text == "stop $1"


def test_parameter_name_before_a_value_is_inserted_alone() -> None:
    text, result = run("PARAMETER te‸mp 0.5", snippets=True)
    item = by_label(result, "temperature")
    assert item.insert_text == "temperature"
    assert text[item.replace_span.start : item.replace_span.end] == "temp"


def test_parameters_already_set_sort_last_except_stop() -> None:
    _, result = run("PARAMETER temperature 1\nPARAMETER stop x\nPARAMETER ‸")
    order = labels(result)
    assert order[-1] == "temperature"
    assert by_label(result, "temperature").detail.endswith("already set")
    assert "already set" not in by_label(result, "stop").detail


def test_bool_values() -> None:
    _, result = run("PARAMETER use_mmap ‸")
    assert labels(result) == ["true", "false"]
    assert by_label(result, "true").kind is CandidateKind.VALUE


def test_numbers_have_no_value_candidates() -> None:
    assert run("PARAMETER temperature ‸")[1].items == ()
    assert run("PARAMETER nonsense ‸")[1].items == ()


def test_stop_values_come_from_the_base_model(registry: Registry) -> None:
    _, result = run(
        'FROM llama3.2\nPARAMETER stop "<|eot_id|>"\nPARAMETER stop ‸', registry=registry
    )
    assert labels(result) == ["<|start_header_id|>", "<|end_header_id|>"]
    item = by_label(result, "<|start_header_id|>")
    assert item.insert_text == "<|start_header_id|>"
    assert item.detail == "stop of llama3.2"
    assert item.documentation is not None


def test_stop_values_keep_a_typed_quote(registry: Registry) -> None:
    text, result = run('FROM llama3.2\nPARAMETER stop "<|e‸', registry=registry)
    item = by_label(result, "<|eot_id|>")
    assert item.insert_text == '"<|eot_id|>"'
    assert text[item.replace_span.start : item.replace_span.end] == '"<|e'


def test_stop_values_from_the_catalog(bare_registry: Registry) -> None:
    # Non-ASCII stop tokens (full-width bars) come through unchanged.
    text, result = run("FROM deepseek-r1:7b\nPARAMETER stop <｜‸", registry=bare_registry)
    item = by_label(result, "<｜end▁of▁sentence｜>")
    assert item.insert_text == "<｜end▁of▁sentence｜>"
    assert text[item.replace_span.start : item.replace_span.end] == "<｜"


def test_stop_values_need_a_registry() -> None:
    assert run("FROM llama3.2\nPARAMETER stop ‸")[1].items == ()


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("<|im_end|>", "<|im_end|>"),
        ("", '""'),
        (" lead", '" lead"'),
        ("two\nlines", '"two\nlines"'),
        ('say "hi"\n', '"""say "hi"\n"""'),
        ('"quoted"', '""""quoted""""'),
    ],
)
def test_quote_value(value: str, written: str) -> None:
    assert quote_value(value) == written
    parsed_value = parse(f"PARAMETER stop {written}\n").instructions[0].value
    assert parsed_value is not None and parsed_value.text == value


def test_message_roles() -> None:
    _, result = run("MESSAGE ‸")
    assert labels(result) == ["system", "user", "assistant"]
    assert by_label(result, "user").insert_text == "user "
    _, result = run("MESSAGE us‸ hi")
    assert by_label(result, "user").insert_text == "user"


def test_models_from_the_registry_installed_first(registry: Registry) -> None:
    text, result = run("FROM llama3‸", registry=registry)
    order = labels(result)
    assert order[0] == "llama3.2"
    assert {"llama3", "llama3.1", "llama3.3"} <= set(order)
    item = by_label(result, "llama3.2")
    assert item.kind is CandidateKind.MODULE
    assert item.detail.startswith("installed · Llama")
    assert text[item.replace_span.start : item.replace_span.end] == "llama3"
    assert not result.is_incomplete


def test_model_tags(registry: Registry) -> None:
    _, result = run("FROM llama3.2:‸", registry=registry)
    assert set(labels(result)) == {"llama3.2:1b", "llama3.2:3b", "llama3.2:latest"}
    assert labels(result)[0] == "llama3.2:latest"
    assert "1.24B" in by_label(result, "llama3.2:1b").detail


def test_models_more_than_the_limit_are_incomplete(registry: Registry) -> None:
    result = run("FROM ‸", registry=registry, limit=3)[1]
    assert len(result.items) == 3 and result.is_incomplete


def test_models_need_a_registry() -> None:
    assert run("FROM lla‸")[1].items == ()


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    (tmp_path / "weights").mkdir()
    (tmp_path / "weights" / "modèle-😀.gguf").write_bytes(b"GGUF")
    (tmp_path / "adapter").mkdir()
    (tmp_path / "base.gguf").write_bytes(b"GGUF")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    return tmp_path


def test_paths_relative_to_the_document(model_dir: Path) -> None:
    text, result = run("FROM ./‸", base_dir=model_dir)
    assert labels(result) == ["adapter/", "weights/", "base.gguf", "notes.txt"]
    folder = by_label(result, "weights/")
    assert folder.kind is CandidateKind.FOLDER and folder.retrigger
    assert folder.replace_span.start == folder.replace_span.end == len(text)


def test_paths_in_a_subdirectory_replace_the_last_segment(model_dir: Path) -> None:
    text, result = run("ADAPTER weights/mo‸", base_dir=model_dir)
    item = by_label(result, "modèle-😀.gguf")
    assert item.kind is CandidateKind.FILE
    assert text[item.replace_span.start : item.replace_span.end] == "mo"


def test_hidden_files_only_when_asked(model_dir: Path) -> None:
    assert ".hidden" in labels(run("DRAFT ./.‸", base_dir=model_dir)[1])
    assert ".hidden" not in labels(run("DRAFT ./‸", base_dir=model_dir)[1])


def test_relative_paths_need_the_document_directory() -> None:
    assert run("ADAPTER ./‸")[1].items == ()


def test_absolute_paths_work_without_a_directory(model_dir: Path) -> None:
    _, result = run(f"ADAPTER {model_dir}/‸")
    assert "base.gguf" in labels(result)


def test_from_with_nothing_typed_offers_local_weights(model_dir: Path, registry: Registry) -> None:
    _, result = run("FROM ‸", base_dir=model_dir, registry=registry)
    local = by_label(result, "./base.gguf")
    assert local.kind is CandidateKind.FILE
    assert "./notes.txt" not in labels(result)
    assert len(result.items) == 51


def test_renderer_and_parser_names() -> None:
    _, result = run("RENDERER qw‸")
    assert "qwen3-coder" in labels(result)
    _, result = run("PARSER ‸")
    assert "harmony" in labels(result)
    assert run("REQUIRES ‸")[1].items == ()


def test_template_variables_inside_an_action() -> None:
    text, result = run('TEMPLATE """héllo 😀 {{ .Sy‸ }}"""')
    item = by_label(result, ".System")
    assert item.kind is CandidateKind.VARIABLE
    assert text[item.replace_span.start : item.replace_span.end] == ".Sy"
    assert item.documentation is not None
    # At the top level dot is the template data: a message's fields are not valid there.
    assert ".Role" not in labels(result)
    assert {".Prompt", ".Response", ".Messages", ".Tools", ".Think"} <= set(labels(result))
    assert "printf" not in labels(result)


def test_template_fields_inside_range_messages() -> None:
    _, result = run("TEMPLATE {{ range .Messages }}{{ .‸ }}{{ end }}")
    names = labels(result)
    assert {".Role", ".Content", ".ToolCalls", ".Thinking"} <= set(names)
    assert ".System" not in names
    assert by_label(result, ".Role").kind is CandidateKind.FIELD
    # After the block's end dot is the data again.
    after = labels(run("TEMPLATE {{ range .Messages }}{{ end }}{{ .‸")[1])
    assert ".System" in after and ".Role" not in after


def test_template_fields_of_a_variable_and_of_an_unfinished_template() -> None:
    _, result = run("TEMPLATE {{ range $i, $t := .Tools }}{{ $t.‸")
    assert {".Type", ".Parameters"} <= set(labels(result)) and ".Role" not in labels(result)
    _, calls = run("TEMPLATE {{ range .Messages }}{{ range .ToolCalls }}{{ .‸")
    assert {".Function", ".ID"} <= set(labels(calls))


def test_template_variables_in_scope() -> None:
    _, result = run("TEMPLATE {{ $sys := .System }}{{ range $i, $m := .Messages }}{{ $‸")
    assert labels(result) == ["$", "$i", "$m", "$sys"]
    assert by_label(result, "$m").detail == "a message"
    assert by_label(result, "$i").detail == "range index"
    # A variable lives until the end of its block, as in Go.
    _, outside = run("TEMPLATE {{ range $i, $m := .Messages }}{{ end }}{{ $‸")
    assert labels(outside) == ["$"]


def test_template_functions_and_actions() -> None:
    _, result = run("TEMPLATE {{ ‸")
    assert by_label(result, "printf").kind is CandidateKind.FUNCTION
    assert by_label(result, "currentDate").kind is CandidateKind.FUNCTION
    assert by_label(result, "range").kind is CandidateKind.KEYWORD
    assert ".Messages" in labels(result) and "$" in labels(result)


def test_template_blocks_after_a_brace() -> None:
    text, result = run("TEMPLATE {{ .Prompt }} {‸}", snippets=True)
    item = by_label(result, "{{ if .System }}…{{ end }}")
    assert item.insert_text == "{{ if .System }}$0{{ end }}" and item.is_snippet
    # The brace the editor closed automatically is replaced too.
    assert text[item.replace_span.start : item.replace_span.end] == "{}"
    plain = run("TEMPLATE {{ .Prompt }} {‸")[1]
    assert by_label(plain, "{{ range .Messages }}…{{ end }}").insert_text == (
        "{{ range .Messages }}{{ end }}"
    )


def test_no_template_blocks_in_plain_text() -> None:
    assert run("TEMPLATE hello wor‸")[1].items == ()


def test_suppression_codes_in_a_comment() -> None:
    _, result = run("# modelfile-ls: ignore[MF101,MF1‸")
    assert "MF102" in labels(result)
    assert by_label(result, "MF102").detail == "parameter-name-case"
    assert run("# just a note ‸")[1].items == ()


def test_nothing_in_free_text() -> None:
    assert run("SYSTEM You are ‸")[1].items == ()
    assert run("BADCMD x‸")[1].items == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='FROMPARETSYGLIC {}.:/"#\n\r\t$xé😀\u200b', max_size=60), st.data())
def test_any_text_and_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    parsed = parse(text)
    for item in complete(parsed, offset, snippets=data.draw(st.booleans())).items:
        span = item.replace_span
        assert span.start <= offset <= span.end
        assert parsed.lines.line_of(span.start) == parsed.lines.line_of(offset)
