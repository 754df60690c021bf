"""The query layer the linter, completion and hover use."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelfile_ls.analysis.rule import ModelCatalog
from modelfile_ls.facts import language_facts
from modelfile_ls.registry import (
    InstalledModel,
    Metric,
    ModelEntry,
    NotFoundError,
    Registry,
    Variant,
    open_registry,
    reset_registry,
)
from modelfile_ls.registry.schema import SCHEMA_VERSION


def _installed(name: str, host: str = "http://127.0.0.1:11434", **fields: object) -> InstalledModel:
    base, _, tag = name.rpartition(":")
    return InstalledModel(
        host=host, name=name, model=base, tag=tag, digest="d" * 64, size=1, modified_at="", **fields
    )  # type: ignore[arg-type]


def test_registry_satisfies_the_model_catalog_protocol(registry: Registry) -> None:
    catalog: ModelCatalog = registry
    assert catalog.model_exists("llama3.2") is True


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("llama3.2", True),
        ("LLAMA3.2", True),
        ("llama3.2:3b", True),
        ("llama3.2:latest", True),
        ("registry.ollama.ai/library/llama3.2:1b", True),
        ("library/llama3.2", True),
        ("granite4.1", False),  # the library has no latest tag for it
        ("granite4.1:8b", True),
        ("granite4:latest", True),  # latest is the `micro` tag, not in the size list
        ("nomic-embed-text-v2-moe", True),  # its only tag is literally `latest`
        ("no-such-model", False),
        ("llama3.2:3b-instruct-q8_0", None),  # the catalog lists size tags only
        ("someone/custom", None),
        ("hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M", None),
        ("kimi-k2:1t-cloud", None),
        ("glm-5:cloud", None),
        ("not a name", None),
    ],
)
def test_model_exists(registry: Registry, name: str, expected: bool | None) -> None:
    assert registry.model_exists(name) is expected


def test_model_exists_knows_installed_models(registry: Registry) -> None:
    registry.replace_installed(
        "http://127.0.0.1:11434",
        [_installed("someone/custom:v1"), _installed("llama3.2:3b-instruct-q8_0")],
    )
    assert registry.model_exists("someone/custom:v1") is True
    assert registry.model_exists("Someone/Custom:V1") is True
    assert registry.model_exists("someone/custom") is None
    assert registry.model_exists("llama3.2:3b-instruct-q8_0") is True


def test_an_empty_registry_answers_unknown_not_missing(registry_path: Path) -> None:
    reset_registry(registry_path, empty=True)
    with open_registry(registry_path) as registry:
        assert registry.model_exists("llama3.2") is None
        assert registry.model_exists("no-such-model") is None


def test_models_by_prefix(registry: Registry) -> None:
    names = [m.name for m in registry.models_by_prefix("qwen3", 5)]
    assert names == ["qwen3", "qwen3-coder", "qwen3-coder-next", "qwen3-embedding", "qwen3-next"]
    upper = registry.models_by_prefix("QWEN3", 1)[0]
    assert upper.name == "qwen3"
    assert upper.kind == "model"
    assert upper.family == "Qwen"
    assert "tools" in upper.capabilities
    assert registry.models_by_prefix("zzz") == []
    assert registry.models_by_prefix("100%_") == []


def test_tags_by_prefix_offer_latest_and_installed(registry: Registry) -> None:
    registry.replace_installed("http://h:1", [_installed("llama3.2:3b-q8")])
    matches = {m.name: m for m in registry.models_by_prefix("llama3.2:")}
    assert list(matches) == ["llama3.2:1b", "llama3.2:3b", "llama3.2:latest", "llama3.2:3b-q8"]
    assert matches["llama3.2:1b"].parameters_b == 1.24
    assert matches["llama3.2:latest"].parameters_b == 3.21
    assert matches["llama3.2:3b-q8"].kind == "installed"
    assert [m.name for m in registry.models_by_prefix("llama3.2:3")] == [
        "llama3.2:3b",
        "llama3.2:3b-q8",
    ]


def test_installed_only_models_complete(registry: Registry) -> None:
    registry.replace_installed("http://h:1", [_installed("someone/custom:v1", family="qwen2")])
    match = registry.models_by_prefix("some")[0]
    assert (match.name, match.kind, match.installed, match.family) == (
        "someone/custom",
        "installed",
        True,
        "qwen2",
    )
    registry.replace_installed("http://h:1", [_installed("llama3.2:latest")])
    assert registry.models_by_prefix("llama3.2", 1)[0].installed is True


def test_installed_models_come_first_even_beyond_the_limit(registry: Registry) -> None:
    registry.replace_installed("http://h:1", [_installed("qwen3:8b"), _installed("zz/own:v1")])
    names = [m.name for m in registry.models_by_prefix("", 3)]
    assert names[:2] == ["qwen3", "zz/own"]
    assert all(m.installed for m in registry.models_by_prefix("", 2))


def test_has_inventory_only_after_a_sync(registry: Registry) -> None:
    assert registry.has_inventory() is False
    registry.replace_installed("http://h:1", [])
    assert registry.has_inventory() is True


def test_parameter_facts_are_the_facts_modules(registry: Registry) -> None:
    facts = language_facts()
    everything = list(registry.parameters())
    assert [p.name for p in everything] == list(facts.parameters)
    assert all(facts.parameters[p.name] == p for p in everything)


def test_parameter_records_carry_status_versions_and_choices(registry: Registry) -> None:
    records = {p.name: p for p in registry.parameters()}
    tfs = records["tfs_z"]
    assert tfs.status == "removed" and tfs.removed == "0.5.2"
    assert records["mirostat"].status == "deprecated"
    draft = records["draft_num_predict"]
    assert draft.added == "0.30.0" and draft.status == "current"
    assert records["top_p"].range_text == "0..1"


def test_instruction_docs_table_holds_the_facts_files_instructions(registry: Registry) -> None:
    rows = registry.conn.execute("SELECT keyword, doc FROM instruction_docs ORDER BY position")
    docs = {str(r[0]): str(r[1]) for r in rows}
    assert list(docs) == list(language_facts().instructions)
    assert docs["SYSTEM"] == language_facts().instructions["SYSTEM"].doc
    assert registry.stats()["instructions"] == len(docs)


def test_model_by_name_id_and_tag(registry: Registry) -> None:
    model = registry.model("llama3.2")
    assert model is not None
    assert registry.model(model.id) == model
    assert registry.model(str(model.id)) == model
    assert registry.model("llama3.2:1b") == model
    assert model.latest == "3b"
    assert [v.tag for v in model.variants] == ["1b", "3b"]
    assert model.variant("latest") == model.variants[1]
    assert model.capabilities == ("completion", "chat", "tools")
    assert model.metadata == {"confidence": "high"}
    assert registry.model("nope") is None
    assert registry.model(10**9) is None


def test_default_parameters(registry: Registry) -> None:
    stops = registry.default_parameters("llama3.2")
    assert stops is not None
    assert [(d.name, d.value) for d in stops] == [
        ("stop", "<|start_header_id|>"),
        ("stop", "<|end_header_id|>"),
        ("stop", "<|eot_id|>"),
    ]
    assert registry.default_parameters("llama3.2", "3b") == stops
    assert registry.default_parameters("llama3.2:3b") == stops
    assert registry.default_parameters("llama3.2", "1b") == []  # known: no params layer
    assert registry.default_parameters("llama3.2", "3b-q8") is None  # not known
    assert registry.default_parameters("nope") is None


def test_installed_parameters_win_over_the_catalog(registry: Registry) -> None:
    registry.replace_installed(
        "http://h:1",
        [_installed("llama3.2:latest", parameters='stop                           "<|x|>"')],
    )
    found = registry.default_parameters("llama3.2")
    assert found is not None
    assert [(d.name, d.value, d.confidence) for d in found] == [("stop", "<|x|>", "installed")]


def test_list_models_filters(registry: Registry) -> None:
    page = registry.list_models(family="QWEN", capabilities=["vision"], limit=None)
    assert {m.name for m in page.items} == {"qwen2.5vl", "qwen3-vl", "qwen3.5", "qwen3.6"}
    assert page.total == 4
    code_tools = registry.list_models(search="code", capabilities=["tools"], limit=3)
    assert code_tools.total == 7
    assert [m.name for m in code_tools.items] == [
        "qwen2.5-coder",
        "qwen3-coder",
        "qwen3-coder-next",
    ]
    tiny = registry.list_models(tag="tiny", capabilities=["embedding"], limit=None)
    assert "all-minilm" in {m.name for m in tiny.items}
    words = registry.list_models(search="llama vision", limit=None)
    assert {m.name for m in words.items} == {"llama3.2-vision", "llama4", "llava-llama3"}
    assert registry.list_models(search="%").total == 0


def test_list_models_pages(registry: Registry) -> None:
    everything = registry.list_models(limit=None)
    assert everything.total == 140
    names = [m.name for m in everything.items]
    assert names == sorted(names)
    second = registry.list_models(limit=10, offset=10)
    assert [m.name for m in second.items] == names[10:20]
    assert second.total == 140


def test_counts(registry: Registry) -> None:
    families = {c.name: c.models for c in registry.families()}
    assert families["Qwen"] == 20
    capabilities = registry.capabilities()
    assert [c.name for c in capabilities] == [
        "completion",
        "chat",
        "tools",
        "vision",
        "embedding",
        "thinking",
        "code",
        "insert",
    ]
    assert all(c.description for c in capabilities)
    assert {c.name for c in registry.tags()} == {"tiny", "small", "medium", "large", "long-context"}


def test_import_keeps_ids_and_replaces_the_entry(registry: Registry) -> None:
    before = registry.model("llama3.2")
    assert before is not None
    entry = ModelEntry(
        name="llama3.2",
        display_name="Mine",
        family="Custom",
        capabilities=("chat",),
        tags=("fav",),
        variants=(Variant("1b", 1.0),),
        latest="1b",
    )
    result = registry.import_entries([entry, ModelEntry("brand-new", "Brand new")])
    assert (result.created, result.updated) == (1, 1)
    after = registry.model("llama3.2")
    assert after is not None
    assert after.id == before.id
    assert (after.display_name, after.family, after.capabilities, after.tags) == (
        "Mine",
        "Custom",
        ("chat",),
        ("fav",),
    )
    assert after.origin == "import"
    new = registry.model("brand-new")
    assert new is not None and new.id > max(m.id for m in registry.all_models() if m.id != new.id)


def test_metrics(registry: Registry) -> None:
    registry.add_metric(
        Metric("llama3.2", "3b", "cpu: ryzen 7", "tokens_per_second", 25.5, 4096, "0.33.0")
    )
    found = registry.metrics("llama3.2")
    assert len(found) == 1
    assert (found[0].metric, found[0].value, found[0].context_size) == (
        "tokens_per_second",
        25.5,
        4096,
    )
    assert found[0].measured_at
    assert registry.metrics("qwen3") == []
    with pytest.raises(NotFoundError):
        registry.add_metric(Metric("nope", "", "cpu", "tokens_per_second", 1.0))


def test_stats(registry: Registry) -> None:
    stats = registry.stats()
    assert stats["models"] == 140
    assert stats["variants"] == 300
    statuses = [p.status for p in language_facts().parameters.values()]
    assert stats["parameters"] == {
        s: statuses.count(s) for s in ("current", "deprecated", "removed")
    }
    assert stats["schema_version"] == SCHEMA_VERSION
    assert stats["path"] == str(registry.path)
