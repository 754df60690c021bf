"""The `sarif` format: valid SARIF 2.1.0 with rules, results, related locations and fixes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls import __version__
from modelfile_ls.analysis.finding import Fix, Related, Severity, TextEdit
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.report import render
from modelfile_ls.report.model import FileResult
from modelfile_ls.report.sarif import artifact_uri
from modelfile_ls.syntax.model import Span

from .builders import make_finding, make_result, make_rule, span_of
from .reference_sarif import reference_sarif
from .test_text_shapes import results

SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
RULES = {
    "MF101": make_rule(),
    "MF002": make_rule(
        "MF002",
        "missing-value",
        Severity.WARNING,
        "MF002 missing-value: value missing.\n\nDetails.",
    ),
    "MF301": make_rule("MF301", "template-hint", Severity.INFO, "  Indented doc.\n    More.\n"),
    "MF401": make_rule("MF401", "hint-rule", Severity.HINT, "A hint."),
}


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def sarif(results: list[FileResult], rules: Any = RULES) -> dict[str, Any]:
    """Render, validate against the official schema and parse."""
    log: dict[str, Any] = json.loads(render("sarif", results, rules))
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return log


def _sample() -> list[FileResult]:
    text = 'FROM x\nPARAMETER temperatur 0.5\nSYSTEM "é😀 bad"\nFROM\nTEMPLATE """a\nb"""\n'
    span = span_of(text, "temperatur")
    from_end = text.index("FROM\n") + 4
    return [
        make_result(
            "models/Modelfile",
            text,
            make_finding(
                span,
                'unknown parameter "temperatur"',
                fixes=(
                    Fix("Replace", (TextEdit(span, "temperature"),)),
                    Fix("Insert and delete", (TextEdit(Span(0, 0), "# x\n"), TextEdit(span, ""))),
                ),
                related=(Related(Span(0, 4), "first"), Related(Span(0, 4), "first")),
            ),
            make_finding(span_of(text, "bad"), "é", code="MF301", severity=Severity.INFO),
            make_finding(Span(from_end, from_end), "missing", code="MF002", severity=Severity.HINT),
            make_finding(
                Span(text.index('"""'), len(text) - 1),
                "multi",
                code="MF002",
                severity=Severity.WARNING,
            ),
            make_finding(Span(0, 0), "rule crashed", code="MF901"),
        ),
        make_result("clean/Modelfile", "FROM x\n"),
    ]


def test_sample_log_is_valid_against_the_official_schema() -> None:
    log = sarif(_sample())
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_empty_log_is_valid_and_still_lists_the_rules() -> None:
    log = sarif([make_result("Modelfile", "FROM x\n")])
    run = log["runs"][0]
    assert run["results"] == []
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(RULES)
    assert sarif([], {})["runs"][0]["tool"]["driver"]["rules"] == []


def test_driver_and_rule_descriptors() -> None:
    run = sarif([])["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "modelfile-ls"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    first, warning, info, hint = driver["rules"]
    assert first == {
        "id": "MF101",
        "name": "unknown-parameter",
        "shortDescription": {"text": "Summary line."},
        "fullDescription": {"text": "Summary line.\n\nMore text."},
        "help": {"text": "Summary line.\n\nMore text.", "markdown": "Summary line.\n\nMore text."},
        "defaultConfiguration": {"level": "error"},
    }
    assert warning["defaultConfiguration"] == {"level": "warning"}
    assert warning["shortDescription"] == {"text": "Value missing."}
    assert warning["fullDescription"] == {"text": "Value missing.\n\nDetails."}
    assert info["defaultConfiguration"] == {"level": "note"}
    assert hint["defaultConfiguration"] == {"level": "note"}
    assert info["shortDescription"] == {"text": "Indented doc."}
    assert info["fullDescription"] == {"text": "Indented doc.\nMore."}


def test_results_carry_rule_index_level_message_and_region() -> None:
    results = sarif(_sample())["runs"][0]["results"]
    assert [(r["ruleId"], r.get("ruleIndex"), r["level"]) for r in results] == [
        ("MF101", 0, "error"),
        ("MF301", 2, "note"),
        ("MF002", 1, "note"),
        ("MF002", 1, "warning"),
        ("MF901", None, "error"),
    ]
    assert results[0]["message"] == {"text": 'unknown parameter "temperatur"'}
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [
        {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 21},
        {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 15},
        {"startLine": 4, "startColumn": 5, "endLine": 4, "endColumn": 5},
        {"startLine": 5, "startColumn": 10, "endLine": 6, "endColumn": 5},
        {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
    ]
    artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "models/Modelfile", "uriBaseId": "%SRCROOT%"}


def test_related_locations_have_ids_and_messages() -> None:
    result = sarif(_sample())["runs"][0]["results"][0]
    region = {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 5}
    artifact = {"uri": "models/Modelfile", "uriBaseId": "%SRCROOT%"}
    assert result["relatedLocations"] == [
        {
            "id": n,
            "physicalLocation": {"artifactLocation": artifact, "region": region},
            "message": {"text": "first"},
        }
        for n in range(2)
    ]
    assert "relatedLocations" not in sarif(_sample())["runs"][0]["results"][1]


def test_fixes_become_artifact_changes_with_replacements() -> None:
    results = sarif(_sample())["runs"][0]["results"]
    replace, insert_and_delete = results[0]["fixes"]
    assert replace == {
        "description": {"text": "Replace"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": "models/Modelfile", "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": 2,
                            "startColumn": 11,
                            "endLine": 2,
                            "endColumn": 21,
                        },
                        "insertedContent": {"text": "temperature"},
                    }
                ],
            }
        ],
    }
    insertion, deletion = insert_and_delete["artifactChanges"][0]["replacements"]
    assert insertion == {
        "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
        "insertedContent": {"text": "# x\n"},
    }
    assert deletion["insertedContent"] == {"text": ""}
    assert all("fixes" not in result for result in results[1:])


