"""code_actions(): quick fixes from findings, suppression comments, safe fix-alls."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis import Finding, analyze
from modelfile_ls.features import FIX_ALL, QUICK_FIX, CodeActionResult, apply_edits, code_actions
from modelfile_ls.features.code_actions import NOT_INSTALLED
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import Span, parse
from modelfile_ls.vocabulary import PULL
from tests.analysis.helpers import all_findings
from tests.features.conftest import cursor

PIECES = [
    "FROM x", "PARAMETER", "Top_K", "mirostat", "mirostat_eta", "max_tokens", "temperature",
    " 1", " 0.5 # hot", "MESSAGE", " User", " hi", "\n", "\r\n", "  ", "\t", "é😀", "\u200b",
    "# modelfile-ls: ignore[MF104]", "TEMPLATE {{ .system }}", "PARAMETER system x", '"',
]  # fmt: skip


def actions_at(document: str, only: list[str] | None = None) -> tuple[str, list[CodeActionResult]]:
    text, offset = cursor(document)
    parsed = parse(text)
    findings = analyze(parsed)
    return text, code_actions(parsed, Span(offset, offset), findings, only=only)


def titled(actions: list[CodeActionResult], title: str) -> CodeActionResult:
    return next(a for a in actions if a.title == title)


def apply(text: str, action: CodeActionResult) -> str:
    return apply_edits(text, list(action.edits))


def test_typo_becomes_the_suggested_parameter() -> None:
    text, actions = actions_at("FROM x\nPARAMETER temper‸atur 0.7\n")
    action = titled(actions, "Change to `temperature`")
    assert action.kind == QUICK_FIX and action.is_preferred
    assert [f.code for f in action.findings] == ["MF101"]
    assert apply(text, action) == "FROM x\nPARAMETER temperature 0.7\n"


def test_case_fix() -> None:
    text, actions = actions_at("FROM x\nPARAMETER Top_‸K 40\n")
    assert apply(text, titled(actions, "Change to `top_k`")) == "FROM x\nPARAMETER top_k 40\n"


def test_move_a_trailing_comment_to_its_own_line() -> None:
    text, actions = actions_at("FROM x\n  PARAMETER num_ctx 8192  # 8K ‸😀\n")
    fixed = apply(text, titled(actions, "Move the comment to its own line"))
    assert fixed == "FROM x\n  # 8K 😀\n  PARAMETER num_ctx 8192\n"


def test_remove_a_deprecated_parameter() -> None:
    text, actions = actions_at("FROM x\nPARAMETER miro‸stat 2\nSYSTEM s\n")
    assert apply(text, titled(actions, "Remove `mirostat`")) == "FROM x\nSYSTEM s\n"


def test_add_a_missing_from() -> None:
    text, actions = actions_at("SYS‸TEM héllo\n")
    assert apply(text, titled(actions, "Add `FROM llama3.2`")) == "FROM llama3.2\nSYSTEM héllo\n"


def test_ignore_comment_keeps_indentation_and_line_endings() -> None:
    text, actions = actions_at("FROM x\r\n\tPARAMETER max_tok‸ens 1\r\n")
    action = titled(actions, "Ignore MF101 for this instruction")
    fixed = apply(text, action)
    assert fixed == "FROM x\r\n\t# modelfile-ls: ignore[MF101]\r\n\tPARAMETER max_tokens 1\r\n"
    assert not [f for f in all_findings(parse(fixed)) if f.code == "MF101"]


def test_ignore_extends_an_existing_suppression() -> None:
    text, actions = actions_at("FROM x\n# modelfile-ls: ignore[MF104]\nPARAMETER Mirost‸at 1\n")
    fixed = apply(text, titled(actions, "Ignore MF102 for this instruction"))
    assert "# modelfile-ls: ignore[MF104,MF102]\n" in fixed
    assert not any(a.title == "Ignore MF104 for this instruction" for a in actions)


def test_fix_all_of_one_safe_kind() -> None:
    document = "FROM x\nPARAMETER mirostat 1\nPARAMETER mirostat_eta 0.1\nPARAMETER miro‸stat_tau 5"
    text, actions = actions_at(document)
    action = titled(actions, "Fix all MF104 problems in the file")
    assert len(action.findings) == 3
    # The last deletion also takes the line break before it: overlapping deletions are joined.
    assert apply(text, action) == "FROM x\n"


def test_no_fix_all_for_guesses() -> None:
    _, actions = actions_at("FROM x\nPARAMETER max_tokens 1\nPARAMETER batch_si‸ze 2\n")
    assert not any(a.title.startswith("Fix all MF101") for a in actions)


def test_source_fix_all_and_the_only_filter() -> None:
    document = "FROM x\nPARAMETER Top_K 1\nPARAMETER mirostat 1\nPARAMETER max_tokens 1\n‸"
    text, actions = actions_at(document, only=["source.fixAll"])
    assert [a.kind for a in actions] == [FIX_ALL]
    assert apply(text, actions[0]) == "FROM x\nPARAMETER top_k 1\nPARAMETER max_tokens 1\n"
    _, quick = actions_at(document.replace("Top_K", "Top_‸K").replace("‸\n", "\n"), ["quickfix"])
    assert quick and all(a.kind == QUICK_FIX for a in quick)


def test_actions_only_for_findings_in_the_range() -> None:
    text = "FROM x\nPARAMETER Top_K 1\nSYSTEM ok\n"
    parsed = parse(text)
    findings: list[Finding] = analyze(parsed)
    assert code_actions(parsed, Span(30, 32), findings, only=[QUICK_FIX]) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_every_action_applies_cleanly(text: str) -> None:
    parsed = parse(text)
    findings = analyze(parsed)
    for action in code_actions(parsed, Span(0, len(text)), findings):
        spans = sorted(edit.span for edit in action.edits)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        parse(apply(text, action))


def test_pull_this_model_on_a_model_ollama_does_not_have(registry: Registry) -> None:
    text = "FROM acme-support-bot:v2\nPARAMETER temperature 0.2\n"
    parsed = parse(text)
    findings = analyze(parsed, registry=registry)
    assert [f.code for f in findings] == [NOT_INSTALLED]
    (pull,) = [a for a in code_actions(parsed, Span(7, 7), findings) if a.command]
    assert pull == CodeActionResult(
        "Pull this model",
        QUICK_FIX,
        (),
        tuple(findings),
        command=PULL,
        arguments={"model": "acme-support-bot:v2"},
    )
    assert not [a for a in code_actions(parsed, Span(30, 30), findings) if a.command]
