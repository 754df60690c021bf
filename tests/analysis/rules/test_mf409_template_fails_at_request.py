"""Tests for MF409."""

from __future__ import annotations

from typing import Any

import pytest

from modelfile_ls.template.last_turn import DELETE_NODE_PANIC, last_turn_failures
from tests.analysis.helpers import VALID, findings, located
from tests.template.verdicts import render_verdicts


def test_response_in_a_branch_with_an_else_panics_every_request() -> None:
    text = (
        "FROM x\nTEMPLATE {{ if .System }}{{ .System }} {{ .Prompt }} {{ .Response }}"
        "{{ else }}{{ .Prompt }}{{ end }}\n"
    )
    (finding,) = findings(text, "MF409")
    assert located(text, finding) == ".Response"
    assert "every request fails" in finding.message and DELETE_NODE_PANIC in finding.message


def test_else_if_chains_and_ranges_panic_too() -> None:
    chain = "FROM x\nTEMPLATE {{ if .Prompt }}{{ .Response }}{{ else if .System }}s{{ end }}\n"
    assert len(findings(chain, "MF409")) == 1
    ranged = 'FROM x\nTEMPLATE """{{ range .Nope }}{{ .Response }}{{ else }}-{{ end }}"""\n'
    (finding,) = findings(ranged, "MF409")
    assert located(ranged, finding) == ".Response"


def test_ollama_functions_and_defined_templates_before_the_response() -> None:
    text = (
        'FROM x\nTEMPLATE """{{ define "p" }}<{{ .Prompt }}>{{ end }}'
        '{{ currentDate }} {{ template "p" . }}{{ .Response }}{{ json .System }}"""\n'
    )
    found = findings(text, "MF409")
    assert [located(text, f) for f in found] == ["currentDate", '"p"']
    assert '"currentDate" is not a defined function' in found[0].message
    assert 'template "p" not defined' in found[1].message


def test_an_invisible_character_before_the_failure_keeps_the_location() -> None:
    text = "FROM x\nTEMPLATE \ufeff{{ if .Prompt }}{{ .Response }}{{ else }}-{{ end }}\n"
    (finding,) = findings(text, "MF409")
    assert located(text, finding) == ".Response"


def test_silent_where_the_last_turn_renders() -> None:
    for template in (
        "{{ if .Prompt }}{{ .Prompt }}{{ .Response }}{{ end }}",  # no else: nothing to assert
        "{{ if .Response }}R{{ else }}{{ .Prompt }}{{ end }}",  # a branch's pipeline is kept
        "{{ with .Prompt }}{{ . }}{{ $.Response }}{{ else }}-{{ end }}",  # a variable, not a field
        "{{ .Prompt }}{{ .Response }}{{ json .System }}",  # after the cut
        "{{ range .Messages }}{{ json . }}{{ end }}",  # messages mode has no last turn
        "{{ if .System }}{{ .System }}{{ else }}{{ .Prompt }}{{ end }}",  # appended response
        "{{ if .System }}{{ .Response }}",  # MF302's: it does not parse
    ):
        assert findings(f"FROM x\nTEMPLATE {template}\n", "MF409") == [], template
    assert findings(VALID, "MF409") == []


def test_only_the_template_that_is_sent() -> None:
    text = (
        "FROM x\nTEMPLATE {{ if .Prompt }}{{ .Response }}{{ else }}-{{ end }}\n"
        "TEMPLATE {{ .Prompt }}{{ .Response }}\n"
    )
    assert findings(text, "MF409") == []


LEGACY = [case for case in render_verdicts() if "messages" not in case["template"].lower()]


@pytest.mark.parametrize("case", LEGACY, ids=[case["name"] for case in LEGACY])
def test_panics_exactly_where_go_panicked(case: dict[str, Any]) -> None:
    """Go 1.26 rendered every legacy case of the table through Ollama's Execute: the panic is
    predicted exactly for the templates where Go's own run panicked."""
    predicted = any(failure.always for failure in last_turn_failures(case["template"]))
    assert predicted == (case.get("error") == DELETE_NODE_PANIC)


def test_blocks_nested_thousands_deep() -> None:
    """Go nests blocks without a limit: the cut and the walks must not overflow a stack."""
    nested = "{{ if .Prompt }}" * 3000 + "x{{ .Response }}{{ else }}y" + "{{ end }}" * 3000
    (finding,) = findings(f'FROM x\nTEMPLATE """{nested}"""\n', "MF409")
    assert finding.code == "MF409"
    plain = "{{ if .Prompt }}" * 3000 + "x{{ .Response }}" + "{{ end }}" * 3000
    assert findings(f'FROM x\nTEMPLATE """{plain}"""\n', "MF409") == []
