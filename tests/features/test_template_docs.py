"""The template documentation covers exactly the names the analysis accepts."""

from __future__ import annotations

from modelfile_ls.analysis.rules.mf303_template_variable_case import template_fields
from modelfile_ls.features import template_docs
from modelfile_ls.template import KNOWN_FUNCTIONS


def test_functions_match_the_checker() -> None:
    assert set(template_docs.FUNCTIONS) == KNOWN_FUNCTIONS


def test_fields_match_the_case_rule() -> None:
    assert set(template_docs.VARIABLES) | set(template_docs.FIELDS) == set(template_fields())


def test_lookup() -> None:
    assert template_docs.lookup(".System") is template_docs.VARIABLES["System"]
    assert template_docs.lookup(".Role") is template_docs.FIELDS["Role"]
    assert template_docs.lookup("json") is template_docs.FUNCTIONS["json"]
    assert template_docs.lookup("range") is template_docs.ACTIONS["range"]
    assert template_docs.lookup(".system") is None
    assert template_docs.lookup("System") is None
