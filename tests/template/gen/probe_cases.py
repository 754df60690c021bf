# ruff: noqa: E501 (a table of templates: one case a line reads better than wrapped strings)
"""Render cases for `gen`: probes a randomized comparison with Go found our port getting wrong.

`PRINTF`: Go's fmt through `printf`, `print` and the escaping functions, each probe one class
of behaviour our port got wrong (or crashed on) before fmt was ported verb by verb: explicit
argument indexes, `*` widths and precisions, flags on every kind, bad verbs printed with the
verb's flags, runes out of range, and the reflection details of `slice`, `len` and the
functions' argument checks. `LEGACY`: templates without `.Messages`, whose last turn Ollama
renders cut after `.Response` (`deleteNode`, which panics on some) as a new template. No probe prints a pointer nested in another value (Go prints its address).
"""

from __future__ import annotations

from typing import Any

_CHAT: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "Hi, who are you?"},
        {"role": "assistant", "content": "I am an assistant."},
    ]
}
_END = "{{ range .Messages }}{{ end }}"  # messages mode, with nothing printed per message

PRINTF: list[tuple[str, str, dict[str, Any]]] = [
    (
        "printf argument indexes",
        '{{ printf "%[2]s %[1]s %s|%[1]q %[3]d" "a" "b" 7 }}' + _END,
        _CHAT,
    ),
    (
        "printf bad argument indexes",
        '{{ printf "%[3]s|%[0]d|%[x]d|%[]d|%[1" "a" "b" }}' + _END,
        _CHAT,
    ),
    ("printf index then width", '{{ printf "%[1]5d|%[1].2f|%[2]*[1]d" 3 6 }}' + _END, _CHAT),
    (
        "printf star width and precision",
        '{{ printf "%*d|%-*d|%.*f|%*.*f|" 5 1 4 2 2 3.14159 8 3 2.5 }}' + _END,
        _CHAT,
    ),
    ("printf star from a non-int", '{{ printf "%*d|%.*d|" "x" 1 1.5 2 }}' + _END, _CHAT),
    ("printf negative star width", '{{ printf "[%*d][%.*d]" -4 7 -1 8 }}' + _END, _CHAT),
    (
        "printf integer flags",
        '{{ printf "%+d|% d|%05d|%-5d|%.3d|%8.3d|%x|%X|%#x|%#o|%O|%b|%#b|%o" 42 42 -42 42 7 -7 255 255 255 8 8 5 5 -8 }}'
        + _END,
        _CHAT,
    ),
    ("printf zero precision zero value", '{{ printf "[%.0d][%5.0d][%.d]" 0 0 0 }}' + _END, _CHAT),
    (
        "printf runes",
        '{{ printf "%c|%q|%U|%#U|%+q|%c|%q|%U|%c" 233 233 233 233 233 -1 1114112 -1 55296 }}'
        + _END,
        _CHAT,
    ),
    (
        "printf rune of a huge int",
        '{{ printf "%q|%c|%#U" 9223372036854775807 9223372036854775807 9223372036854775807 }}'
        + _END,
        _CHAT,
    ),
    (
        "printf floats",
        '{{ printf "%e|%E|%f|%F|%g|%G|%.3g|%.0f|%+.2e|% f|%08.3f|%-8.2f|" 1234.5678 1234.5678 1234.5678 1234.5678 1e21 1e-7 1234.5678 2.5 -1.5 1.5 -3.14159 2.5 }}'
        + _END,
        _CHAT,
    ),
    (
        "printf float hex and binary",
        '{{ printf "%x|%X|%.3x|%.1x|%b|%x" 1.5 -0.375 3.0 1.96875 2.5 0.0 }}' + _END,
        _CHAT,
    ),
    (
        "printf float sharp",
        '{{ printf "%#g|%#.3g|%#.0f|%#e|%#v|%#x" 2.0 100000.0 3.0 1.0 1.0 1.0 }}' + _END,
        _CHAT,
    ),
    (
        "printf float precision on shortest verbs",
        '{{ printf "%.2v|%.1g|%.10g|%5.1v" 3.14159 0.05 0.1 12.5 }}' + _END,
        _CHAT,
    ),
    ("printf complex", '{{ printf "%v|%.2f|%e|%d" 1i 2i 3i 4i }}' + _END, _CHAT),
    (
        "printf strings",
        '{{ printf "%s|%q|%x|%X|% x|%#x|%# x|%.2s|%5s|%-5s|%05s|%.1q|%#q|%+q|%#q" "é<b>" "a\\"b" "hi" "hi" "hi" "hi" "hi" "héllo" "ab" "ab" "ab" "xyz" "a`b" "é" "ok" }}'
        + _END,
        _CHAT,
    ),
    ("printf hex of an empty string", '{{ printf "[%x][%5x][% x]" "" "" "" }}' + _END, _CHAT),
    (
        "printf bools",
        '{{ printf "%t|%v|%6t|%-6v|%d|%s" true false true false true false }}' + _END,
        _CHAT,
    ),
    ("printf nil", '{{ printf "%v|%d|%T|%s|%5v|" nil nil nil nil nil }}' + _END, _CHAT),
    (
        "printf bad verbs keep the verb's flags",
        '{{ printf "%04d|%.1s|%-6d|%+s|%x" "" 1.5 "ab" 3 true }}' + _END,
        _CHAT,
    ),
    ("printf unknown verbs", '{{ printf "%z|%!|%ä|%Z" 1 2 3 "s" }}' + _END, _CHAT),
    (
        "printf missing, extra and no verb",
        '{{ printf "%d %s" 1 }}|{{ printf "%d" 1 "x" 2.5 nil true }}|{{ printf "end %" }}|{{ printf "%-" 3 }}'
        + _END,
        _CHAT,
    ),
    ("printf percent ignores width", '{{ printf "%5%|%-5%|%.3%|" }}' + _END, _CHAT),
    (
        "printf types",
        '{{ printf "%T|%T|%T|%T|%T|%T|%10T|" 1 1.5 "s" true 1i .Messages 2 }}' + _END,
        _CHAT,
    ),
    (
        "printf struct verbs",
        '{{ range $i, $m := .Messages }}{{ if eq $i 0 }}{{ printf "%v|%+v|%s|%d" $m $m $m $m }}{{ end }}{{ end }}',
        _CHAT,
    ),
    (
        "printf go syntax of a message",
        '{{ range $i, $m := .Messages }}{{ if eq $i 0 }}{{ printf "%#v" $m }}{{ end }}{{ end }}',
        _CHAT,
    ),
    (
        "printf slices with verbs",
        '{{ printf "%q|%5s|%x|%d" (slice "abc" 1) .Think .Think 3 }}' + _END,
        _CHAT,
    ),
    (
        "printf pointer verb of a nil slice",
        '{{ range .Messages }}{{ printf "%p|%v" .ToolCalls .ToolCalls }}{{ end }}',
        _CHAT,
    ),
    (
        "print spacing of mixed operands",
        '{{ print 1 2 "a" 3 "b" "c" true 1.5 nil }}|{{ println 1 "a" nil }}' + _END,
        _CHAT,
    ),
    (
        "escapers follow pointers",
        "{{ range $i, $m := .Messages }}{{ if eq $i 1 }}{{ js $m }}|{{ html $m }}|{{ urlquery $m }}|{{ print $m }}{{ end }}{{ end }}",
        _CHAT,
    ),
    (
        "escapers of several operands",
        '{{ js "a" 1 }}|{{ html 1 2 "<" }}|{{ urlquery "a b" "&" 3 }}|{{ html .Nope }}|{{ js nil }}'
        + _END,
        _CHAT,
    ),
    ("slice with an interface-held index", "{{ slice .Messages .Nope }}", _CHAT),
    (
        "slice with an interface-held int",
        '{{ range $i, $m := .Messages }}{{ with $x := 1 }}{{ slice "abc" $x }}{{ end }}{{ end }}|{{ slice .Messages .Think }}',
        _CHAT,
    ),
    ("index with an interface-held key", "{{ index .Messages .Nope }}", _CHAT),
    ("len of nil", "{{ len nil }}" + _END, _CHAT),
    ("len of a missing key", "{{ .Nope | len }}" + _END, _CHAT),
    ("string argument of another type", "{{ currentDate .Think }}" + _END, _CHAT),
    ("string argument of a slice", "{{ currentDate .Messages }}", _CHAT),
    ("string argument of a missing key", "{{ currentDate .Nope }}" + _END, _CHAT),
    ("non-comparable slices", "{{ eq .Messages .Messages }}", _CHAT),
    (
        "a byte of a string is a uint8",
        '{{ $b := index "ab" 1 }}{{ $b }}|{{ printf "%T %v %#v %d %x %c %q %U %5d|%s|%e" $b $b $b'
        " $b $b $b $b $b $b $b $b }}|{{ print $b 1 }}|{{ json $b }}" + _END,
        _CHAT,
    ),
    (
        "a uint8 compares with ints",
        '{{ $b := index "ab" 0 }}{{ eq $b 97 }} {{ eq 97 $b }} {{ eq $b (index "a" 0) }}'
        " {{ lt $b 98 }} {{ lt -1 $b }} {{ lt $b -1 }} {{ gt $b 96 }} {{ le 97 $b }}"
        ' {{ ne $b 1 }} {{ eq $b 97 98 }}|{{ slice "abcd" (index "\x01" 0) }}' + _END,
        _CHAT,
    ),
    ("a uint8 is no string", '{{ eq (index "ab" 0) "a" }}' + _END, _CHAT),
    ("a uint8 is no float", '{{ lt (index "ab" 0) 1.5 }}' + _END, _CHAT),
    ("a uint8 cannot be indexed", '{{ index (index "ab" 0) 0 }}' + _END, _CHAT),
    ("a uint8 has no length", '{{ len (index "ab" 0) }}' + _END, _CHAT),
    ("a uint8 is no map key", '{{ index .Messages (index "ab" 0) }}' + _END, _CHAT),
    ("a uint8 is no string argument", '{{ currentDate (index "ab" 0) }}' + _END, _CHAT),
    (
        "an image's bytes are uint8",
        "{{ range .Messages }}{{ $b := index (index .Images 0) 1 }}"
        '{{ printf "%T %v %#v %x" $b $b $b $b }}|{{ .Images }}|{{ printf "%#v" .Images }}{{ end }}',
        {"messages": [{"role": "user", "content": "x", "images": ["AQI="]}]},
    ),
]

