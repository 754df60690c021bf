"""Tests for MF402."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.helpers import VALID, apply_fix, findings, located

CATALOG = FakeCatalog(
    {
        "qwen2.5": ModelFacts(family="Qwen", context_length=32768),
        "llama3.2": ModelFacts(family="Llama", context_length=131072),
        "hermes3": ModelFacts(family="Llama", stop=("<|im_start|>", "<|im_end|>")),
        "mystery": ModelFacts(family="Unheard-of"),
    }
)
LLAMA3 = (
    'TEMPLATE """<|start_header_id|>user<|end_header_id|>\n\n{{ .Prompt }}<|eot_id|>'
    '<|start_header_id|>assistant<|end_header_id|>\n\n{{ .Response }}"""\n'
)


def test_a_llama3_header_in_a_qwen_model() -> None:
    text = "FROM qwen2.5\n" + LLAMA3
    (finding,) = findings(text, "MF402", catalog=CATALOG)
    assert located(text, finding) == "<|start_header_id|>"
    assert "Qwen" in finding.message and "Llama 3" in finding.message


def test_fix_removes_the_template_to_keep_the_models_own() -> None:
    text = "FROM qwen2.5\n" + LLAMA3
    (finding,) = findings(text, "MF402", catalog=CATALOG)
    assert apply_fix(text, finding.fixes[0]) == "FROM qwen2.5\n"


def test_silent_for_the_models_own_format_and_for_known_fine_tunes() -> None:
    assert findings("FROM llama3.2\n" + LLAMA3, "MF402", catalog=CATALOG) == []
    chatml = "FROM hermes3\nTEMPLATE <|im_start|>user {{ .Prompt }}<|im_end|>\n"
    assert findings(chatml, "MF402", catalog=CATALOG) == []


def test_silent_without_registry_data() -> None:
    assert findings("FROM qwen2.5\n" + LLAMA3, "MF402") == []
    assert findings("FROM mystery\n" + LLAMA3, "MF402", catalog=CATALOG) == []
    assert findings("FROM unknown\n" + LLAMA3, "MF402", catalog=CATALOG) == []
    assert findings(VALID, "MF402", catalog=CATALOG) == []
