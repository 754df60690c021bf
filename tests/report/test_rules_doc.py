"""`modelfile-ls rules` in text, Markdown and JSON, and `--explain CODE`."""

from __future__ import annotations

import json

import pytest

from modelfile_ls.analysis.finding import Severity
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.report.rules_doc import (
    TABLE_FORMATS,
    render_explanation,
    render_rules_table,
)

from .builders import make_rule

RULES = {
    "MF101": make_rule(),
    "MF002": make_rule("MF002", "missing-value", Severity.WARNING, "Value | missing.\n\nMore."),
}


def test_text_table_aligns_columns() -> None:
    assert render_rules_table(RULES, "text") == (
        "CODE   NAME               SEVERITY  SUMMARY\n"
        "MF101  unknown-parameter  error     Summary line.\n"
        "MF002  missing-value      warning   Value | missing.\n"
    )


def test_text_table_wraps_long_summaries_within_100_columns() -> None:
    long = make_rule("MF300", "long", Severity.HINT, " ".join(["word"] * 60))
    out = render_rules_table([long], "text")
    lines = out.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert len(lines) > 2
    indent = lines[0].index("SUMMARY")
    assert lines[1].index("word") == indent
    assert all(line[:indent].isspace() and line[indent] == "w" for line in lines[2:])
    assert " ".join(line.strip() for line in lines[1:]).endswith(" ".join(["word"] * 60))


def test_markdown_table_escapes_pipes() -> None:
    assert render_rules_table(RULES, "markdown") == (
        "| Code | Name | Severity | Summary |\n"
        "| --- | --- | --- | --- |\n"
        '| <a id="mf101"></a>MF101 | `unknown-parameter` | error | Summary line. |\n'
        '| <a id="mf002"></a>MF002 | `missing-value` | warning | Value \\| missing. |\n'
    )


def test_json_listing() -> None:
    assert json.loads(render_rules_table(RULES, "json")) == [
        {
            "code": "MF101",
            "name": "unknown-parameter",
            "severity": "error",
            "summary": "Summary line.",
            "doc": "Summary line.\n\nMore text.",
        },
        {
            "code": "MF002",
            "name": "missing-value",
            "severity": "warning",
            "summary": "Value | missing.",
            "doc": "Value | missing.\n\nMore.",
        },
    ]


def test_accepts_a_sequence_of_rules_and_defaults_to_text() -> None:
    assert render_rules_table(list(RULES.values())) == render_rules_table(RULES, "text")
    assert TABLE_FORMATS == ("text", "markdown", "json")


def test_unknown_table_format() -> None:
    with pytest.raises(ValueError, match="unknown rules format 'html'"):
        render_rules_table(RULES, "html")


def test_explanation() -> None:
    rule = make_rule(doc="Summary line.\n\nExample:\n\n    PARAMETER x 1\n")
    assert render_explanation(rule) == (
        "MF101 unknown-parameter (error)\n\nSummary line.\n\nExample:\n\n    PARAMETER x 1\n"
    )


DOCSTRING = """MF002 missing-value: an instruction ends before its value is given.

Why: Ollama needs a space after the keyword.

Example: `PARAMETER stop`
"""


def test_the_code_and_name_that_start_a_docstring_are_not_repeated() -> None:
    rule = make_rule("MF002", "missing-value", Severity.ERROR, DOCSTRING)
    assert rule.summary == "An instruction ends before its value is given."
    assert render_explanation(rule) == (
        "MF002 missing-value (error)\n"
        "\n"
        "An instruction ends before its value is given.\n"
        "\n"
        "Why: Ollama needs a space after the keyword.\n"
        "\n"
        "Example: `PARAMETER stop`\n"
    )
    assert render_rules_table([rule]).splitlines()[1] == (
        "MF002  missing-value  error     An instruction ends before its value is given."
    )


def test_doc_helpers() -> None:
    assert make_rule(doc="MF101: `x` is wrong.\nMore.").description == "`x` is wrong.\nMore."
    assert make_rule(doc="MF1010 other: stays.").description == "MF1010 other: stays."
    assert make_rule(doc="").summary == ""


def test_every_real_rule_fits_the_text_table() -> None:
    out = render_rules_table(ALL_RULES, "text")
    lines = out.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert [line[:5] for line in lines if line[:2] == "MF"] == [rule.code for rule in ALL_RULES]
    for rule in ALL_RULES:
        assert not rule.summary.startswith(rule.code)
