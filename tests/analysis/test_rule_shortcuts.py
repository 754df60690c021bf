"""The shortcuts the rules take on large documents give the findings the plain way gives:
a verdict key (`InstructionRule.verdict_key`) skips only instructions that would give none,
and the parameter rules' findings are the same with it and without it."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis.engine import finish
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import (
    InstructionRule,
    InstructionScope,
    RuleContext,
    name_and_value,
    parameter_name,
)
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.facts import language_facts
from modelfile_ls.syntax import parse
from modelfile_ls.syntax.model import Instruction, Span
from tests.conftest import corpus_files

KEYED = [r for r in ALL_RULES if isinstance(r, InstructionRule) and r.verdict_key is not None]

LINES = [
    "PARAMETER temperature 0.7\n",
    "PARAMETER temperature 7\n",
    "PARAMETER temperature 0.7 # warm\n",
    "PARAMETER Temperature 0.7\n",
    "PARAMETER temprature 0.7\n",
    "PARAMETER num_ctx 4096.0\n",
    "PARAMETER num_ctx 4096\n",
    'PARAMETER num_ctx " 4096"\n',
    "PARAMETER top_p 1.5\n",
    "PARAMETER penalize_newline true\n",
    "PARAMETER tfs_z 1\n",
    "PARAMETER  0.5\n",
    "PARAMETER stop <|end|>\n",
    "PARAMETER system hi\n",
    "MESSAGE user hi\n",
    "SYSTEM s\n",
]


def plain(rule: InstructionRule) -> InstructionRule:
    """The same rule without its verdict key: every instruction checked."""
    return InstructionRule(
        rule.code, rule.name, rule.severity, rule.doc, rule.check, rule.keywords, rule.probe
    )


def run(rule: InstructionRule, text: str) -> list[Finding]:
    context = RuleContext(parse(text), language_facts())
    return sorted(rule.run(context))


def assert_same_with_and_without_keys(text: str) -> None:
    for rule in KEYED:
        assert run(rule, text) == run(plain(rule), text), rule.code


def test_the_parameter_rules_take_the_shortcut() -> None:
    assert {r.code for r in KEYED} >= {"MF101", "MF102", "MF103", "MF104", "MF105", "MF107"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40))
def test_keyed_rules_find_what_checking_every_instruction_finds(lines: list[str]) -> None:
    assert_same_with_and_without_keys("FROM x\n" + "".join(lines))


def test_keyed_rules_on_the_corpus() -> None:
    for path in corpus_files():
        assert_same_with_and_without_keys(path.read_text(encoding="utf-8", errors="replace"))


def test_one_instruction_per_clean_key_is_checked_and_every_one_of_a_dirty_key() -> None:
    checked: list[Instruction] = []

    def check(
        instruction: Instruction, scope: InstructionScope, rule: InstructionRule
    ) -> Iterable[Finding]:
        checked.append(instruction)
        if instruction.value is not None and instruction.value.text == "bad":
            yield rule.finding(instruction.span, "bad")

    rule = InstructionRule(
        "MF999", "t", KEYED[0].severity, "", check, ("PARAMETER",), verdict_key=name_and_value
    )
    text = "FROM x\n" + "PARAMETER top_k 4\nPARAMETER top_k bad\n" * 50
    found = run(rule, text)
    assert len(found) == 50
    assert [f.span for f in found] == sorted(f.span for f in found)
    good = [i for i in checked if i.value is not None and i.value.text == "4"]
    assert len(good) == 1
    assert len(checked) == 1 + 51  # the one of each key, then every one of the dirty key


def test_the_name_rules_check_one_instruction_per_parameter_name() -> None:
    # A few-shot file sets two names to hundreds of values: the name rules (unknown,
    # miscased, removed, deprecated) read only the name, so one check per name will do.
    by_code = {r.code: r for r in KEYED}
    assert {c for c, r in by_code.items() if r.verdict_key is parameter_name} == {
        "MF101",
        "MF102",
        "MF103",
        "MF104",
    }
    assert {c for c, r in by_code.items() if r.verdict_key is name_and_value} == {"MF105", "MF107"}
    checked: list[Instruction] = []
    rule = by_code["MF101"]

    def counting(
        instruction: Instruction, scope: InstructionScope, rule: InstructionRule
    ) -> Iterable[Finding]:
        checked.append(instruction)
        return by_code["MF101"].check(instruction, scope, rule)

    counted = InstructionRule(
        rule.code,
        rule.name,
        rule.severity,
        rule.doc,
        counting,
        rule.keywords,
        verdict_key=rule.verdict_key,
    )
    text = "FROM x\n" + "".join(
        f"PARAMETER num_ctx {4096 + n}\nPARAMETER temprature 0.{n % 10}\n" for n in range(300)
    )
    found = run(counted, text)
    assert len(found) == 300  # every misspelt line, each with its own span
    assert len({f.span for f in found}) == 300
    assert len(checked) == 2 + 300  # one of each name, then every temprature


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 3), st.sampled_from(["MF101", "MF008", "MF3"])),
        max_size=30,
    )
)
def test_findings_end_in_start_end_code_order_stably(
    places: list[tuple[int, int, str]],
) -> None:
    """`finish` sorts twice (by code, then by span) for the order one sort by (start, end,
    code) gives, ties kept in the order the rules produced them."""
    parsed = parse("FROM x\n")
    produced = [
        Finding(code, Severity.WARNING, f"finding {n}", Span(start, start + length))
        for n, (start, length, code) in enumerate(places)
    ]
    expected = sorted(produced, key=lambda f: (f.span.start, f.span.end, f.code))
    assert finish(list(produced), parsed) == expected
