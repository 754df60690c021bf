"""Tests for MF408."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.helpers import VALID, findings, located

CATALOG = FakeCatalog(
    {
        "gemma2": ModelFacts(family="Gemma", capabilities=frozenset({"completion", "chat"})),
        "qwen3": ModelFacts(family="Qwen", capabilities=frozenset({"completion", "tools"})),
        "unknown-caps": ModelFacts(family="Qwen"),
    }
)
TOOLS = "TEMPLATE {{ if .Tools }}{{ json .Tools }}{{ end }}{{ .Prompt }}\n"


def test_tools_template_on_a_model_without_tool_calling() -> None:
    text = f"FROM gemma2\n{TOOLS}"
    (finding,) = findings(text, "MF408", catalog=CATALOG)
    assert located(text, finding) == "Tools" and "gemma2" in finding.message
    assert finding.fixes == ()  # the choice of model or template is the user's


def test_silent_with_tools_capability_unknown_capabilities_or_no_registry() -> None:
    assert findings(f"FROM qwen3\n{TOOLS}", "MF408", catalog=CATALOG) == []
    assert findings(f"FROM unknown-caps\n{TOOLS}", "MF408", catalog=CATALOG) == []
    assert findings(f"FROM gemma2\n{TOOLS}", "MF408") == []
    assert findings("FROM gemma2\nTEMPLATE {{ .Prompt }}\n", "MF408", catalog=CATALOG) == []
    assert findings(VALID, "MF408", catalog=CATALOG) == []


def test_tools_is_an_identifier_as_ollama_counts_it() -> None:
    """Ollama advertises tools when `tools` is among the template's identifiers (any case,
    in a variable chain too); the word in the text or a comment does not count."""
    for template in ("{{ range $.tools }}{{ . }}{{ end }}", "{{ with $t := .Tools }}{{ end }}"):
        text = f"FROM gemma2\nTEMPLATE {template}{{{{ .Prompt }}}}\n"
        (finding,) = findings(text, "MF408", catalog=CATALOG)
        assert located(text, finding).lower() == "tools"
    for template in ("Use .Tools wisely {{ .Prompt }}", "{{/* .Tools */}}{{ .Prompt }}"):
        assert findings(f"FROM gemma2\nTEMPLATE {template}\n", "MF408", catalog=CATALOG) == []


def test_located_past_invisible_characters_and_silent_on_a_broken_template() -> None:
    text = "FROM gemma2\nTEMPLATE \ufeff{{ .Prompt }}{{ .Tools }}\n"
    (finding,) = findings(text, "MF408", catalog=CATALOG)
    assert located(text, finding) == "Tools"
    assert findings("FROM gemma2\nTEMPLATE {{ .Tools\n", "MF408", catalog=CATALOG) == []


def test_blocks_nested_thousands_deep() -> None:
    nested = "{{ if .Prompt }}" * 3000 + "{{ .Tools }}" + "{{ end }}" * 3000
    text = f'FROM gemma2\nTEMPLATE """{nested}"""\n'
    (finding,) = findings(text, "MF408", catalog=CATALOG)
    assert located(text, finding) == "Tools"
