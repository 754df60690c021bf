"""The rule-test helper itself: a crashing rule must fail the test that uses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from tests.analysis.helpers import VALID, findings


def _raising(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    raise ZeroDivisionError("deliberately broken rule")
    yield  # pragma: no cover - makes this a generator like every real check


BROKEN = DocumentRule(
    "MF099", "broken-on-purpose", Severity.WARNING, "MF099 broken-on-purpose: x", _raising
)


def test_a_crashing_rule_fails_a_negative_test() -> None:
    with pytest.raises(pytest.fail.Exception, match="deliberately broken rule"):
        findings(VALID, "MF099", rules=(BROKEN,))


def test_a_crashing_rule_fails_even_a_test_of_another_code() -> None:
    with pytest.raises(pytest.fail.Exception, match="MF099"):
        findings(VALID, "MF001", rules=(BROKEN,))
