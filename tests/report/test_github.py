"""The `github` format: workflow commands escaped as the Actions toolkit escapes them."""

from __future__ import annotations

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.report import render
from modelfile_ls.report.github import escape_data, escape_property
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of

RULES = {"MF101": make_rule()}


def test_one_command_per_finding_with_a_1_based_exclusive_range() -> None:
    text = "FROM x\nPARAMETER temperatur 0.5\n"
    result = make_result("Modelfile", text, make_finding(span_of(text, "temperatur")))
    assert render("github", [result], RULES) == (
        "::error file=Modelfile,line=2,col=11,endLine=2,endColumn=21,title=MF101"
        "::unknown parameter\n"
    )


def test_severities_map_to_error_warning_and_notice() -> None:
    text = "FROM x\n"
    findings = [
        make_finding(Span(0, 4), "e", code="MF001", severity=Severity.ERROR),
        make_finding(Span(0, 4), "w", code="MF002", severity=Severity.WARNING),
        make_finding(Span(0, 4), "i", code="MF003", severity=Severity.INFO),
        make_finding(Span(0, 4), "h", code="MF004", severity=Severity.HINT),
    ]
    lines = render("github", [make_result("M", text, *findings)], RULES).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error",
        "::warning",
        "::notice",
        "::notice",
    ]


def test_message_escapes_percent_and_line_breaks_but_not_colons_or_commas() -> None:
    text = "FROM x\n"
    message = "100% sure: a, b\r\nnext line"
    out = render("github", [make_result("M", text, make_finding(Span(0, 4), message))], RULES)
    assert out.endswith("::100%25 sure: a, b%0D%0Anext line\n")


def test_property_values_also_escape_colons_and_commas() -> None:
    text = "FROM x\n"
    result = make_result("C:\\dir, 50%\nx", text, make_finding(Span(0, 4), "m", code="MF:1,2"))
    assert render("github", [result], RULES) == (
        "::error file=C%3A\\dir%2C 50%25%0Ax,line=1,col=1,endLine=1,endColumn=5,"
        "title=MF%3A1%2C2::m\n"
    )


def test_escape_functions_match_the_toolkit() -> None:
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    # `%` first, so the escapes themselves are never escaped twice.
    assert escape_data("%0A") == "%250A"


def test_columns_count_code_points_before_the_span() -> None:
    text = 'SYSTEM "é😀 bad"\n'
    result = make_result("M", text, make_finding(span_of(text, "bad"), "é😀"))
    assert render("github", [result], RULES) == (
        "::error file=M,line=1,col=12,endLine=1,endColumn=15,title=MF101::é😀\n"
    )


def test_zero_width_and_multi_line_spans() -> None:
    text = 'FROM\nSYSTEM """a\nb"""\n'
    zero = make_finding(Span(4, 4), "z")
    multi = make_finding(Span(text.index('"""'), len(text) - 1), "m", severity=Severity.WARNING)
    assert render("github", [make_result("M", text, zero, multi)], RULES) == (
        "::error file=M,line=1,col=5,endLine=1,endColumn=5,title=MF101::z\n"
        "::warning file=M,line=2,col=8,endLine=3,endColumn=5,title=MF101::m\n"
    )


def test_no_findings_prints_nothing() -> None:
    assert render("github", [make_result("M", "FROM x\n")], RULES) == ""
