"""Tests for MF209."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.helpers import VALID, findings


class Catalog:
    """A registry stand-in that knows llama3.2 and cannot answer for namespaced names."""

    def model_exists(self, name: str) -> bool | None:
        if "/" in name:
            return None
        return name.split(":")[0] == "llama3.2"

    def model_facts(self, name: str) -> ModelFacts | None:
        return None


def test_unknown_library_model() -> None:
    (finding,) = findings("FROM lama3.2\n", "MF209", catalog=Catalog())
    assert "lama3.2" in finding.message


def test_silent_without_registry_or_answer() -> None:
    assert findings("FROM lama3.2\n", "MF209") == []
    assert findings("FROM user/custom\n", "MF209", catalog=Catalog()) == []
    assert findings(VALID, "MF209", catalog=Catalog()) == []


def test_only_the_from_that_is_sent_is_looked_up() -> None:
    text = "FROM lama3.2\nFROM llama3.2\n"
    assert findings(text, "MF209", catalog=Catalog()) == []
    (finding,) = findings("FROM llama3.2\nFROM lama3.2\n", "MF209", catalog=Catalog())
    assert "lama3.2" in finding.message
