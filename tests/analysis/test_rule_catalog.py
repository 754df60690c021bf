"""Every rule is registered, documented and tested; codes are unique and stable in form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modelfile_ls.analysis.rules import ALL_RULES, RULES_BY_CODE

RULE_TESTS = Path(__file__).parent / "rules"


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes)) == len(RULES_BY_CODE)
    assert all(re.fullmatch(r"MF[0-4][0-9]{2}", code) for code in codes)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: object) -> None:
    from modelfile_ls.analysis.rule import Rule

    assert isinstance(rule, Rule)
    assert rule.doc.startswith(f"{rule.code} {rule.name}: ")
    assert rule.summary and not rule.summary.startswith(rule.code)
    assert "Why:" in rule.doc and "Example:" in rule.doc and "Fix:" in rule.doc


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_has_its_own_test_file(rule: object) -> None:
    from modelfile_ls.analysis.rule import Rule

    assert isinstance(rule, Rule)
    slug = rule.name.replace("-", "_")
    assert (RULE_TESTS / f"test_{rule.code.lower()}_{slug}.py").is_file()
