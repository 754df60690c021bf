"""Tests for MF403."""

from __future__ import annotations

from modelfile_ls.analysis.catalog import ModelFacts
from tests.analysis.catalogs import FakeCatalog
from tests.analysis.helpers import VALID, apply_fix, findings, located

LLAMA3 = "TEMPLATE <|start_header_id|>user<|end_header_id|>{{ .Prompt }}<|eot_id|>\n"


def test_a_chatml_stop_under_a_llama3_template() -> None:
    text = f'FROM x\n{LLAMA3}PARAMETER stop "<|im_end|>"\n'
    (finding,) = findings(text, "MF403")
    assert located(text, finding) == "<|im_end|>"


def test_fix_removes_the_stop() -> None:
    text = f'FROM x\n{LLAMA3}PARAMETER stop "<|im_end|>"\nPARAMETER stop "<|eot_id|>"\n'
    (finding,) = findings(text, "MF403")
    assert apply_fix(text, finding.fixes[0]) == f'FROM x\n{LLAMA3}PARAMETER stop "<|eot_id|>"\n'


def test_silent_for_template_tokens_end_of_sequence_and_plain_text_stops() -> None:
    text = (
        f'FROM x\n{LLAMA3}PARAMETER stop "<|eot_id|>"\nPARAMETER stop "</s>"\n'
        'PARAMETER stop "User:"\nPARAMETER stop "<|endoftext|>"\nPARAMETER stop "<|eom_id|>"\n'
    )
    assert findings(text, "MF403") == []
    assert findings(VALID, "MF403") == []
    plain = 'FROM x\nTEMPLATE {{ .Prompt }}\nPARAMETER stop "<|im_end|>"\n'
    assert findings(plain, "MF403") == []


def test_without_a_template_the_models_own_is_used_when_known() -> None:
    catalog = FakeCatalog({"m": ModelFacts(template="<start_of_turn>{{ .Prompt }}<end_of_turn>")})
    text = 'FROM m\nPARAMETER stop "<|im_end|>"\n'
    (finding,) = findings(text, "MF403", catalog=catalog)
    assert "template of `m`" in finding.message
    assert findings(text, "MF403") == []
