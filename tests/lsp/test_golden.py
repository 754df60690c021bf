"""The server and `modelfile-ls --check` agree: for every golden case, the diagnostics of the
opened file equal the findings `--check --format json` prints for it (code, range, severity,
message), with the same registry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.positions import LineIndex
from modelfile_ls.syntax.positions import Position as TextPosition
from tests.lsp.conftest import Session, Shared

pytestmark = pytest.mark.asyncio(loop_scope="module")
CASES = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.Modelfile"))
SEVERITIES = {"error": 1, "warning": 2, "info": 3, "hint": 4}


def check_json(paths: list[Path], registry: Path, cwd: Path) -> list[dict[str, object]]:
    """What `--check --format json` reports for the files (no config file in `cwd`)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "modelfile_ls",
            "--check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--registry",
            str(registry),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def expected_range(session: Session, text: str, finding: dict[str, object]) -> types.Range:
    """The JSON report's 1-based code-point region in the session's encoding."""
    lines = LineIndex(text)

    def convert(line: object, column: object) -> types.Position:
        assert isinstance(line, int) and isinstance(column, int)
        offset = lines.offset(TextPosition(line - 1, column - 1), "utf-32")
        return session.position(text, offset)

    return types.Range(
        convert(finding["line"], finding["column"]),
        convert(finding["end_line"], finding["end_column"]),
    )


async def test_diagnostics_equal_check_findings(shared: Shared, tmp_path: Path) -> None:
    assert CASES, "no golden cases found"
    session = await shared()
    reported = check_json(CASES, session.registry_path, tmp_path)
    for path in CASES:
        text = parse_bytes(path.read_bytes()).text
        diagnostics = await session.diagnostics(session.open(text, path.as_uri()))
        expected = [
            (
                f["code"],
                expected_range(session, text, f),
                SEVERITIES[str(f["severity"])],
                f["message"],
            )
            for f in reported
            if f["file"] == str(path)
        ]
        actual = [(d.code, d.range, d.severity, d.message) for d in diagnostics]
        assert actual == expected, path.name
        session.close(path.as_uri())
    assert any(f["code"] == "MF302" for f in reported)  # the cases do have findings to compare
