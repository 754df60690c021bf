"""Tests for MF302."""

from __future__ import annotations

import pytest

from modelfile_ls.template import check_template
from tests.analysis.helpers import VALID, findings, located


def test_unclosed_if_matches_ollama() -> None:
    text = "FROM x\nTEMPLATE {{ if .System }}\n"
    (finding,) = findings(text, "MF302")
    assert located(text, finding) == "{{ if .System }}"
    assert finding.ollama_message is not None and finding.ollama_message.startswith(
        "template error: template: :1: unexpected EOF"
    )


def test_template_call_without_pipeline() -> None:
    (finding,) = findings('FROM x\nTEMPLATE {{ template "x" }}\n', "MF302")
    assert finding.ollama_message == "template error: undefined template specified"


def test_undefined_function() -> None:
    text = 'FROM x\nTEMPLATE """{{ foo .Prompt }}"""\n'
    (finding,) = findings(text, "MF302")
    assert located(text, finding) == "foo"


@pytest.mark.parametrize(
    "source",
    [
        "{{ .Prompt }}",
        "{{- if .System }}<|system|>{{ .System }}{{ end }}{{ range $i, $m := .Messages }}"
        '{{ if eq $m.Role "user" }}{{ $m.Content }}{{ else }}{{ json $m }}{{ end }}{{ end }}',
        '{{ define "x" }}a{{ end }}{{ template "x" . }}{{/* note }} */}}',
        "{{ range .Tools }}{{ if .Function }}{{ break }}{{ end }}{{ end }}{{ currentDate }}",
        '{{ printf "%s}}" .Prompt }}',
    ],
)
def test_valid_templates(source: str) -> None:
    assert check_template(source) is None


def test_unclosed_action_and_stray_end() -> None:
    unclosed, stray = check_template("{{ .Prompt "), check_template("{{ end }}")
    assert unclosed is not None and unclosed.message == "template: :1: unclosed action"
    assert stray is not None and stray.message == "template: :1: unexpected {{end}}"


def test_silent_on_valid_file() -> None:
    assert findings(VALID, "MF302") == []
