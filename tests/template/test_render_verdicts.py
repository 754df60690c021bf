"""Our renderer gives exactly Go's output (or Go's execution error) on every recorded case.

The table holds the model-family templates (Llama 3, Qwen, Mistral, Gemma, Phi, Granite) over
several conversations, probes of Go's semantics, and every corpus TEMPLATE; Go 1.26 rendered
each through our reproduction of Ollama's `Template.Execute` (tests/template/gen).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from modelfile_ls.template import TemplateError
from modelfile_ls.template.execute import ExecError
from modelfile_ls.template.render import render_prompt
from tests.template.verdicts import render_verdicts, verdicts

CASES = render_verdicts()
TODAY = datetime.date.fromisoformat(verdicts()["today"])
FAMILIES = ("Llama 3", "Qwen", "Mistral", "Gemma", "Phi-3", "Granite")


def _render(case: dict[str, Any]) -> tuple[str | None, str | None]:
    think = True if case.get("think") else None
    try:
        prompt = render_prompt(
            case["template"], case["messages"], tools=case.get("tools"), think=think, today=TODAY
        )
    except (TemplateError, ExecError) as error:
        return None, str(error)
    return prompt, None


def test_family_table_covers_the_families_of_the_issue() -> None:
    names = {case["name"] for case in CASES}
    for family in FAMILIES:
        assert sum(name.startswith(family) for name in names) >= 7, family


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_rendering_equals_go(case: dict[str, Any]) -> None:
    assert _render(case) == (case.get("prompt"), case.get("error"))
