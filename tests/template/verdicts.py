"""Go's verdicts on templates, recorded by tests/template/gen (tests never run Go)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

VERDICTS = Path(__file__).parent / "gen" / "verdicts.json"


@cache
def verdicts() -> dict[str, Any]:
    """The whole recorded table: `go` (the Go version), `parse` and `render` lists."""
    data: dict[str, Any] = json.loads(VERDICTS.read_text(encoding="utf-8"))
    return data


def parse_verdicts() -> list[dict[str, Any]]:
    """One entry per template: name, template, ok, error (Go's text), vars."""
    return list(verdicts()["parse"])


def render_verdicts() -> list[dict[str, Any]]:
    """One entry per rendering: name, template, messages, tools, think, prompt or error."""
    return list(verdicts()["render"])
