"""Helpers for rule tests: analyze a text and look at one code's findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelfile_ls.analysis import Finding, Fix, analyze
from modelfile_ls.analysis.engine import INTERNAL_ERROR
from modelfile_ls.analysis.rule import ModelCatalog, Rule
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.syntax import ParsedModelfile, parse

VALID = (
    'FROM llama3.2\nPARAMETER temperature 0.7\nPARAMETER stop "<|eot_id|>"\n'
    'SYSTEM """You are terse."""\n'
)
"""A file every rule must stay silent on."""


def all_findings(
    parsed: ParsedModelfile,
    base_dir: Path | None = None,
    catalog: ModelCatalog | None = None,
    rules: tuple[Rule, ...] = ALL_RULES,
) -> list[Finding]:
    """Every finding for a parsed document; fails the test if any rule crashed (MF901), so a
    negative test (`findings(VALID, code) == []`) cannot pass because its rule raised."""
    found = analyze(parsed, None, catalog, base_dir, rules)
    crashes = [f.message for f in found if f.code == INTERNAL_ERROR]
    if crashes:
        pytest.fail(f"a rule crashed on {parsed.text!r}: {'; '.join(crashes)}")
    return found


def findings(
    text: str,
    code: str,
    base_dir: Path | None = None,
    catalog: ModelCatalog | None = None,
    rules: tuple[Rule, ...] = ALL_RULES,
) -> list[Finding]:
    """Findings of one code for a document (`all_findings`: a crashed rule fails the test)."""
    return [f for f in all_findings(parse(text), base_dir, catalog, rules) if f.code == code]


def located(text: str, finding: Finding) -> str:
    """The text a finding points at."""
    return text[finding.span.start : finding.span.end]


def apply_fix(text: str, fix: Fix) -> str:
    """The document after applying a fix's edits (which never overlap)."""
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    return text
