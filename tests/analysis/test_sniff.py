"""Our port of Go's `http.DetectContentType` gives Go's answer on every recorded case."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls.analysis.model_files import model_files
from modelfile_ls.analysis.sniff import detect_content_type

TABLE = json.loads((Path(__file__).parent / "gen" / "sniff_verdicts.json").read_text())
CASES: list[dict[str, Any]] = TABLE["cases"]


def test_the_table_was_made_by_the_go_ollama_builds_with() -> None:
    assert TABLE["go"].startswith("go1.26")
    assert len({case["type"] for case in CASES}) >= 30  # every signature answered


@pytest.mark.parametrize("case", CASES, ids=[case["data"][:40] for case in CASES])
def test_content_type_equals_go(case: dict[str, Any]) -> None:
    assert detect_content_type(base64.b64decode(case["data"])) == case["type"]


def test_the_file_selection_compares_the_type_before_its_parameters(tmp_path: Path) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    utf16 = tmp_path / "config.json"
    utf16.write_bytes('{"a": 1}'.encode("utf-16"))  # a byte order mark, then NUL bytes
    assert model_files(str(tmp_path)).others == [str(utf16)]  # text/plain; charset=utf-16le is text
    html = tmp_path / "chat_template.jinja"
    html.write_text("<!-- a template -->{{ messages }}")
    assert model_files(str(tmp_path)).refusal.detected == "text/html"
