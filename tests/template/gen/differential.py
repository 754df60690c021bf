# ruff: noqa: E501 (tables of template pieces: one pool a line reads better than wrapped)
"""Random templates through Go and through our port: every difference is printed.

A maintainer's tool, not a test (it needs Go): it writes random parse cases (actions,
pipelines, literals, control flow, then a few mutated characters), random render cases over
random conversations (fmt verbs and flags, comparisons, the escaping functions) and random
control-flow render cases (if/with/range with else chains, variables, break and continue,
define/template/block, legacy templates), has `gen` record Go's verdicts, and compares them
with `check_template` and `render_prompt`. What it finds becomes probes in `probe_cases.py`.

    cd tests/template/gen && GOTOOLCHAIN=local /tmp/go/bin/go build -o /tmp/gen .
    cd ../../.. && .venv/bin/python tests/template/gen/differential.py /tmp/gen --seed 1 --count 5000

Go prints the address of a pointer nested in a value, which differs on every run: outputs
equal once addresses are masked count as equal.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from modelfile_ls.template import TemplateError, check_template, parse_template
from modelfile_ls.template.execute import ExecError
from modelfile_ls.template.render import render_prompt

FIELDS = [
    ".System",
    ".Prompt",
    ".Response",
    ".Messages",
    ".Tools",
    ".Think",
    ".Role",
    ".Content",
    ".Foo",
    ".Foo.Bar",
    ".ToolCalls",
    ".Function.Name",
    ".",
    ".a.b.c",
    ".X1",
    "._y",
    ".ÄÖ",
]
FUNCS = [
    "json",
    "len",
    "index",
    "slice",
    "printf",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "and",
    "or",
    "not",
    "call",
    "html",
    "js",
    "urlquery",
    "print",
    "println",
    "currentDate",
    "yesterdayDate",
    "toTypeScriptType",
    "undefinedfn",
    "contains",
]
LITERALS = [
    '"a"',
    '"\\n"',
    '"\\x41"',
    '"\\u00e9"',
    '"bad\\q"',
    '"unterminated',
    "`raw`",
    "`raw\nline`",
    "'a'",
    "'\\n'",
    "'ab'",
    "''",
    "1",
    "0x1F",
    "1e3",
    "1_000",
    "0b101",
    "0o17",
    "-1",
    "+2",
    "1i",
    ".5",
    "1.",
    "0x1p-2",
    "1__0",
    "09",
    "true",
    "false",
    "nil",
    "3.14",
    "0x",
    "1e",
    "'\\x41'",
    "'\\U0001F600'",
    "'\\400'",
    "1.2.3",
    "0xG",
]
VARIABLES = ["$", "$x", "$i", "$msg", "$last", "$_", "$1", "$é"]
TEXTS = [
    "hello",
    " ",
    "\n",
    "<|im_start|>",
    "user\n",
    "{",
    "}",
    "{ {",
    "}}",
    "\t",
    "é",
    "\ufeff",
    "\u2028",
]
VERBS = [
    "%s",
    "%d",
    "%v",
    "%q",
    "%x",
    "%X",
    "%5.2f",
    "%t",
    "%T",
    "%c",
    "%U",
    "%o",
    "%b",
    "%e",
    "%g",
    "%+v",
    "%#v",
    "%-4s|",
    "%04d",
    "%%",
    "%!",
    "%[1]s",
    "%*d",
    "%.1s",
    "% x",
    "%8.3q",
    "%p",
]
TOP = [
    ".System",
    ".Prompt",
    ".Response",
    ".Messages",
    ".Tools",
    ".Think",
    ".ThinkLevel",
    ".IsThinkSet",
    ".Nope",
]
IN_MESSAGE = [
    ".Role",
    ".Content",
    ".ToolCalls",
    ".Images",
    ".Thinking",
    ".ToolName",
    ".ToolCallID",
    ".Nope",
    "$.System",
    "$i",
    "$m.Role",
    "$m",
]
IN_CALL = [".Function.Name", ".Function.Arguments", ".Function.Index", ".ID", "."]
IN_TOOL = [
    ".Type",
    ".Function.Name",
    ".Function.Parameters",
    ".Function.Parameters.Required",
    ".Function.Parameters.Properties",
    ".",
]
VALUES = [
    '"a"',
    '"user"',
    '""',
    "0",
    "1",
    "2",
    "-1",
    "1.5",
    "true",
    "false",
    "nil",
    "'x'",
    "0x10",
    "3e2",
    '"%d"',
    '"<b>&"',
    '"é"',
    "9223372036854775807",
]
ROLES = ["system", "user", "assistant", "tool", "user", "user", "assistant"]
CONTENTS = ["Hello!", "", 'a <b> & "c"', "é ü 中文", "line1\nline2", "42", "%d", "{{ .X }}"]
TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the weather",
        "parameters": {
            "type": "object",
            "required": ["city"],
            "properties": {
                "city": {"type": "string", "description": "The city"},
                "unit": {"type": "string", "enum": ["c", "f"]},
                "days": {"type": ["integer", "null"]},
            },
        },
    },
}
CALL = {
    "function": {
        "name": "get_weather",
        "arguments": {"city": "Paris", "days": 2, "z": [1, "a"], "a": {"b": None}, "f": 1.5},
    }
}
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{9,}|[0-9a-fA-F]{10,}|[01]{30,}")


class ParseCases:
    """Templates for the parser: mostly errors, of every kind Go reports."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def operand(self, depth: int) -> str:
        r, pick = self.rng.random(), self.rng.choice
        if r < 0.35:
            return pick(FIELDS)
        if r < 0.55:
            return pick(LITERALS)
        if r < 0.7:
            return pick(VARIABLES) + pick(["", "", ".Name", ".a.b"])
        if r < 0.8 and depth < 3:
            return "(" + self.pipeline(depth + 1) + ")" + pick(["", "", ".Field"])
        return pick(FUNCS)

    def pipeline(self, depth: int = 0) -> str:
        pick = self.rng.choice
        head = ""
        if self.rng.random() < 0.25:
            names = pick(VARIABLES) + (", " + pick(VARIABLES) if self.rng.random() < 0.3 else "")
            head = names + " " + pick([":=", ":=", "=", "= "]) + " "
        commands = []
        for _ in range(pick([1, 1, 1, 2, 3])):
            if self.rng.random() < 0.5:
                commands.append(self.operand(depth))
            else:
                args = [self.operand(depth) for _ in range(self.rng.randint(0, 3))]
                commands.append(" ".join([pick(FUNCS), *args]))
        return head + " | ".join(commands)

    def action(self, body: str) -> str:
        pick = self.rng.choice
        space = lambda: pick([" ", " ", "", "  ", "\n", "\t", "\r\n"])  # noqa: E731
        return (
            pick(["{{", "{{", "{{- ", "{{-", "{{ "])
            + space()
            + body
            + space()
            + pick(["}}", "}}", " -}}", "-}}", " }}"])
        )

    def block(self, depth: int) -> str:
        pick, out = self.rng.choice, []
        for _ in range(self.rng.randint(1, 4)):
            r = self.rng.random()
            if r < 0.3:
                out.append(pick(TEXTS))
            elif r < 0.55:
                out.append(self.action(self.pipeline()))
            elif depth < 3 and r < 0.85:
                keyword = pick(["if", "if", "range", "range", "with", "block", "define"])
                if keyword in ("block", "define"):
                    name = pick(['"x"', '"y"', "x", "`z`"])
                    head = f"{keyword} {name}" + (
                        " " + self.pipeline() if keyword == "block" else ""
                    )
                elif keyword == "range" and self.rng.random() < 0.4:
                    head = f"range {pick(VARIABLES)}, {pick(VARIABLES)} := {pick(FIELDS)}"
                else:
                    head = f"{keyword} {self.pipeline()}"
                out += [self.action(head), self.block(depth + 1)]
                if keyword == "range" and self.rng.random() < 0.3:
                    out.append(self.action(pick(["break", "continue", "break 1"])))
                for _ in range(pick([0, 0, 1, 2])):
                    chain = pick(
                        [
                            "else",
                            "else if " + self.pipeline(),
                            "else with " + self.pipeline(),
                            "else range .X",
                        ]
                    )
                    out += [self.action(chain), self.block(depth + 1)]
                out.append(self.action(pick(["end", "end", "end", "end x", ""])))
            elif r < 0.92:
                out.append(
                    self.action(pick(['template "x"', 'template "x" .', "template x", "template"]))
                )
            else:
                out.append(
                    pick(
                        [
                            "{{/* c */}}",
                            "{{- /* c */ -}}",
                            "{{/* c",
                            "{{ /* c */ }}",
                            "{{/* a */ .X}}",
                        ]
                    )
                )
        return "".join(out)

    def template(self) -> str:
        text = self.block(0)
        if self.rng.random() < 0.4:
            chars = list(text)
            for _ in range(self.rng.randint(1, 3)):
                if chars:
                    i = self.rng.randrange(len(chars))
                    chars.insert(i, self.rng.choice("{}-$.()|:=\" '`/*\n,@#;\\é\ufeff\x00\x7f"))
            text = "".join(chars)
        return text


