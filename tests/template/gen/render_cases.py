# ruff: noqa: E501 (a table of templates: one case a line reads better than wrapped strings)
"""Render cases for `gen`: model-family templates, conversations and Go-semantics probes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "expected"


def _corpus_template(number: str) -> str:
    request = json.loads((_CORPUS / f"{number}.json").read_text())["create_request"]
    return str(request["template"])


# Granite 3's chat format (IBM's published role markers), written for this table.
_GRANITE = """{{- if or .System .Tools }}<|start_of_role|>system<|end_of_role|>
{{- if .System }}{{ .System }}{{ end }}
{{- if .Tools }} You have access to these tools: {{ json .Tools }}{{ end }}<|end_of_text|>
{{ end }}
{{- range $i, $m := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}<|start_of_role|>user<|end_of_role|>{{ .Content }}<|end_of_text|>
{{ else if eq .Role "assistant" }}<|start_of_role|>assistant<|end_of_role|>
{{- if .ToolCalls }}<|tool_call|>{{ range .ToolCalls }}{"name": "{{ .Function.Name }}", "arguments": {{ .Function.Arguments }}}{{ end }}
{{- else }}{{ .Content }}{{ end }}
{{- if not $last }}<|end_of_text|>
{{ end }}
{{- else if eq .Role "tool" }}<|start_of_role|>tool_response<|end_of_role|>{{ .Content }}<|end_of_text|>
{{ end }}
{{- if and (ne .Role "assistant") $last }}<|start_of_role|>assistant<|end_of_role|>
{{- end }}
{{- end }}"""

FAMILIES: dict[str, str] = {
    "Llama 3 (tools)": _corpus_template("0050"),
    "Qwen 2.5 (tools)": _corpus_template("0005"),
    "Qwen ChatML (legacy)": _corpus_template("0061"),
    "Mistral (tools)": _corpus_template("0133"),
    "Mistral [INST] (legacy)": _corpus_template("0223"),
    "Gemma (legacy)": _corpus_template("0045"),
    "Gemma (messages)": _corpus_template("0134"),
    "Phi-3 (legacy)": _corpus_template("0036"),
    "Granite 3 (tools)": _GRANITE,
}

_WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the weather in a city",
        "parameters": {
            "type": "object",
            "required": ["city"],
            "properties": {
                "city": {"type": "string", "description": "The city"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "days": {"type": ["integer", "null"], "description": "Days ahead"},
            },
        },
    },
}
_TOOL_CALL = {"function": {"name": "get_weather", "arguments": {"city": "Paris", "days": 2}}}

CONVERSATIONS: dict[str, dict[str, Any]] = {
    "one user message": {"messages": [{"role": "user", "content": "Hello!"}]},
    "system and user": {
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "Why is the sky blue?"},
        ]
    },
    "multi-turn": {
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "Hi, who are you?"},
            {"role": "assistant", "content": "I am an assistant."},
            {"role": "user", "content": "What can you do?"},
        ]
    },
    "consecutive same role merged": {
        "messages": [
            {"role": "user", "content": "First part."},
            {"role": "user", "content": "Second part."},
            {"role": "assistant", "content": "Noted."},
            {"role": "assistant", "content": "Anything else?"},
            {"role": "user", "content": "No."},
        ]
    },
    "ends with assistant": {
        "messages": [
            {"role": "user", "content": "Complete: the quick brown"},
            {"role": "assistant", "content": "fox"},
        ]
    },
    "tools and tool call": {
        "messages": [
            {"role": "system", "content": "Use tools when useful."},
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": "", "tool_calls": [_TOOL_CALL]},
            {"role": "tool", "content": "18 degrees", "tool_name": "get_weather"},
            {"role": "tool", "content": "sunny", "tool_name": "get_weather"},
        ],
        "tools": [_WEATHER_TOOL],
    },
    "two system messages": {
        "messages": [
            {"role": "system", "content": "Rule one."},
            {"role": "user", "content": "Hi"},
            {"role": "system", "content": "Rule two."},
            {"role": "user", "content": "Again"},
        ]
    },
}

_CHAT = CONVERSATIONS["multi-turn"]
_TOOLS = CONVERSATIONS["tools and tool call"]

# Go text/template semantics, each rendered by Go itself.
SEMANTICS: list[tuple[str, str, dict[str, Any]]] = [
    ("absent key prints <no value>", "[{{ .Nope }}]{{ .Prompt }}", _CHAT),
    ("absent key in messages mode", "[{{ .Nope }}]{{ range .Messages }}{{ end }}", _CHAT),
    (
        "bools and nil print",
        "{{ .Think }} {{ true }} {{ print nil }} {{ .Tools }}|{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    ("slice of strings prints", '{{ range .Messages }}{{ end }}{{ slice "hello" 1 3 }}', _CHAT),
    ("tools print as JSON", "{{ .Tools }}|{{ range .Messages }}{{ end }}", _TOOLS),
    (
        "tool fields",
        "{{ range .Tools }}{{ .Type }} {{ .Function.Name }} {{ .Function.Parameters.Required }} {{ .Function.Parameters.Properties }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "properties range sorted",
        "{{ range .Tools }}{{ range $k, $v := .Function.Parameters.Properties }}{{ $k }}={{ $v.Type }}:{{ toTypeScriptType $v }};{{ end }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "property fields print",
        "{{ range .Tools }}{{ range .Function.Parameters.Properties }}[{{ .Type }}|{{ .Enum }}|{{ .Description }}]{{ end }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "tool call arguments",
        "{{ range .Messages }}{{ range .ToolCalls }}{{ .Function.Name }} {{ .Function.Arguments }} {{ json .Function.Arguments }} {{ .Function.Index }} [{{ .ID }}]{{ range $k, $v := .Function.Arguments }}{{ $k }}:{{ $v }},{{ end }}{{ end }}{{ end }}",
        _TOOLS,
    ),
    ("json of messages", "{{ json .Messages }}", _CHAT),
    (
        "json of message fields",
        "{{ range .Messages }}{{ json .Role }}{{ json .ToolCalls }}{{ json .Images }}{{ end }}",
        _TOOLS,
    ),
    (
        "message struct prints",
        "{{ range .Messages }}{{ .ToolCalls }}|{{ .Images }}|{{ end }}",
        _TOOLS,
    ),
    (
        "len index slice",
        '{{ len .Messages }} {{ (index .Messages 1).Content }} {{ len (slice .Messages 1) }} {{ index "abc" 1 }}',
        _CHAT,
    ),
    ("index out of range", "{{ index .Messages 10 }}", _CHAT),
    ("slice out of range", "{{ slice .Messages 3 1 }}", _CHAT),
    ("unknown message field", "{{ range .Messages }}{{ .Nope }}{{ end }}", _CHAT),
    ("field of string", "{{ range .Messages }}{{ .Role.X }}{{ end }}", _CHAT),
    ("nil pointer field", "{{ .Nope.Field }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "and or short circuit",
        '{{ and 0 .Nope.X }} {{ or 1 .Nope.X }} {{ and 1 "x" }} {{ or 0 "" }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "not and truth",
        '{{ not .System }} {{ not "" }} {{ if .Messages }}y{{ end }} {{ if .Tools }}t{{ else }}nt{{ end }}',
        _CHAT,
    ),
    (
        "comparisons",
        '{{ eq 1 1 }} {{ eq "a" "b" "a" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt 1.5 1 }} {{ ge "b" "a" }} {{ eq .Think false }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    ("incompatible comparison", '{{ lt 1 "a" }}{{ range .Messages }}{{ end }}', _CHAT),
    ("eq with nil", "{{ eq .Tools nil }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "printf verbs",
        '{{ printf "%s|%q|%d|%v|%5.2f|%x|%T|%%" "a" "b" 42 true 3.14159 255 1 }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    ("printf wrong verb", '{{ printf "%d %s" "x" }}{{ range .Messages }}{{ end }}', _CHAT),
    (
        "printf unicode verb",
        '{{ printf "%c|%U|%U" 233 233 128512 }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "escapers of a missing key and of nil (printableValue)",
        "{{ html .Missing }}|{{ js .Missing }}|{{ urlquery .Missing 1 }}|{{ print .Missing }}"
        "{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    ("printf %s of the legacy values map", '{{ printf "%s|%d" . . }}', _CHAT),
    ("printf bad verb padded, extra nil", '{{ printf "%-4d|%5t|" "ab" "x" .Missing }}', _CHAT),
    ("printf hex floats and a map's elements", '{{ printf "%x|%X|%x|%g" 1e6 0.5 -0.0 . }}', _CHAT),
    (
        "print spacing",
        '{{ print 1 2 "a" "b" 3 }}|{{ println 1 "a" }}|{{ print "x" 1 }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "html js urlquery",
        '{{ html "<a href=\'x\'>&\\"" }}|{{ js "it\'s <b> \\"q\\" \\n" }}|{{ urlquery "a b&c=d/é" }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "variables and scope",
        '{{ $n := 0 }}{{ range $i, $m := .Messages }}{{ $n = $i }}{{ end }}{{ $n }} {{ $x := "a" }}{{ with .System }}{{ $x := . }}{{ $x }}{{ end }} {{ $x }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "range break continue",
        "{{ range $i, $m := .Messages }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 3 }}{{ break }}{{ end }}{{ $i }}{{ .Role }},{{ end }}",
        _CHAT,
    ),
    (
        "range else on empty",
        "{{ range .Tools }}x{{ else }}no tools{{ end }}{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    (
        "range over int (Go 1.22)",
        "{{ range 3 }}{{ . }}{{ end }}{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    (
        "range over string fails",
        '{{ range "abc" }}{{ . }}{{ end }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "with else with",
        "{{ with .Nope }}a{{ else with .System }}[{{ . }}]{{ else }}c{{ end }}{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    (
        "define template block",
        '{{ define "turn" }}<{{ .Role }}:{{ .Content }}>{{ end }}{{ range .Messages }}{{ template "turn" . }}{{ end }}{{ block "tail" .System }}[{{ . }}]{{ end }}',
        _CHAT,
    ),
    ("template not defined", '{{ template "missing" . }}{{ range .Messages }}{{ end }}', _CHAT),
    (
        "trimming",
        "a  {{- .System -}}  b\n\n{{- range .Messages }}\n  {{ .Role }}\n{{- end }}",
        _CHAT,
    ),
    ("dollar root in range", "{{ range .Messages }}{{ $.System }}/{{ end }}", _CHAT),
    ("legacy appends response", "<{{ .System }}|{{ .Prompt }}>", _CHAT),
    ("legacy cuts after response", "{{ .Prompt }}[{{ .Response }}]after", _CHAT),
    (
        "legacy response inside if",
        "{{ if .Prompt }}U:{{ .Prompt }}{{ end }} A:{{ if .Response }}{{ .Response }}{{ end }} end",
        _CHAT,
    ),
    (
        "legacy merged system and turns",
        "S={{ .System }} P={{ .Prompt }} R={{ .Response }};",
        CONVERSATIONS["two system messages"],
    ),
    ("legacy lowercase response", "{{ .Prompt }}{{ .response }}", _CHAT),
    ("messages lowercase", "{{ range .messages }}x{{ end }}{{ .Prompt }}", _CHAT),
    (
        "think values",
        "{{ .Think }} {{ .ThinkLevel }} {{ .IsThinkSet }}{{ range .Messages }}{{ end }}",
        {**_CHAT, "think": True},
    ),
    (
        "current date",
        '{{ currentDate }} {{ yesterdayDate }} {{ currentDate "x" }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    ("call non-function", "{{ call .System }}{{ range .Messages }}{{ end }}", _CHAT),
    ("len of int", "{{ len 3 }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "numbers print",
        "{{ 1.0 }} {{ 1e21 }} {{ 0x10 }} {{ 'a' }} {{ 1.5e-7 }} {{ -0 }} {{ 100000000.0 }}{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    ("function result errors", '{{ index .Messages "x" }}', _CHAT),
    ("wrong argument count", "{{ not 1 2 }}{{ range .Messages }}{{ end }}", _CHAT),
    ("method-less field on map", "{{ .System.Foo }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "images and thinking",
        "{{ range .Messages }}[{{ .Thinking }}|{{ .Images }}|{{ len .Images }}]{{ end }}",
        {
            "messages": [
                {"role": "user", "content": "x"},
                {"role": "assistant", "content": "y", "thinking": "hmm"},
            ]
        },
    ),
    ("no messages", "{{ range .Messages }}x{{ else }}none{{ end }}", {"messages": []}),
    ("legacy no messages", "{{ .System }}{{ .Prompt }}", {"messages": []}),
    (
        "pipeline final arg",
        '{{ .System | printf "%s!" }} {{ "a" | printf "%s%s" "b" }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "declared in if",
        "{{ if $s := .System }}{{ $s }}{{ end }}{{ range .Messages }}{{ end }}",
        _CHAT,
    ),
    (
        "range map with one var",
        "{{ range .Tools }}{{ range $v := .Function.Parameters.Properties }}{{ $v.Type }},{{ end }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "index map",
        '{{ range .Tools }}{{ (index .Function.Parameters.Properties "city").Description }}{{ index .Function.Parameters.Properties "nope" }}{{ end }}{{ range .Messages }}{{ end }}',
        _TOOLS,
    ),
    (
        "map key field",
        "{{ range .Tools }}{{ .Function.Parameters.Properties.city.Type }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    ("typescript of tool", "{{ toTypeScriptType .System }}{{ range .Messages }}{{ end }}", _CHAT),
    ("legacy last turn has no Ollama functions", "{{ .Prompt }}/{{ currentDate }};", _CHAT),
    (
        "legacy single turn with a function",
        "{{ .Prompt }}/{{ json .Prompt }};",
        CONVERSATIONS["one user message"],
    ),
    ("legacy last turn default missingkey", "{{ .Prompt }}[{{ .Nope.Field }}]", _CHAT),
    (
        "legacy defines are gone in the last turn",
        '{{ define "x" }}X{{ end }}{{ .Prompt }}{{ template "x" . }};',
        _CHAT,
    ),
    ("message values print as structs", "{{ range .Messages }}{{ . }}|{{ end }}", _TOOLS),
    (
        "tool element prints as JSON",
        "{{ range .Tools }}{{ . }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "tool function prints as struct",
        "{{ range .Tools }}{{ .Function }}{{ end }}{{ range .Messages }}{{ end }}",
        _TOOLS,
    ),
    (
        "printf mixed",
        '{{ printf "%v|%s|%d|%5s|%-4d|%q" .System 3 "x" "ab" 7 .Think }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    (
        "range assigns outer variables",
        "{{ $i := 0 }}{{ $m := 0 }}{{ range $i, $m = .Messages }}{{ end }}{{ $i }} {{ $m.Role }}",
        _CHAT,
    ),
    ("argument to non-function", "{{ .System 1 }}{{ range .Messages }}{{ end }}", _CHAT),
    ("html of a message", '{{ range .Messages }}{{ html .Content "<&>" }}{{ end }}', _CHAT),
    ("len of nil tools", "{{ len .Tools }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "slice bytes of a string",
        '{{ slice "h\u00e9llo" 1 3 }}|{{ len "h\u00e9llo" }}{{ range .Messages }}{{ end }}',
        _CHAT,
    ),
    ("eq across kinds", "{{ eq .System 1 }}{{ range .Messages }}{{ end }}", _CHAT),
    (
        "tool call id and index",
        "{{ range .Messages }}{{ range .ToolCalls }}{{ .ID }}/{{ .Function.Index }}/{{ .Function }}{{ end }}{{ end }}",
        {
            "messages": [
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "function": {
                                "index": 3,
                                "name": "f",
                                "arguments": {"b": [1, 2.5, "x", None, True], "a": {"k": "v"}},
                            },
                        }
                    ],
                }
            ]
        },
    ),
    (
        "nested property schema",
        "{{ range .Tools }}{{ range $k, $v := .Function.Parameters.Properties }}{{ $k }}:{{ $v.Type }}:{{ toTypeScriptType $v }}:{{ json $v }};{{ end }}{{ end }}{{ range .Messages }}{{ end }}",
        {
            "messages": [{"role": "user", "content": "x"}],
            "tools": [
                {
                    "type": "function",
                    "function": {
                        "name": "f",
                        "parameters": {
                            "type": "object",
                            "properties": {
                                "z": {
                                    "type": "object",
                                    "properties": {
                                        "b": {"type": "string"},
                                        "a": {"type": "integer"},
                                    },
                                },
                                "y": {"anyOf": [{"type": "string"}, {"type": "number"}]},
                                "x": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                }
            ],
        },
    ),
    ("json escapes html", '{{ json "<a&b>\u2028" }}{{ range .Messages }}{{ end }}', _CHAT),
    (
        "json of floats",
        "{{ range .Messages }}{{ range .ToolCalls }}{{ json .Function.Arguments }}{{ end }}{{ end }}",
        {
            "messages": [
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [
                        {
                            "function": {
                                "name": "f",
                                "arguments": {
                                    "a": 1e21,
                                    "b": 1e-7,
                                    "c": 0.000001,
                                    "d": 123456789,
                                    "e": -0.5,
                                },
                            }
                        }
                    ],
                }
            ]
        },
    ),
    (
        "role is lowercased",
        "{{ range .Messages }}{{ .Role }},{{ end }}",
        {"messages": [{"role": "USER", "content": "x"}, {"role": "Assistant", "content": "y"}]},
    ),
    (
        "endless template recursion",
        '{{ define "a" }}{{ template "a" . }}{{ end }}{{ template "a" . }}{{ .Messages }}',
        _CHAT,
    ),
    (
        "deeply nested blocks",
        "{{ range .Messages }}" * 60
        + "x"
        + "{{ end }}" * 60
        + "{{ if .Messages }}" * 300
        + "y"
        + "{{ end }}" * 300,
        _CHAT,
    ),
]
