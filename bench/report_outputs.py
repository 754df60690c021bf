"""Digests of every `--check` report format over the corpus and the bench inputs, for a
before/after identity check of a report change.

Run: `PYTHONPATH=TREE .venv/bin/python bench/report_outputs.py > TREE.digests` for each of
two source trees, then `diff` the two files: a line per input, format and color setting
(text with and without color), each with the SHA-256 of the rendered report.
"""

from __future__ import annotations

import hashlib
import sys

from check import (
    CORPUS,
    big_file,
    findings_file,
    long_lines_file,
    realistic_file,
    short_lines_file,
)

from modelfile_ls.analysis.engine import analyze
from modelfile_ls.analysis.rules import RULES_BY_CODE
from modelfile_ls.report import render
from modelfile_ls.report.model import FileResult
from modelfile_ls.syntax import parse_bytes


def main() -> int:
    """Print one digest line per input, format and color setting."""
    inputs: list[tuple[str, bytes]] = [
        ("realistic", realistic_file(1500).encode()),
        ("findings", findings_file(1500).encode()),
        ("long lines", long_lines_file().encode()),
        ("short lines", short_lines_file(10_000_000)),
        ("big", big_file(10 * 1024 * 1024)),
    ]
    inputs += [(path.name, path.read_bytes()) for path in sorted(CORPUS.iterdir())]
    for name, data in inputs:
        parsed = parse_bytes(data)
        result = FileResult(name, parsed.text, parsed.lines, tuple(analyze(parsed)))
        for fmt, color in (
            ("text", False),
            ("text", True),
            ("json", False),
            ("github", False),
            ("sarif", False),
        ):
            report = render(fmt, [result], RULES_BY_CODE, color=color)
            digest = hashlib.sha256(report.encode("utf-8", "surrogatepass")).hexdigest()
            print(f"{name}\t{fmt}{'+color' if color else ''}\t{len(result.findings)}\t{digest}")
    corpus = []
    for path in sorted(CORPUS.iterdir()):
        parsed = parse_bytes(path.read_bytes())
        corpus.append(FileResult(str(path.name), parsed.text, parsed.lines, tuple(analyze(parsed))))
    for fmt in ("text", "json", "github", "sarif"):
        report = render(fmt, corpus, RULES_BY_CODE)
        digest = hashlib.sha256(report.encode("utf-8", "surrogatepass")).hexdigest()
        print(f"whole corpus\t{fmt}\t-\t{digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
