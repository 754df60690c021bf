"""document_links(): local paths that exist, model names to their pages."""

from __future__ import annotations

from pathlib import Path

from modelfile_ls.features import document_links
from modelfile_ls.syntax import parse


def test_model_names_link_to_their_pages() -> None:
    text = (
        "FROM llama3.2:3b\nFROM user/model\nFROM hf.co/bartowski/Llama-3.2-1B-GGUF:Q4_K_M\n"
        "FROM localhost:5000/ns/m\nFROM -bad\nFROM gpt-oss:20b-cloud\n"
    )
    links = document_links(parse(text))
    assert [(text[link.span.start : link.span.end], link.target) for link in links] == [
        ("llama3.2:3b", "https://ollama.com/library/llama3.2"),
        ("user/model", "https://ollama.com/user/model"),
        (
            "hf.co/bartowski/Llama-3.2-1B-GGUF:Q4_K_M",
            "https://huggingface.co/bartowski/Llama-3.2-1B-GGUF",
        ),
        ("gpt-oss:20b-cloud", "https://ollama.com/library/gpt-oss"),
    ]


def test_existing_local_paths(tmp_path: Path) -> None:
    (tmp_path / "modèle 😀.gguf").write_bytes(b"GGUF")
    (tmp_path / "lora").mkdir()
    text = 'FROM "./modèle 😀.gguf"\nADAPTER lora\nDRAFT ./missing.gguf\nFROM ./gone.gguf\n'
    links = document_links(parse(text), tmp_path)
    assert [(text[link.span.start : link.span.end], link.target) for link in links] == [
        ("./modèle 😀.gguf", (tmp_path / "modèle 😀.gguf").as_uri()),
        ("lora", (tmp_path / "lora").as_uri()),
    ]


def test_paths_need_the_document_directory() -> None:
    assert document_links(parse("ADAPTER ./lora\nFROM ./m.gguf\n")) == []