class RenderCases:
    """Templates that mostly parse, for the executor: fmt, comparisons, escapes, control flow."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def value(self, pool: list[str], depth: int = 0) -> str:
        r, pick = self.rng.random(), self.rng.choice
        if r < 0.5 or depth > 1:
            return pick(pool + VALUES)
        if r < 0.65:
            return f"{pick(['len', 'not', 'json', 'html', 'js', 'urlquery', 'print', 'println', 'toTypeScriptType', 'currentDate'])} {self.value(pool, depth + 1)}"
        if r < 0.85:
            args = " ".join(self.value(pool, depth + 1) for _ in range(pick([2, 2, 3, 1])))
            return f"{pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or', 'index', 'slice', 'print', 'html'])} {args}"
        verbs = "".join(pick(VERBS) + pick(["", " ", "|"]) for _ in range(self.rng.randint(1, 3)))
        args = " ".join(self.value(pool, depth + 1) for _ in range(self.rng.randint(0, 3)))
        return f"printf {json.dumps(verbs)} {args}"

    def body(self, pool: list[str], depth: int) -> str:
        pick, out = self.rng.choice, []
        for _ in range(self.rng.randint(1, 3)):
            r = self.rng.random()
            if r < 0.4 or depth > 2:
                out.append("{{ " + self.value(pool) + " }}" + pick(["", "|", "\n"]))
            elif r < 0.55:
                chain = pick(
                    ["", "{{ else }}E", "{{ else if " + self.value(pool) + " }}EI{{ else }}E2"]
                )
                out.append(
                    "{{ if "
                    + self.value(pool)
                    + " }}"
                    + self.body(pool, depth + 1)
                    + chain
                    + "{{ end }}"
                )
            elif r < 0.65:
                chain = pick(["", "{{ else }}W", "{{ else with " + self.value(pool) + " }}W2"])
                out.append(
                    "{{ with "
                    + self.value(pool)
                    + " }}"
                    + self.body([*pool, "."], depth + 1)
                    + chain
                    + "{{ end }}"
                )
            elif r < 0.8 and pool is TOP:
                head, inner = pick(
                    [
                        ("$i, $m := .Messages", IN_MESSAGE),
                        ("$i, $t := .Tools", IN_TOOL),
                        ("$n := 3", ["$n", "."]),
                        ("$k, $v := (index .Messages 0)", ["$k", "$v"]),
                    ]
                )
                stop = (
                    pick(
                        [
                            "",
                            "{{ if eq $i 1 }}{{ break }}{{ end }}",
                            "{{ if eq $i 0 }}{{ continue }}{{ end }}",
                        ]
                    )
                    if "$i" in head
                    else ""
                )
                out.append(
                    "{{ range "
                    + head
                    + " }}"
                    + stop
                    + self.body(inner, depth + 1)
                    + pick(["", "{{ else }}EMPTY"])
                    + "{{ end }}"
                )
            elif r < 0.85 and pool is IN_MESSAGE:
                out.append(
                    "{{ range .ToolCalls }}"
                    + self.body(IN_CALL, depth + 1)
                    + "{{ range $k, $v := .Function.Arguments }}{{ $k }}={{ $v }};{{ end }}{{ end }}"
                )
            elif r < 0.93:
                out.append(
                    "{{ $x := "
                    + self.value(pool)
                    + " }}{{ $x = "
                    + self.value(pool)
                    + " }}{{ $x }}"
                )
            else:
                out.append(
                    pick(
                        [
                            '{{ template "t" . }}',
                            '{{ block "b" . }}B{{ . }}{{ end }}',
                            '{{ template "t" .Messages }}',
                        ]
                    )
                )
        return "".join(out)

    def template(self) -> str:
        text = self.body(TOP, 0)
        if self.rng.random() < 0.3:
            text = '{{ define "t" }}T[{{ . }}]{{ end }}' + text
        if self.rng.random() < 0.3:
            text += "{{ if .System }}S:{{ .System }}{{ end }}U:{{ .Prompt }}A:{{ .Response }}"
        return text

    def conversation(self) -> dict[str, Any]:
        messages = []
        for _ in range(self.rng.randint(0, 5)):
            message: dict[str, Any] = {
                "role": self.rng.choice(ROLES),
                "content": self.rng.choice(CONTENTS),
            }
            if message["role"] == "assistant" and self.rng.random() < 0.3:
                message["tool_calls"] = [CALL] * self.rng.randint(1, 2)
            if message["role"] == "tool" and self.rng.random() < 0.5:
                message["tool_name"] = "get_weather"
            messages.append(message)
        case: dict[str, Any] = {"messages": messages}
        if self.rng.random() < 0.3:
            case["tools"] = [TOOL]
        if self.rng.random() < 0.2:
            case["think"] = True
        return case


def our_render(case: dict[str, Any], today: datetime.date) -> tuple[str | None, str | None]:
    """Our prompt or error for a render case, as the verdict test compares them."""
    think = True if case.get("think") else None
    try:
        prompt = render_prompt(
            case["template"], case["messages"], tools=case.get("tools"), think=think, today=today
        )
    except (TemplateError, ExecError) as error:
        return None, str(error)
    return prompt, None


def main() -> int:
    """Generate, run Go, compare; the exit code is 1 when anything differs."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("gen", help="the built `gen` program of this folder")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--count", type=int, default=2000, help="cases of each kind")
    args = options.parse_args()
    rng = random.Random(args.seed)
    parsing, rendering = ParseCases(rng), RenderCases(rng)
    parse = [{"name": f"p{k}", "template": parsing.template()} for k in range(args.count)]
    render = [
        {"name": f"r{k}", "template": rendering.template(), **rendering.conversation()}
        for k in range(args.count)
    ]
    with tempfile.TemporaryDirectory() as scratch:
        cases, verdicts = Path(scratch) / "cases.json", Path(scratch) / "verdicts.json"
        cases.write_text(json.dumps({"parse": parse, "render": render}))
        subprocess.run([args.gen, str(cases), str(verdicts)], check=True)
        go = json.loads(verdicts.read_text())
    differences = 0
    for case in go["parse"]:
        error = check_template(case["template"])
        ours = error.message if error else None
        vars_ok = not case["ok"] or list(parse_template(case["template"]).vars) == (
            case["vars"] or []
        )
        if ours != (None if case["ok"] else case["error"]) or not vars_ok:
            differences += 1
            print(
                f"parse {case['template']!r}\n  go: {case.get('error') or case['vars']}\n  us: {ours}"
            )
    today = datetime.date.fromisoformat(go["today"])
    for case in go["render"]:
        want, got = (case.get("prompt"), case.get("error")), our_render(case, today)
        if [_ADDRESS.sub("P", x or "") for x in want] != [_ADDRESS.sub("P", x or "") for x in got]:
            differences += 1
            print(
                f"render {case['template']!r} over {json.dumps(case['messages'])[:200]}\n  go: {want}\n  us: {got}"
            )
    print(
        f"{differences} differences in {len(go['parse'])} parse and {len(go['render'])} render cases"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
