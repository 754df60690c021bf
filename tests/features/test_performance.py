"""The shapes that keep requests fast on a 1,500-line document with 10,000 registry models,
asserted structurally (how much work a request does, not how long it takes). The times
themselves are measured by `bench/lsp.py` and recorded in bench/RESULTS.md."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.analysis.incremental import analysis_of
from modelfile_ls.analysis.rule import InstructionRule, InstructionWindow, Rule
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.features import complete, hover
from modelfile_ls.registry import ModelEntry, Registry, Variant, open_registry
from modelfile_ls.settings import Settings
from modelfile_ls.syntax import ParsedModelfile, parse
from modelfile_ls.syntax.incremental import Edit, parse_after
from tests.features.conftest import HOST, installed

FAMILIES = ("llama", "qwen", "gemma", "phi")


def _registry(path: Path, extra_models: int) -> Registry:
    registry = open_registry(path)
    registry.import_entries(
        [
            ModelEntry(
                name=f"m{i:05d}-{FAMILIES[i % 4]}",
                display_name=f"Model {i}",
                family=FAMILIES[i % 4],
                capabilities=("completion",),
                variants=(Variant("1b", 1.2, 131072), Variant("7b", 7.0, 32768)),
                latest="7b",
            )
            for i in range(extra_models)
        ]
    )
    registry.replace_installed(HOST, [installed("llama3.2:latest", 131072, 'stop "x"')])
    return registry


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with _registry(tmp_path_factory.mktemp("perf") / "big.db", 10_000 - 140) as registry:
        yield registry


@pytest.fixture(scope="module")
def small_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with _registry(tmp_path_factory.mktemp("perf") / "small.db", 60) as registry:
        yield registry


def document() -> ParsedModelfile:
    lines = ["FROM llama3.2", 'SYSTEM """héllo 😀 日本語', "more", '"""']
    body = ["PARAMETER temperature 0.7", "MESSAGE user hi 👋", "# note", 'PARAMETER stop "<|x|>"']
    lines += [body[i % 4] for i in range(1_500 - 9)]
    lines += ['TEMPLATE """{{ if .System }}{{ .System }}{{ end }}', '{{ .Prompt }}"""']
    lines += ["FROM m0", "PARAMETER st", "PARAMETER stop "]
    return parse("\n".join(lines))


class StatementCounter:
    """Counts the SQL statements a registry runs while installed."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.statements: list[str] = []

    def __enter__(self) -> StatementCounter:
        self.registry.conn.set_trace_callback(self.statements.append)
        return self

    def __exit__(self, *exc: object) -> None:
        self.registry.conn.set_trace_callback(None)


COMPLETION_AT = (
    lambda text: text.index("FROM m0") + 7,
    lambda text: text.index("FROM m0") + 5,
    lambda text: text.index("PARAMETER st\n") + 12,
    lambda text: text.index("PARAMETER stop ", len(text) - 20) + 15,
    lambda text: text.index("{{ .Prompt") + 5,
    lambda text: text.index("# note") - 1,
)
HOVER_AT = (
    lambda text: 7,
    lambda text: text.index("temperature") + 2,
    lambda text: text.index("0.7"),
    lambda text: text.index(".Prompt"),
)


def statements(registry: Registry, request: Callable[[Registry], object]) -> list[str]:
    """The SQL statements one request runs against `registry`."""
    with StatementCounter(registry) as counter:
        request(registry)
    return counter.statements


@pytest.mark.parametrize("at", COMPLETION_AT)
def test_completion_work_does_not_grow_with_the_registry(
    at: Callable[[str], int], big_registry: Registry, small_registry: Registry
) -> None:
    parsed = document()
    assert parsed.lines.line_count == 1_500
    offset = at(parsed.text)

    def request(registry: Registry) -> object:
        return complete(parsed, offset, registry=registry)

    big, small = statements(big_registry, request), statements(small_registry, request)
    assert len(big) == len(small) <= 4, big


def test_model_completion_asks_for_a_page_and_says_there_is_more(big_registry: Registry) -> None:
    parsed = document()
    offset = parsed.text.index("FROM m0") + 7
    with StatementCounter(big_registry) as counter:
        result = complete(parsed, offset, registry=big_registry, limit=50)
    assert any("LIMIT" in statement.upper() for statement in counter.statements)
    assert len(result.items) == 50 and result.is_incomplete


@pytest.mark.parametrize("at", HOVER_AT)
def test_hover_work_does_not_grow_with_the_registry(
    at: Callable[[str], int], big_registry: Registry, small_registry: Registry
) -> None:
    parsed = document()
    offset = at(parsed.text)

    def request(registry: Registry) -> object:
        return hover(parsed, offset, registry=registry)

    assert len(statements(big_registry, request)) == len(statements(small_registry, request))


def test_an_edit_rechecks_only_the_instructions_around_it() -> None:
    parsed = document()
    checked: list[int] = []
    rules = tuple(_counting(rule, checked) for rule in ALL_RULES)
    previous = analysis_of(parsed, Settings(), rules=rules)
    checked.clear()
    at = parsed.text.index("0.7")
    edit = Edit(at, at + 3, "0.8")
    text = parsed.text[: edit.start] + edit.inserted + parsed.text[edit.end :]
    after = parse_after(parsed, edit, text)
    analysis_of(after, Settings(), previous=previous, rules=rules)
    # The edited instruction and its two neighbours, for each per-instruction rule.
    assert checked and max(checked) <= 3


def _counting(rule: Rule, checked: list[int]) -> Rule:
    """`rule`, recording how many instructions each run over one instruction is given."""
    if not isinstance(rule, InstructionRule):
        return rule

    def run_window(window: InstructionWindow) -> Iterator[Finding]:
        checked.append(len(window.instructions))
        return InstructionRule.run_window(counted, window)

    counted = copy.copy(rule)
    object.__setattr__(counted, "run_window", run_window)
    return counted
