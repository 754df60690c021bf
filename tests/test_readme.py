"""The README stays current: its rule table is generated from the rule modules, it starts with
the CI command, and its design map names every top-level module and package, and only paths that
exist."""

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


def _design_map() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- design-map:start -->\n(.*?)<!-- design-map:end -->", readme, re.S)
    assert found is not None, "the README's design section has no map"
    return found.group(1)


def test_the_design_map_names_every_module_and_package() -> None:
    named = set(re.findall(r"`([\w/]+(?:\.py|/))", _design_map()))
    package = ROOT / "modelfile_ls"
    top = {
        f"{p.name}/" if p.is_dir() else p.name
        for p in package.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
    }
    assert top - named == set(), "add these to the README's design map"


def test_every_path_in_the_design_map_exists() -> None:
    package = ROOT / "modelfile_ls"
    for path in re.findall(r"`([\w/]+(?:\.py|/))", _design_map()):
        candidates = [package / path, *(d / path for d in package.iterdir() if d.is_dir())]
        assert any(c.exists() for c in candidates), f"the design map names {path}, which is gone"
