"""The `json` format: a flat array with fixed keys and 1-based ranges."""

from __future__ import annotations

import json

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.report import render
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.regions import region
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of

KEYS = ["file", "code", "severity", "message", "line", "column", "end_line", "end_column"]
RULES = {"MF101": make_rule()}


def test_objects_have_exactly_the_documented_keys_in_order() -> None:
    text = "FROM x\nPARAMETER temperatur 0.5\n"
    result = make_result("Modelfile", text, make_finding(span_of(text, "temperatur")))
    items = json.loads(render("json", [result], RULES))
    assert [list(item) for item in items] == [KEYS]
    assert items[0] == {
        "file": "Modelfile",
        "code": "MF101",
        "severity": "error",
        "message": "unknown parameter",
        "line": 2,
        "column": 11,
        "end_line": 2,
        "end_column": 21,
    }


def test_pretty_printed_with_indent_2_and_a_final_newline() -> None:
    text = "FROM x\n"
    out = render("json", [make_result("M", text, make_finding(Span(0, 4)))], RULES)
    assert out.startswith('[\n  {\n    "file": "M",\n')
    assert out.endswith("\n]\n")


def test_no_findings_is_an_empty_array() -> None:
    assert render("json", [make_result("M", "FROM x\n")], RULES) == "[]\n"


def test_order_is_files_then_findings_as_given() -> None:
    text = "FROM x\nFROM y\n"
    a = make_result(
        "b/Modelfile",
        text,
        make_finding(Span(7, 11), "second line", code="MF002", severity=Severity.WARNING),
        make_finding(Span(0, 4), "first line", code="MF001", severity=Severity.INFO),
    )
    b = make_result("a/Modelfile", text, make_finding(Span(0, 0), "hint", severity=Severity.HINT))
    items = json.loads(render("json", [a, b], RULES))
    assert [(i["file"], i["code"], i["severity"], i["line"]) for i in items] == [
        ("b/Modelfile", "MF002", "warning", 2),
        ("b/Modelfile", "MF001", "info", 1),
        ("a/Modelfile", "MF101", "hint", 1),
    ]


def test_zero_width_and_multi_line_spans() -> None:
    text = 'FROM\nSYSTEM """é\n😀"""\n'
    zero = make_finding(Span(4, 4), "missing value")
    multi = make_finding(Span(text.index('"""'), len(text) - 1), "unterminated")
    items = json.loads(render("json", [make_result("M", text, zero, multi)], RULES))
    assert [(i["line"], i["column"], i["end_line"], i["end_column"]) for i in items] == [
        (1, 5, 1, 5),
        (2, 8, 3, 5),
    ]


def test_non_ascii_is_kept_readable() -> None:
    text = "FROM x\n"
    out = render(
        "json", [make_result("é.Modelfile", text, make_finding(Span(0, 4), "naïve 😀"))], {}
    )
    assert '"naïve 😀"' in out
    assert '"é.Modelfile"' in out


def test_the_text_is_exactly_what_json_dumps_writes() -> None:
    """The format is written by hand for speed; the standard library is the reference."""
    text = 'FROM x\nPARAMETER "a\\" 1\nSYSTEM é\u2028😀\t\x01\n'
    messages = ['quote " and \\ backslash', "tab\tnew\nline \x00 \u2028 é 😀", ""]
    results = [
        make_result(
            path,
            text,
            *(make_finding(Span(7 * i, 7 * i + 3), m) for i, m in enumerate(messages)),
        )
        for path in ('dir/Model"file', "é/Modelfile")
    ]
    expected = [
        {key: item[key] for key in KEYS}
        for item in (
            {
                "file": result.path,
                "code": f.code,
                "severity": f.severity.label,
                "message": f.message,
                **dict(zip(KEYS[4:], _region(result, f), strict=True)),
            }
            for result in results
            for f in result.findings
        )
    ]
    assert (
        render("json", results, RULES) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    )


def _region(result: FileResult, finding: Finding) -> tuple[int, int, int, int]:
    where = region(result.lines, finding.span)
    return where.line, where.column, where.end_line, where.end_column
