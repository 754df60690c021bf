"""The `parse --format json` structure: every instruction, comment and problem with positions."""

from __future__ import annotations

from typing import Any

from modelfile_ls.syntax.model import ParsedModelfile, Span
from modelfile_ls.syntax.ollama_view import ollama_verdict


def structure(parsed: ParsedModelfile) -> dict[str, Any]:
    """A JSON-ready description of the parse (1-based lines and code-point columns)."""

    def where(span: Span | None) -> dict[str, int] | None:
        if span is None:
            return None
        start = parsed.lines.position(span.start, "utf-32")
        end = parsed.lines.position(span.end, "utf-32")
        return {
            "line": start.line + 1,
            "column": start.character + 1,
            "end_line": end.line + 1,
            "end_column": end.character + 1,
            "offset": span.start,
            "end_offset": span.end,
        }

    instructions = []
    for item in parsed.instructions:
        value = item.value
        instructions.append(
            {
                "keyword": item.keyword or None,
                "keyword_text": item.keyword_text,
                "command": item.command_name if item.keyword else None,
                "range": where(item.span),
                "keyword_range": where(item.keyword_span),
                "name": item.name,
                "name_range": where(item.name_span),
                "role": item.role,
                "role_range": where(item.role_span),
                "value": None
                if value is None
                else {
                    "text": value.text,
                    "quoting": value.quoting.value,
                    "range": where(value.span),
                    "content_range": where(value.content_span),
                },
                "has_error": item.has_error,
            }
        )
    return {
        "encoding": parsed.encoding,
        "instructions": instructions,
        "comments": [{"text": c.text, "range": where(c.span)} for c in parsed.comments],
        "problems": [
            {"kind": p.kind.value, "ollama_error": p.ollama_error, "range": where(p.span)}
            for p in parsed.problems
        ],
        "ollama": ollama_verdict(parsed),
    }
