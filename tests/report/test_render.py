"""The dispatcher, and that the report path stays free of the language-server stack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from modelfile_ls.report import FORMATS, github, json_report, render, render_pieces, sarif, text
from modelfile_ls.report.github import escape_data, escape_property, render_github
from modelfile_ls.report.json_report import render_json
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.sarif import render_sarif
from modelfile_ls.report.text import render_text
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of
from .reference_sarif import reference_sarif
from .reference_text import reference_text

ROOT = Path(__file__).resolve().parents[2]


def reference_github(results: list[FileResult]) -> str:
    """The github report written the plain way, one finding at a time."""
    commands = []
    for result in results:
        for finding in result.findings:
            line, column, end_line, end_column = result.lines.regions([finding.span])[0]
            command = {4: "error", 3: "warning"}.get(finding.severity, "notice")
            commands.append(
                f"::{command} file={escape_property(result.path)},line={line},col={column},"
                f"endLine={end_line},endColumn={end_column},title={escape_property(finding.code)}"
                f"::{escape_data(finding.message)}\n"
            )
    return "".join(commands)


def test_formats() -> None:
    assert FORMATS == ("text", "json", "github", "sarif")


def test_dispatch_matches_each_format() -> None:
    rules = {"MF101": make_rule()}
    results = [make_result("M", "FROM x\n", make_finding(Span(0, 4), "m"))]
    assert render("text", results, rules) == render_text(results)
    assert render("text", results, rules, color=True) == render_text(results, color=True)
    assert render("json", results, rules) == render_json(results)
    assert render("github", results, rules) == render_github(results)
    assert render("sarif", results, rules) == render_sarif(results, rules)


def test_color_only_changes_text() -> None:
    rules = {"MF101": make_rule()}
    results = [make_result("M", "FROM x\n", make_finding(Span(0, 4), "m"))]
    for fmt in ("json", "github", "sarif"):
        assert render(fmt, results, rules, color=True) == render(fmt, results, rules)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", [], {})


def test_importing_the_reports_does_not_load_pygls_or_lsprotocol() -> None:
    code = (
        "import sys, modelfile_ls.report; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("count", [0, 1, 2, 3, 5])
def test_a_report_in_pieces_is_the_report(
    fmt: str, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces of two blocks, objects or results each, over two files (one with no findings),
    join to the report that json.dumps and the line-by-line references give: separators,
    brackets and the summary fall where they belong whatever the number of pieces."""
    monkeypatch.setattr(text, "PIECE_BLOCKS", 2)
    monkeypatch.setattr(json_report, "PIECE_OBJECTS", 2)
    monkeypatch.setattr(sarif, "PIECE_RESULTS", 2)
    monkeypatch.setattr(github, "PIECE_COMMANDS", 2)
    source = "".join(f"PARAMETER p{n} 1\n" for n in range(count))
    findings = [make_finding(span_of(source, f"p{n} "), f"m{n}") for n in range(count)]
    results = [make_result("A", source, *findings), make_result("B", "FROM x\n")]
    pieces = list(render_pieces(fmt, results, {"MF101": make_rule()}))
    # Every format but github ends in a piece of its own (the summary, the closing bracket).
    assert len(pieces) == (count + 1) // 2 + (fmt != "github")
    whole = "".join(pieces)
    if fmt == "json":
        assert whole == json.dumps(json.loads(whole), indent=2, ensure_ascii=False) + "\n"
        assert [item["message"] for item in json.loads(whole)] == [f"m{n}" for n in range(count)]
    elif fmt == "sarif":
        assert whole == reference_sarif(results, {"MF101": make_rule()})
    elif fmt == "github":
        assert whole == reference_github(results)
    else:
        assert whole == reference_text(results)
