"""Whole-file golden results: each `cases/*.Modelfile` has `*.expected.txt` with every finding.

Run `pytest tests/golden --update-golden` to rewrite the expectations after an intended change,
then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from modelfile_ls.analysis import analyze
from modelfile_ls.syntax import parse_bytes

CASES = sorted((Path(__file__).parent / "cases").glob("*.Modelfile"))


def render(path: Path) -> str:
    """Findings as stable text: position, code, severity, message, Ollama's words and fixes."""
    parsed = parse_bytes(path.read_bytes())
    lines = []
    for finding in analyze(parsed, base_dir=path.parent):
        start = parsed.lines.position(finding.span.start, "utf-32")
        end = parsed.lines.position(finding.span.end, "utf-32")
        lines.append(
            f"{start.line + 1}:{start.character + 1}-{end.line + 1}:{end.character + 1}"
            f" {finding.code} {finding.severity.label}: {finding.message}"
        )
        if finding.ollama_message:
            lines.append(f"    ollama: {finding.ollama_message}")
        lines.extend(f"    fix: {fix.title}" for fix in finding.fixes)
    verdict = parsed.ollama_error
    lines.append(f"ollama parse: {'ok' if verdict is None else verdict}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden(path: Path, request: pytest.FixtureRequest) -> None:
    expected = path.with_suffix(".expected.txt")
    actual = render(path)
    if request.config.getoption("--update-golden"):
        expected.write_text(actual, encoding="utf-8")
    assert expected.read_text(encoding="utf-8") == actual
