"""What Ollama's `parser.ParseFile` returns for a parsed document, as JSON-ready data."""

from __future__ import annotations

from typing import Any

from modelfile_ls.syntax.model import ParsedModelfile


def ollama_verdict(parsed: ParsedModelfile) -> dict[str, Any]:
    """`{"ok": true, "commands": [...]}` or `{"ok": false, "error": ...}` exactly as Ollama."""
    error = parsed.ollama_error
    if error is not None:
        return {"ok": False, "error": error}
    return {
        "ok": True,
        "commands": [{"name": i.command_name, "args": i.args} for i in parsed.instructions],
    }
