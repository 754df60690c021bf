"""The `text` format: exact output, caret placement, summary lines and optional color."""

from __future__ import annotations

import re

from modelfile_ls.analysis.finding import Fix, Related, Severity, TextEdit
from modelfile_ls.report import render
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of

RULES = {"MF101": make_rule()}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_finding_with_source_caret_fix_and_note() -> None:
    text = "FROM llama3.2\nPARAMETER temperatur 0.5\n"
    span = span_of(text, "temperatur")
    finding = make_finding(
        span,
        'unknown parameter "temperatur"',
        fixes=(Fix('Replace with "temperature"', (TextEdit(span, "temperature"),)),),
        related=(Related(Span(0, 4), "model chosen here"),),
    )
    assert render("text", [make_result("Modelfile", text, finding)], RULES) == (
        'Modelfile:2:11: MF101 [error] unknown parameter "temperatur"\n'
        "  2 | PARAMETER temperatur 0.5\n"
        "    |           ^~~~~~~~~~\n"
        '  fix: Replace with "temperature"\n'
        "  note: Modelfile:1:1: model chosen here\n"
        "\n"
        "Found 1 error in 1 file (1 file checked).\n"
    )


def test_non_ascii_before_the_span_counts_code_points_and_aligns_by_cells() -> None:
    text = 'FROM x\nSYSTEM "é😀 bad"\n'
    finding = make_finding(span_of(text, "bad"), "bad word", severity=Severity.WARNING)
    # Column 12 counts é and 😀 as one code point each; the caret moves 12 cells because the
    # emoji is two cells wide in a terminal.
    assert render("text", [make_result("M", text, finding)], RULES) == (
        "M:2:12: MF101 [warning] bad word\n"
        '  2 | SYSTEM "é😀 bad"\n'
        "    |             ^~~\n"
        "\n"
        "Found 1 warning in 1 file (1 file checked).\n"
    )


def test_tabs_expand_so_the_caret_lines_up() -> None:
    text = "PARAMETER\ttop_k\t\t40\n"
    finding = make_finding(span_of(text, "40"), "too high", severity=Severity.INFO)
    assert render("text", [make_result("M", text, finding)], RULES) == (
        "M:1:18: MF101 [info] too high\n"
        "  1 | PARAMETER   top_k       40\n"
        "    |                         ^~\n"
        "\n"
        "Found 1 info in 1 file (1 file checked).\n"
    )


def test_tab_inside_the_span_widens_the_underline() -> None:
    text = "a\tb\n"
    finding = make_finding(Span(0, 3), "m")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert "  1 | a   b\n    | ^~~~~\n" in out


def test_zero_width_span_gets_one_caret() -> None:
    text = "FROM\n"
    finding = make_finding(Span(4, 4), "missing model name")
    assert render("text", [make_result("M", text, finding)], RULES) == (
        "M:1:5: MF101 [error] missing model name\n"
        "  1 | FROM\n"
        "    |     ^\n"
        "\n"
        "Found 1 error in 1 file (1 file checked).\n"
    )


def test_multi_line_span_underlines_only_its_first_line() -> None:
    text = 'FROM x\nSYSTEM """one\ntwo\n'
    finding = make_finding(Span(text.index('"""'), len(text)), "unterminated")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert out.startswith(
        'M:2:8: MF101 [error] unterminated\n  2 | SYSTEM """one\n    |        ^~~~~~\n\n'
    )


def test_span_starting_at_a_line_end_still_shows_one_caret() -> None:
    text = "FROM x\nFROM y\n"
    finding = make_finding(Span(6, 11), "m")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert "  1 | FROM x\n    |       ^\n" in out


def test_line_numbers_widen_the_gutter() -> None:
    text = "\n" * 11 + "FROM x\n"
    finding = make_finding(span_of(text, "x"), "m")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert "  12 | FROM x\n     |      ^\n" in out


def test_empty_file() -> None:
    finding = make_finding(Span(0, 0), "no FROM line")
    assert render("text", [make_result("M", "", finding)], RULES) == (
        "M:1:1: MF101 [error] no FROM line\n"
        "  1 |\n"
        "    | ^\n"
        "\n"
        "Found 1 error in 1 file (1 file checked).\n"
    )


def test_control_characters_cannot_reach_the_terminal() -> None:
    text = "FROM \x1b[31mx\x7f\n"
    finding = make_finding(span_of(text, "x"), "bad \x1b]0;title\x07 name\r\nx")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert "\x1b" not in out and "\x07" not in out and "\x7f" not in out and "\r" not in out
    assert "M:1:11: MF101 [error] bad ␛]0;title␇ name␍␊x\n" in out
    assert "  1 | FROM ␛[31mx␡\n    |           ^\n" in out


def test_bidi_controls_are_replaced() -> None:
    text = "SYSTEM \u202eevil\n"
    finding = make_finding(span_of(text, "evil"), "m")
    out = render("text", [make_result("M", text, finding)], RULES)
    assert "\u202e" not in out
    assert "  1 | SYSTEM \ufffdevil\n    |         ^~~~\n" in out


