"""Tests for MF301."""

from __future__ import annotations

from modelfile_ls.analysis.rules.mf301_duplicate_instruction import SINGLE_VALUED
from modelfile_ls.facts import language_facts
from tests.analysis.helpers import VALID, apply_fix, findings


def test_earlier_system_is_reported() -> None:
    text = "FROM x\nSYSTEM one\nSYSTEM two\n"
    (finding,) = findings(text, "MF301")
    assert finding.span.start == text.index("SYSTEM")
    assert apply_fix(text, finding.fixes[0]) == "FROM x\nSYSTEM two\n"


def test_parameter_template_counts_as_template() -> None:
    assert len(findings("FROM x\nPARAMETER template a\nTEMPLATE b\n", "MF301")) == 1


def test_messages_and_licenses_accumulate() -> None:
    text = VALID + "LICENSE a\nLICENSE b\nMESSAGE user a\nMESSAGE user b\n"
    assert findings(text, "MF301") == []


def test_single_valued_instructions_come_from_the_facts() -> None:
    facts = language_facts().instructions
    assert tuple(k for k, fact in facts.items() if fact.single_valued) == SINGLE_VALUED
    # The spec's section 5: these six are "last wins"; the others accumulate or combine.
    assert set(SINGLE_VALUED) == {"TEMPLATE", "SYSTEM", "ADAPTER", "REQUIRES", "RENDERER", "PARSER"}
