"""What the registry tells the combination checks about a FROM model (`Registry.model_facts`),
and that an analysis asks it at most once."""

from __future__ import annotations

from pathlib import Path

from modelfile_ls.analysis import analyze
from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.registry import InstalledModel, open_registry
from modelfile_ls.syntax import parse
from tests.analysis.catalogs import FakeCatalog


def test_the_catalog_gives_family_context_and_capabilities(tmp_path: Path) -> None:
    with open_registry(tmp_path / "r.db") as registry:
        facts = registry.model_facts("llama3.2:1b")
        assert facts is not None
        assert facts.family == "Llama" and facts.context_length == 131072
        assert facts.capabilities is not None and "tools" in facts.capabilities
        assert facts.template == ""
        assert registry.model_facts("no-such-model") is None
        assert registry.model_facts("bad name") is None


def test_an_install_gives_its_template_and_wins(tmp_path: Path) -> None:
    with open_registry(tmp_path / "r.db") as registry:
        registry.replace_installed(
            "127.0.0.1:11434",
            [
                InstalledModel(
                    host="127.0.0.1:11434",
                    name="mine:latest",
                    model="mine",
                    tag="latest",
                    digest="0" * 64,
                    size=1,
                    modified_at="2025-01-01T00:00:00Z",
                    family="qwen2",
                    context_length=4096,
                    capabilities=("completion",),
                    parameters='stop "<|im_end|>"',
                    template="<|im_start|>{{ .Prompt }}",
                )
            ],
        )
        facts = registry.model_facts("mine")
        assert facts == ModelFacts(
            family="qwen2",
            context_length=4096,
            capabilities=frozenset({"completion"}),
            template="<|im_start|>{{ .Prompt }}",
            stop=("<|im_end|>",),
        )


class CountingCatalog(FakeCatalog):
    """Counts the questions about models."""

    def __init__(self) -> None:
        super().__init__({"m": ModelFacts(family="Qwen", context_length=10)})
        self.asked = 0

    def model_exists(self, name: str) -> bool | None:
        return True

    def model_facts(self, name: str) -> ModelFacts | None:
        self.asked += 1
        return super().model_facts(name)


def test_one_analysis_asks_the_registry_at_most_once() -> None:
    catalog = CountingCatalog()
    text = (
        "FROM m\nTEMPLATE {{ json .Tools }}<|eot_id|>\nPARAMETER num_ctx 99\n"
        'PARAMETER stop "<|im_end|>"\nMESSAGE user hi\n'
    )
    analyze(parse(text), registry=catalog)
    assert catalog.asked == 1


def test_a_file_with_nothing_to_compare_does_not_ask() -> None:
    catalog = CountingCatalog()
    analyze(parse("FROM m\nSYSTEM hi\nPARAMETER temperature 1\n"), registry=catalog)
    assert catalog.asked == 0