def test_findings_across_files_and_a_summary_by_severity() -> None:
    text = "FROM x\n"
    one = make_result(
        "a",
        text,
        make_finding(Span(0, 4), "w1", severity=Severity.WARNING),
        make_finding(Span(0, 4), "e1"),
        make_finding(Span(0, 4), "h1", severity=Severity.HINT),
    )
    two = make_result("b", text, make_finding(Span(5, 6), "e2"))
    clean = [make_result(f"clean{n}", text) for n in range(10)]
    out = render("text", [one, two, *clean], RULES)
    headers = [line for line in out.splitlines() if line[:1] in "ab" and ": MF" in line]
    assert headers == [
        "a:1:1: MF101 [warning] w1",
        "a:1:1: MF101 [error] e1",
        "a:1:1: MF101 [hint] h1",
        "b:1:6: MF101 [error] e2",
    ]
    assert out.endswith("\n\nFound 2 errors, 1 warning, 1 hint in 2 files (12 files checked).\n")


def test_plural_info_and_hints() -> None:
    text = "FROM x\n"
    result = make_result(
        "a",
        text,
        *(make_finding(Span(0, 4), "i", severity=Severity.INFO) for _ in range(2)),
        *(make_finding(Span(0, 4), "h", severity=Severity.HINT) for _ in range(3)),
    )
    out = render("text", [result], RULES)
    assert out.endswith("\nFound 2 info, 3 hints in 1 file (1 file checked).\n")


def test_all_checks_passed() -> None:
    results = [make_result(name, "FROM x\n") for name in ("a", "b", "c")]
    assert render("text", results, RULES) == "All checks passed (3 files).\n"
    assert render("text", results[:1], RULES) == "All checks passed (1 file).\n"
    assert render("text", [], RULES) == "All checks passed (0 files).\n"


def test_no_color_by_default() -> None:
    text = "FROM x\n"
    out = render("text", [make_result("a", text, make_finding(Span(0, 4), "m"))], RULES)
    assert "\x1b" not in out


def test_color_only_adds_escape_sequences() -> None:
    text = "FROM x\nPARAMETER temperatur 0.5\n"
    span = span_of(text, "temperatur")
    finding = make_finding(
        span,
        "m",
        fixes=(Fix("fix it", (TextEdit(span, "temperature"),)),),
        related=(Related(Span(0, 4), "here"),),
    )
    results = [make_result("a", text, finding), make_result("b", text)]
    plain = render("text", results, RULES)
    colored = render("text", results, RULES, color=True)
    assert colored != plain
    assert "\x1b[1;31m^~~~~~~~~~\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain
    passed = render("text", results[1:], RULES, color=True)
    assert passed == "\x1b[1;32mAll checks passed (1 file).\x1b[0m\n"


def test_ollamas_own_words_are_shown() -> None:
    from modelfile_ls.analysis.finding import Finding

    text = "FROM x\nPARAMETER temperatur 0.5\n"
    finding = Finding(
        "MF101", Severity.ERROR, "unknown parameter", span_of(text, "temperatur"),
        ollama_message="unknown parameter 'temperatur'",
    )  # fmt: skip
    out = render("text", [make_result("Modelfile", text, finding)], RULES)
    assert "    |           ^~~~~~~~~~\n  ollama: unknown parameter 'temperatur'\n" in out


def excerpt_and_caret(text: str, span: Span) -> list[str]:
    """The excerpt and caret lines of the one finding at `span`."""
    out = render("text", [make_result("M", text, make_finding(span, "m"))], RULES)
    return out.splitlines()[1:3]


def test_a_long_line_is_shown_as_a_window_around_the_span() -> None:
    words = " ".join(f"w{n:04}" for n in range(2000))
    text = f"SYSTEM {words}\n"
    span = span_of(text, "w1000")
    excerpt, caret = excerpt_and_caret(text, span)
    shown = excerpt.removeprefix("  1 | ")
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) == 1 + 120 + 1  # the window's cells and the two marks
    # The span starts 40 cells in, after the mark, and the caret is under it.
    assert shown[41:46] == "w1000"
    assert caret == "    | " + " " * 41 + "^~~~~"


def test_a_window_at_either_end_of_a_long_line_has_one_mark() -> None:
    text = "SYSTEM " + "x" * 300 + " end\n"
    head, caret = excerpt_and_caret(text, span_of(text, "SYSTEM"))
    assert head == "  1 | " + ("SYSTEM " + "x" * 300)[:120] + "…"
    assert caret == "    | ^~~~~~"
    tail, caret = excerpt_and_caret(text, span_of(text, "end"))
    assert tail == "  1 | …" + text.rstrip("\n")[-120:]
    assert caret == "    | " + " " * (1 + 117) + "^~~"


def test_a_window_keeps_tabs_and_wide_characters_under_the_caret() -> None:
    text = "SYSTEM " + "\t漢" * 100 + " here\n"
    excerpt, caret = excerpt_and_caret(text, span_of(text, "here"))
    shown = excerpt.removeprefix("  1 | ")
    # Tabs keep the widths they have in the whole line (stops every 4 cells from its start).
    assert shown.startswith("…") and "\t" not in shown
    column = sum(2 if c == "漢" else 1 for c in shown[: shown.index("here")])
    assert caret == "    | " + " " * column + "^~~~"


def test_a_span_running_past_the_window_is_underlined_to_its_edge() -> None:
    text = "SYSTEM " + "y" * 50 + "z" * 200 + "\n"
    span = Span(text.index("z"), text.index("\n"))
    excerpt, caret = excerpt_and_caret(text, span)
    assert excerpt.endswith("…")
    assert caret.endswith("^" + "~" * 79)
