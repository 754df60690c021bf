"""Output formats of `modelfile-ls --check`; the rule listing and `--explain` are in `rules_doc`.

The package itself imports nothing of the analysis, so the CLI can read `FORMATS` (from
`report.formats`) without loading a renderer or a rule.
"""

from __future__ import annotations

from modelfile_ls.report.formats import FORMATS
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from modelfile_ls.analysis.rule import Rule
    from modelfile_ls.report.model import FileResult

__all__ = ["FORMATS", "render", "render_pieces"]


def render(
    fmt: str,
    results: Sequence[FileResult],
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
) -> str:
    """Render check results in one of FORMATS; the output ends with a newline unless empty."""
    return "".join(render_pieces(fmt, results, rules, color=color))


def render_pieces(
    fmt: str,
    results: Sequence[FileResult],
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
) -> Iterator[str]:
    """`render` in pieces to write one after the other: every report of a large file is made
    piece by piece as it is written, so the whole report never sits in memory at once (nor
    its bytes)."""
    # Lazy, every renderer: this package must stay free of the analysis, which they import
    # (the rule set, ~90 ms, bench/lazy_imports.py), because the CLI reads `FORMATS` from
    # `report.formats` for every sub-command, and each format loads only when asked for.
    if fmt == "text":
        # Lazy: see above.
        from modelfile_ls.report.text import text_pieces

        return text_pieces(results, color=color)
    if fmt == "json":
        # Lazy: see above.
        from modelfile_ls.report.json_report import json_pieces

        return json_pieces(results)
    if fmt == "github":
        # Lazy: see above.
        from modelfile_ls.report.github import github_pieces

        return github_pieces(results)
    if fmt == "sarif":
        # Lazy: see above; sarif alone is 4% of the check path's imports (bench/lazy_imports.py).
        from modelfile_ls.report.sarif import sarif_pieces

        return sarif_pieces(results, rules)
    raise ValueError(f"unknown output format {fmt!r} (use {', '.join(FORMATS)})")
