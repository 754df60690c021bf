"""Why the server's incremental parse finds the edited instructions itself, not with tree-sitter.

    .venv/bin/python bench/incremental_parse.py [--runs 200]

For one keystroke (a character typed at the end of a line) in the two 1.5k-line documents
of the language-server benchmark, in this process, in CPU time (`time.process_time`, so
other jobs on the machine count less), best of 5 rounds of `--runs` keystrokes:
- the hand-written incremental parse (`syntax.incremental.parse_after`), whole: it finds and
  re-scans the edited window and keeps the instructions after it as runs of the old scan with
  an offset (`syntax/runs.py`), moved only when something reads them;
- what reading every later instruction moved would add (`Instruction.moved` on each): the
  cost a reader of all of them pays, which the runs spare the readers of a few;
- tree-sitter's incremental parse of the same edit (`Tree.edit`, `Parser.parse(old_tree)`)
  and `Tree.changed_ranges`, which would find that window, before any value is decoded;
- as the anchor, a full `syntax.parse` of the document.
It prints a Markdown table, each figure also as a ratio to the anchor.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tree_sitter import Parser, Point

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import findings_file, realistic_file

from modelfile_ls.syntax import parse
from modelfile_ls.syntax.incremental import Edit, parse_after
from modelfile_ls.syntax.tree import language


def best(action: Callable[[], object], runs: int) -> float:
    """Best over 5 rounds of the mean CPU seconds of `action`."""
    rounds = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(runs):
            action()
        rounds.append((time.process_time() - start) / runs)
    return min(rounds)


def measure(text: str, prefix: str, runs: int) -> dict[str, float]:
    """Milliseconds per keystroke at the end of the first line starting with `prefix`."""
    lines = text.split("\n")
    line = next(i for i, content in enumerate(lines) if content.startswith(prefix))
    column = len(lines[line])
    offset = sum(len(content) + 1 for content in lines[:line]) + column
    edited = text[:offset] + "7" + text[offset:]
    old = parse(text)
    edit = Edit(offset, offset, "7")
    later = [i for i in old.instructions if i.span.start > offset]
    parser = Parser(language())
    data, edited_data = text.encode(), edited.encode()

    def tree_sitter() -> None:
        tree = parser.parse(data)
        start = time.process_time()
        tree.edit(
            offset,
            offset,
            offset + 1,
            Point(line, column),
            Point(line, column),
            Point(line, column + 1),
        )
        tree.changed_ranges(parser.parse(edited_data, tree))
        tree_sitter_seconds.append(time.process_time() - start)

    tree_sitter_seconds: list[float] = []
    for _ in range(5):
        for _ in range(runs):
            tree_sitter()
    per_round = [
        sum(tree_sitter_seconds[i : i + runs]) / runs
        for i in range(0, len(tree_sitter_seconds), runs)
    ]
    return {
        "full parse (anchor)": best(lambda: parse(edited), max(1, runs // 10)) * 1000,
        "hand-written incremental parse": best(lambda: parse_after(old, edit, edited), runs) * 1000,
        "reading every later instruction moved (not part of the parse)": best(
            lambda: [i.moved(1) for i in later], runs
        )
        * 1000,
        "tree-sitter: edit + incremental parse + changed_ranges": min(per_round) * 1000,
    }


def main() -> int:
    """Measure both documents and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    gc.disable()  # the server freezes its heap after start-up; collections are not measured
    documents = (
        ("1.5k lines, clean (typing in the SYSTEM prompt)", realistic_file(1500), "Rule 250:"),
        (
            "1.5k lines, ~300 findings (typing on line 3)",
            findings_file(1500, repeated=1),
            "PARAMETER temperature 0.7",
        ),
    )
    print("| document | step | ms per keystroke | / full parse |")
    print("|---|---|---|---|")
    for label, text, prefix in documents:
        figures = measure(text, prefix, args.runs)
        anchor = figures["full parse (anchor)"]
        for step, milliseconds in figures.items():
            print(f"| {label} | {step} | {milliseconds:.3f} | {milliseconds / anchor:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
