"""The README's rule table is generated from the rule modules and must be current."""

from __future__ import annotations

import re

from modelfile_ls.analysis.rules import RULES_BY_CODE
from modelfile_ls.report.rules_doc import render_rules_table
from tests.conftest import ROOT


def test_readme_rule_table_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", readme, re.DOTALL)
    assert match is not None
    assert match.group(1).strip() == render_rules_table(RULES_BY_CODE, "markdown").strip()


def test_readme_starts_with_the_ci_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in readme.split("## Why")[0]