_TURNS: dict[str, Any] = {
    "messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello."},
        {"role": "user", "content": "Bye"},
    ]
}

LEGACY: list[tuple[str, str, dict[str, Any]]] = [
    (
        "legacy response in an if with an else",
        "{{ if .System }}S{{ .Response }}{{ else }}N{{ end }}",
        _TURNS,
    ),
    (
        "legacy response in an else-if chain",
        "{{ if .Prompt }}{{ .Prompt }}{{ .Response }}{{ else if .System }}x{{ end }}",
        _TURNS,
    ),
    (
        "legacy response in a with with an else",
        "{{ with .Prompt }}{{ . }}{{ $.Response }}{{ else }}none{{ end }}",
        _TURNS,
    ),
    (
        "legacy response in an if without an else",
        "{{ if .Prompt }}U:{{ .Prompt }} A:{{ .Response }}{{ end }}!",
        _TURNS,
    ),
    (
        "legacy response in a pipeline is not cut",
        "{{ if .Response }}R{{ else }}{{ .Prompt }}{{ end }}",
        _TURNS,
    ),
    (
        "legacy json before the response",
        "{{ .Prompt }}{{ json .System }}{{ .Response }}",
        _TURNS,
    ),
    (
        "legacy Ollama functions after the response",
        "{{ .Prompt }}{{ .Response }}{{ json .System }}",
        _TURNS,
    ),
    (
        "legacy last turn has no defined templates",
        '{{ define "p" }}<{{ .Prompt }}>{{ end }}{{ template "p" . }}{{ .Response }}',
        _TURNS,
    ),
    ("legacy missing key in the last turn", "[{{ .Nope }}]{{ .Prompt }}{{ .Response }}", _TURNS),
]