def test_a_fix_without_edits_is_left_out() -> None:
    text = "FROM x\n"
    finding = make_finding(Span(0, 4), "m", fixes=(Fix("nothing to do", ()),))
    result = sarif([make_result("M", text, finding)])["runs"][0]["results"][0]
    assert "fixes" not in result


def test_results_follow_file_and_finding_order() -> None:
    text = "FROM x\n"
    files = [
        make_result("b", text, make_finding(Span(5, 6), "1"), make_finding(Span(0, 4), "2")),
        make_result("a", text, make_finding(Span(0, 4), "3")),
    ]
    results = sarif(files)["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == ["1", "2", "3"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["b", "b", "a"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Modelfile", {"uri": "Modelfile", "uriBaseId": "%SRCROOT%"}),
        ("./models/Modelfile", {"uri": "models/Modelfile", "uriBaseId": "%SRCROOT%"}),
        ("models\\llama\\Modelfile", {"uri": "models/llama/Modelfile", "uriBaseId": "%SRCROOT%"}),
        ("my models/Model#file", {"uri": "my%20models/Model%23file", "uriBaseId": "%SRCROOT%"}),
        ("../up/Modelfile", {"uri": "../up/Modelfile", "uriBaseId": "%SRCROOT%"}),
        ("/home/me/my models/Modelfile", {"uri": "file:///home/me/my%20models/Modelfile"}),
        ("C:\\work\\Modelfile", {"uri": "file:///C:/work/Modelfile"}),
    ],
)
def test_artifact_locations(path: str, expected: dict[str, str]) -> None:
    assert artifact_uri(path) == expected
    text = "FROM x\n"
    log = sarif([make_result(path, text, make_finding(Span(0, 4), "m"))])
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == expected


def test_non_ascii_text_is_kept() -> None:
    text = "FROM x\n"
    out = render("sarif", [make_result("é", text, make_finding(Span(0, 4), "naïve 😀"))], RULES)
    assert '"naïve 😀"' in out
    assert out.endswith("}\n")


def test_the_schema_rejects_a_broken_log() -> None:
    log = sarif(_sample())
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(_validator().iter_errors(log))) == 2


def test_every_real_rule_makes_a_valid_descriptor() -> None:
    rules = {rule.code: rule for rule in ALL_RULES}
    text = "FROM x\n"
    findings = [make_finding(Span(0, 4), rule.code, code=rule.code) for rule in ALL_RULES]
    log = sarif([make_result("Modelfile", text, *findings)], rules)
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(rules)
    assert [result["ruleIndex"] for result in run["results"]] == list(range(len(rules)))


def test_ollama_message_is_a_result_property() -> None:
    from modelfile_ls.analysis.finding import Finding

    text = "FROM x\nPARAMETER temperatur 0.5\n"
    finding = Finding(
        "MF101", Severity.ERROR, "unknown parameter", span_of(text, "temperatur"),
        ollama_message="unknown parameter 'temperatur'",
    )  # fmt: skip
    log = json.loads(render("sarif", [make_result("Modelfile", text, finding)], {}))
    result = log["runs"][0]["results"][0]
    assert result["properties"] == {"ollamaMessage": "unknown parameter 'temperatur'"}


@settings(max_examples=300, deadline=None)
@given(st.lists(results(), max_size=3))
def test_the_log_is_the_plain_dump_on_any_text_and_findings(files: list[FileResult]) -> None:
    """The per-shape templates write what dumping the whole log at once writes, byte for
    byte: findings sharing messages, notes and fixes or not, quotes, percent signs and
    braces in any text."""
    assert render("sarif", files, RULES) == reference_sarif(files, RULES)


def test_texts_that_look_like_json_or_formats_stay_text() -> None:
    text = 'FROM x\nPARAMETER stop "startLine": %d {0}\n'
    tricky = '"startLine": 7000000000, %s %% {}'
    finding = make_finding(
        Span(7, 16),
        tricky,
        fixes=(Fix(tricky, (TextEdit(Span(7, 16), tricky), TextEdit(Span(0, 0), "%"))),),
        related=(Related(Span(0, 4), tricky),),
    )
    files = [make_result("a%d/Model file", text, finding, finding)]
    assert render("sarif", files, RULES) == reference_sarif(files, RULES)
    result = sarif(files)["runs"][0]["results"][1]
    assert result["message"]["text"] == tricky
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1
