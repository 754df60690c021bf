"""The rule listing (`modelfile-ls rules`, the README table) and `--explain CODE`."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping

from modelfile_ls.analysis.rule import Rule

TABLE_FORMATS = ("text", "markdown", "json")
TABLE_WIDTH = 100
_MIN_SUMMARY_WIDTH = 30


def render_rules_table(rules: Mapping[str, Rule] | Iterable[Rule], fmt: str = "text") -> str:
    """The rules in the given order as aligned text, a Markdown table or JSON."""
    listed = list(rules.values()) if isinstance(rules, Mapping) else list(rules)
    if fmt == "text":
        return _text_table(listed)
    if fmt == "markdown":
        return _markdown_table(listed)
    if fmt == "json":
        return _json_table(listed)
    raise ValueError(f"unknown rules format {fmt!r} (use {', '.join(TABLE_FORMATS)})")


def render_explanation(rule: Rule) -> str:
    """`--explain CODE`: a `CODE name (severity)` header, a blank line, then the rule's doc."""
    return f"{rule.code} {rule.name} ({rule.severity.label})\n\n{rule.description}\n"


def _text_table(rules: list[Rule]) -> str:
    rows = [(("CODE", "NAME", "SEVERITY"), "SUMMARY")]
    rows += [((rule.code, rule.name, rule.severity.label), rule.summary) for rule in rules]
    widths = [max(len(cells[i]) for cells, _ in rows) for i in range(3)]
    indent = sum(widths) + 2 * len(widths)
    summary_width = max(TABLE_WIDTH - indent, _MIN_SUMMARY_WIDTH)
    out: list[str] = []
    for cells, summary in rows:
        prefix = "".join(f"{cell:<{width}}  " for cell, width in zip(cells, widths, strict=True))
        wrapped = textwrap.wrap(summary, summary_width) or [""]
        out.append(f"{prefix}{wrapped[0]}".rstrip())
        out.extend(" " * indent + more for more in wrapped[1:])
    return "\n".join(out) + "\n"


def _markdown_table(rules: list[Rule]) -> str:
    out = ["| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
    for rule in rules:
        cells = (rule.code, f"`{rule.name}`", rule.severity.label, rule.summary)
        row = " | ".join(_markdown_cell(cell) for cell in cells)
        # An anchor per code, so a diagnostic's link opens its own row of the README table.
        out.append(f'| <a id="{rule.code.lower()}"></a>{row} |')
    return "\n".join(out) + "\n"


def _markdown_cell(text: str) -> str:
    # GFM splits cells on `|` even inside code spans, where `\|` is the only escape that works.
    return text.replace("|", "\\|")


def _json_table(rules: list[Rule]) -> str:
    items = [
        {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity.label,
            "summary": rule.summary,
            "doc": rule.description,
        }
        for rule in rules
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
