"""The parse API for editors: what is in scope at an offset of a template being written."""

from __future__ import annotations

import pytest

from modelfile_ls.template.scope import DATA, scope_at

LLAMA = (
    "{{- if .System }}{{ .System }}{{ end }}"
    "{{- range $i, $m := .Messages }}{{ $last := eq (len (slice $.Messages $i)) 1 }}"
    "<|{{ .Role }}|>{{ range .ToolCalls }}{{ .Function.Name }}{{ end }}"
    "{{ else }}EMPTY{{ end }}"
    "{{ range .Tools }}{{ range $k, $p := .Function.Parameters.Properties }}"
    "{{ $p.Type }}{{ end }}{{ end }}"
)


def _at(marker: str, text: str = LLAMA) -> int:
    return text.index(marker) + 2


@pytest.mark.parametrize(
    ("marker", "dot"),
    [
        ("{{ .System }}", DATA),
        ("<|{{ .Role", "message"),
        ("{{ .Function.Name", "tool call"),
        ("EMPTY", DATA),
        ("{{ $p.Type", "tool"),
    ],
)
def test_dot_follows_range_and_else(marker: str, dot: str) -> None:
    assert scope_at(LLAMA, _at(marker)).dot == dot


def test_range_variables_and_their_fields() -> None:
    scope = scope_at(LLAMA, _at("<|{{ .Role"))
    assert scope.variables["$m"] == "message" and scope.variables["$i"] == "index"
    assert scope.variables["$last"] == "unknown"
    assert "Role" in scope.fields and "Content" in scope.fields and "ToolCalls" in scope.fields
    assert "System" in scope.fields_of("$") and "Role" in scope.fields_of("$m")


def test_variables_end_with_their_block() -> None:
    after = scope_at(LLAMA, _at("{{ range .Tools"))
    assert "$m" not in after.variables and after.dot == DATA
    assert scope_at(LLAMA, _at("{{ $p.Type")).variables["$p"] == "tool"


def test_unfinished_template_still_has_a_scope() -> None:
    text = '{{ range .Messages }}{{ if eq .Role "user" }}{{ bogus }} {{ .'
    assert scope_at(text, len(text)).dot == "message"


def test_else_if_chain_closes_with_one_end() -> None:
    text = "{{ range .Messages }}{{ if .A }}{{ else if .B }}{{ end }}X{{ end }}Y"
    assert scope_at(text, text.index("X")).dot == "message"
    assert scope_at(text, text.index("Y")).dot == DATA


def test_define_has_an_unknown_dot() -> None:
    text = '{{ define "turn" }}X{{ end }}'
    assert scope_at(text, text.index("X")).dot == "unknown"
