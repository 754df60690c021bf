"""Tests for MF404."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.helpers import VALID, apply_fix, findings, located

CATALOG = FakeCatalog({"llama3.2": ModelFacts(family="Llama", context_length=131072)})


def test_num_ctx_above_the_models_context() -> None:
    text = "FROM llama3.2\nPARAMETER num_ctx 262144\n"
    (finding,) = findings(text, "MF404", catalog=CATALOG)
    assert located(text, finding) == "262144" and "131,072" in finding.message
    assert apply_fix(text, finding.fixes[0]) == "FROM llama3.2\nPARAMETER num_ctx 131072\n"


def test_only_the_value_that_is_sent_counts() -> None:
    text = "FROM llama3.2\nPARAMETER num_ctx 262144\nPARAMETER num_ctx 8192\n"
    assert findings(text, "MF404", catalog=CATALOG) == []


def test_silent_within_the_context_or_without_data() -> None:
    assert findings("FROM llama3.2\nPARAMETER num_ctx 131072\n", "MF404", catalog=CATALOG) == []
    assert findings("FROM llama3.2\nPARAMETER num_ctx 262144\n", "MF404") == []
    assert findings("FROM other\nPARAMETER num_ctx 262144\n", "MF404", catalog=CATALOG) == []
    assert findings("FROM llama3.2\nPARAMETER num_ctx lots\n", "MF404", catalog=CATALOG) == []
    assert findings(VALID, "MF404", catalog=CATALOG) == []
