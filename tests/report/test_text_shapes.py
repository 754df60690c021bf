"""The `text` format's shared templates (one per message, fixes, notes, gutter and caret
shape) and bulk line layouts print exactly what the plain one-finding-at-a-time report does."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity, TextEdit
from modelfile_ls.report import render, text
from modelfile_ls.report.model import FileResult
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of
from .reference_text import reference_text

RULES = {"MF101": make_rule()}


def both(*results: FileResult) -> list[tuple[str, str]]:
    """The report and the reference, without and with color."""
    return [
        (render("text", list(results), RULES, color=color), reference_text(results, color=color))
        for color in (False, True)
    ]


def test_one_message_on_lines_of_different_number_widths() -> None:
    text = "".join(f"PARAMETER top_k {n}\n" for n in range(12))
    findings = [make_finding(span_of(text, "top_k", n), "again") for n in (0, 8, 9, 10, 11)]
    report = render("text", [make_result("M", text, *findings)], RULES)
    assert "  9 | PARAMETER top_k 8\n    |           ^~~~~\n" in report
    assert "  10 | PARAMETER top_k 9\n     |           ^~~~~\n" in report
    for got, expected in both(make_result("M", text, *findings)):
        assert got == expected


def test_tabs_wide_characters_and_controls_share_a_message() -> None:
    text = "SYSTEM\tx\t\ty\nSYSTEM 漢字 y\nSYSTEM \x07\u200b y\nSYSTEM plain y\n"
    findings = [make_finding(span_of(text, "y", n), "same") for n in range(4)]
    report = render("text", [make_result("M", text, *findings)], RULES)
    assert "  1 | SYSTEM  x       y\n    |                 ^\n" in report
    assert "  2 | SYSTEM 漢字 y\n    |             ^\n" in report
    for got, expected in both(make_result("M", text, *findings)):
        assert got == expected


def test_crlf_lines_a_finding_at_eof_and_multi_line_spans() -> None:
    text = 'FROM x\r\nSYSTEM """a\r\nb"""\r\nPARAMETER top_k 1'
    findings = [
        make_finding(Span(8, 22), "spans lines"),
        make_finding(Span(6, 8), "on the line break"),
        make_finding(Span(len(text), len(text)), "at the end"),
        make_finding(Span(len(text) + 5, len(text) + 9), "past the end"),
    ]
    report = render("text", [make_result("M", text, *findings)], RULES)
    assert 'M:2:1: MF101 [error] spans lines\n  2 | SYSTEM """a\n    | ^~~~~~~~~~~\n' in report
    assert "M:4:18: MF101 [error] at the end\n  4 | PARAMETER top_k 1\n" in report
    for got, expected in both(make_result("M", text, *findings)):
        assert got == expected


def test_findings_alike_but_for_fixes_notes_or_severity_keep_their_own_lines() -> None:
    text = "PARAMETER a 1\nPARAMETER a 2\nPARAMETER a 3\nPARAMETER a 4\n"
    span = span_of(text, "a", 1)
    findings = [
        make_finding(span_of(text, "a"), "dup", fixes=(Fix("Remove", (TextEdit(span, ""),)),)),
        make_finding(span, "dup", fixes=(Fix("Keep", ()), Fix("Remove", ()))),
        make_finding(span_of(text, "a", 2), "dup", related=(Related(Span(0, 1), "first"),)),
        make_finding(span_of(text, "a", 3), "dup", severity=Severity.HINT),
        Finding("MF101", Severity.ERROR, "dup", span_of(text, "a", 3), ollama_message="o"),
    ]
    for got, expected in both(make_result("M", text, *findings)):
        assert got == expected


def test_several_files_and_none() -> None:
    text = "PARAMETER a 1\n"
    first = make_result("A", text, make_finding(span_of(text, "a")))
    for got, expected in both(first, make_result("B", ""), first):
        assert got == expected


PIECES = st.sampled_from(
    [
        *("PARAMETER top_k 1", "a", " ", "\t", "漢", "\u200b", "\x1b", "é", "\n", "\r\n", "\r"),
        # Lines wider than the excerpt, shown as windows.
        *("w" * 70, "漢" * 35, "\t" * 12, "\u200b" * 30),
    ]
)


@st.composite
def results(draw: st.DrawFn) -> FileResult:
    """A text of pieces and findings in order over it, some sharing messages and fixes."""
    text = "".join(draw(st.lists(PIECES, max_size=25)))
    starts = sorted(draw(st.lists(st.integers(-2, len(text) + 2), max_size=12)))
    findings = []
    for start in starts:
        end = start + draw(st.integers(-1, 30))
        fixes = (Fix(draw(st.sampled_from(["fix", "fix%d"])), (TextEdit(Span(0, 0), ""),)),)
        related = (Related(Span(draw(st.integers(0, len(text))), 0), "note"),)
        findings.append(
            make_finding(
                Span(start, end),
                draw(st.sampled_from(["same", "other {0} %s"])),
                severity=draw(st.sampled_from(list(Severity))),
                fixes=fixes[: draw(st.integers(0, 1))],
                related=related[: draw(st.integers(0, 1))],
            )
        )
    return make_result("M", text, *findings)


@settings(max_examples=300, deadline=None)
@given(st.lists(results(), min_size=1, max_size=3))
def test_the_report_is_the_reference_on_any_text_and_findings(files: list[FileResult]) -> None:
    for got, expected in both(*files):
        assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(results(), min_size=1, max_size=3), st.integers(1, 3))
def test_the_report_in_small_pieces_is_the_reference(
    files: list[FileResult], blocks_per_piece: int
) -> None:
    """Pieces of one to three blocks: a line's findings spread over several pieces, its
    layout carried from one piece to the next, print what the reference does."""
    with patch.object(text, "PIECE_BLOCKS", blocks_per_piece):
        for got, expected in both(*files):
            assert got == expected
