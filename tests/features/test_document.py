"""document_index(): per-document data computed once and shared while the document lives."""

from __future__ import annotations

from modelfile_ls.features import document_index
from modelfile_ls.features.document import DocumentIndex
from modelfile_ls.syntax import parse


def test_same_document_same_index() -> None:
    parsed = parse("FROM x\n")
    assert document_index(parsed) is document_index(parsed)
    assert document_index(parse("FROM x\n")) is not document_index(parsed)


def test_only_recent_documents_are_kept() -> None:
    first = parse("FROM x\n")
    index = document_index(first)
    for _ in range(20):
        document_index(parse("FROM y\n"))
    assert document_index(first) is not index
    assert document_index(first) is document_index(first)


def test_base_model_is_the_last_model_name() -> None:
    index = document_index(
        parse("FROM llama3.2\nFROM ./model.gguf\nFROM qwen3:8b\nFROM -bad\nFROM\n")
    )
    assert [b.text for b in index.base_models] == ["llama3.2", "qwen3:8b"]
    assert index.base_model is not None and index.base_model.name.short == "qwen3:8b"
    assert document_index(parse("FROM ./m.gguf\n")).base_model is None


def test_a_parameter_named_model_is_a_base_model() -> None:
    base = document_index(parse("PARAMETER model llama3.2\n")).base_model
    assert base is not None and base.text == "llama3.2"


def test_parameter_values_in_order() -> None:
    index = DocumentIndex(
        parsed := parse('PARAMETER stop a\nPARAMETER stop "😀"\nPARAMETER top_k 1\n')
    )
    assert index.parsed is parsed
    assert index.parameter_values == {"stop": ("a", "😀"), "top_k": ("1",)}
