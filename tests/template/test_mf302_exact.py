"""MF302 fires exactly when Ollama's `template.Parse` fails, once, at Go's first error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.lexer import visible_text
from tests.analysis.helpers import findings, located
from tests.template.verdicts import parse_verdicts

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
EMBEDDABLE = [
    case
    for case in parse_verdicts()
    # A Modelfile can carry the template verbatim: no closing quotes, no characters Ollama's
    # parser drops (those cases are below), and not blank.
    if '"""' not in case["template"]
    and visible_text(case["template"]) == case["template"]
    and case["template"].strip()
]


def _modelfile(template: str) -> str:
    return f'FROM llama3.2\nTEMPLATE """{template}"""\n'


@pytest.mark.parametrize("case", EMBEDDABLE, ids=[case["name"] for case in EMBEDDABLE])
def test_mf302_matches_go_on_every_recorded_template(case: dict[str, Any]) -> None:
    text = _modelfile(case["template"])
    (template,) = [i for i in parse(text).instructions if i.keyword == "TEMPLATE"]
    assert template.value is not None and template.value.text == case["template"]
    found = findings(text, "MF302")
    if case["ok"]:
        assert found == []
    else:
        (finding,) = found
        assert finding.message == case["error"]
        assert finding.ollama_message == f"template error: {case['error']}"


def test_invisible_character_dropped_by_the_modelfile_parser_is_no_error() -> None:
    # Ollama's parser drops U+FEFF from values before the server parses the template.
    assert findings(_modelfile("{{ .Sys\ufefftem }}"), "MF302") == []
    assert findings(_modelfile("{{ .\u200bPrompt }}\u00a0"), "MF302") == []


def test_error_after_dropped_characters_is_located_in_the_document() -> None:
    text = _modelfile("\ufeff\u200b{{ .Prompt }}{{ nope }}")
    (finding,) = findings(text, "MF302")
    assert located(text, finding) == "nope"


def test_many_stray_words_are_one_finding_at_the_first() -> None:
    text = _modelfile("You are {{ helpful }}, {{ kind }} and {{ brief }}.")
    (finding,) = findings(text, "MF302")
    assert finding.message == 'template: :1: function "helpful" not defined'
    assert located(text, finding) == "helpful"


def test_error_is_on_the_line_go_names() -> None:
    text = _modelfile("line1\nline2\n{{ .Prompt }}\n{{ bogus }}")
    (finding,) = findings(text, "MF302")
    assert finding.message == 'template: :4: function "bogus" not defined'
    assert text.count("\n", 0, finding.span.start) == 1 + 3


def test_unclosed_block_points_at_its_opening_action() -> None:
    text = _modelfile("a\n{{ range .Messages }}\n{{ .Content }}")
    (finding,) = findings(text, "MF302")
    assert finding.message == "template: :3: unexpected EOF"
    assert located(text, finding) == "{{ range .Messages }}"


def test_undeclared_variable_points_at_the_variable() -> None:
    text = _modelfile("{{ range $i, $last := .Messages }}{{ end }}{{ if $last }}x{{ end }}")
    (finding,) = findings(text, "MF302")
    assert finding.message == 'template: :1: undefined variable "$last"'
    assert located(text, finding) == "$last"


def _corpus_cases() -> list[tuple[Path, dict[str, Any]]]:
    verdicts = {case["name"]: case for case in parse_verdicts()}
    cases = []
    for path in sorted((CORPUS / "modelfiles").glob("*.Modelfile")):
        verdict = verdicts.get(f"corpus {path.name.split('.')[0]}")
        if verdict is not None:
            cases.append((path, verdict))
    return cases


@pytest.mark.parametrize(("path", "verdict"), _corpus_cases(), ids=lambda v: getattr(v, "name", ""))
def test_mf302_on_corpus_equals_go(path: Path, verdict: dict[str, Any]) -> None:
    parsed = parse_bytes(path.read_bytes())
    last = [i for i in parsed.instructions if i.effective_keyword == "TEMPLATE"][-1]
    assert last.value is not None and last.value.text == verdict["template"]
    found = [
        f
        for f in findings(parsed.text, "MF302")
        if last.span.start <= f.span.start <= last.span.end
    ]
    assert [f.message for f in found] == ([] if verdict["ok"] else [verdict["error"]])


@pytest.mark.parametrize(
    ("template", "fires"),
    [
        ("### Instruction:\n{{ .Prompt }}\n### Response:\n", True),
        ("{{ .Prompt }}{{ .response }}", False),
        ("{{ range .Messages }}{{ .Content }}{{ end }}", False),
        ("{{ .Prompt }}{{ if $.Response }}{{ end }}", False),
        ("{{ .Prompt }}{{ bogus }}", False),
    ],
)
def test_mf401_follows_ollamas_identifiers(template: str, fires: bool) -> None:
    assert bool(findings(_modelfile(template), "MF401")) == fires
