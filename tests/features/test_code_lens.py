"""code_lenses(): the base model's status above each FROM."""

from __future__ import annotations

from pathlib import Path

from modelfile_ls.features import Lens, code_lenses
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import Span, parse
from modelfile_ls.vocabulary import CREATE, PULL


def test_installed_and_missing_models(registry: Registry) -> None:
    text = "FROM llama3.2\nSYSTEM héllo 😀\nFROM llama3.2:1b\n"
    second = Span(text.index("FROM llama3.2:1b"), text.index("FROM llama3.2:1b") + 4)
    assert code_lenses(parse(text), registry=registry) == [
        Lens(Span(0, 4), "installed · Llama · 3.21B · 128K context"),
        Lens(second, "not installed · Llama · 1.24B · 128K context"),
        Lens(second, "Pull llama3.2:1b", PULL, {"model": "llama3.2:1b"}),
    ]


def test_create_lens_above_the_first_from_of_a_saved_file(tmp_path: Path) -> None:
    text = "# bot\nFROM ./m.gguf\nFROM llama3.2\n"
    lenses = code_lenses(parse(text), path=tmp_path / "Modelfile.My Bot")
    start = text.index("FROM")
    assert lenses[0] == Lens(
        Span(start, start + 4), "Create model my-bot", CREATE, {"name": "my-bot"}
    )
    assert [lens.command for lens in lenses].count(CREATE) == 1
    assert not [lens for lens in code_lenses(parse(text)) if lens.command == CREATE]
    assert code_lenses(parse("SYSTEM hi\n"), path=tmp_path / "Modelfile") == []


def test_without_an_inventory_only_facts(bare_registry: Registry) -> None:
    (lens,) = code_lenses(parse("FROM llama3.2\n"), registry=bare_registry)
    assert lens.title == "Llama · 3.21B · 128K context" and lens.command is None
    assert code_lenses(parse("FROM no-such-model\n"), registry=bare_registry) == []


def test_cloud_and_local(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    text = "FROM gpt-oss:20b-cloud\nFROM ./m.gguf\nFROM -bad\n"
    lenses = code_lenses(parse(text), registry=registry, base_dir=tmp_path)
    assert [lens.title for lens in lenses] == ["cloud model gpt-oss:20b-cloud", "local file"]


def test_no_registry_no_model_lenses() -> None:
    assert code_lenses(parse("FROM llama3.2\n")) == []
