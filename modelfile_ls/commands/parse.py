"""`modelfile-ls parse FILE`: how a Modelfile parses, as Ollama sees it or with positions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.export import structure
from modelfile_ls.syntax.ollama_view import ollama_verdict
from modelfile_ls.syntax.tree import sexp


def main(args: list[str]) -> int:
    """Run `modelfile-ls parse`; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="modelfile-ls parse",
        description="Print how a Modelfile parses: `ollama` gives exactly what Ollama's"
        " parser returns, `json` our structure with positions, `tree` the tree-sitter tree.",
    )
    parser.add_argument("file", metavar="FILE", help="the Modelfile, or - for stdin")
    parser.add_argument("--format", choices=("ollama", "json", "tree"), default="ollama")
    options = parser.parse_args(args)
    try:
        data = sys.stdin.buffer.read() if options.file == "-" else Path(options.file).read_bytes()
    except OSError as exc:
        print(f"modelfile-ls: {options.file}: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    parsed = parse_bytes(data)
    if options.format == "tree":
        print(sexp(parsed.text))
        return 0
    result = ollama_verdict(parsed) if options.format == "ollama" else structure(parsed)
    print(json.dumps(result, ensure_ascii=False, indent=None if options.format == "ollama" else 2))
    return 0
