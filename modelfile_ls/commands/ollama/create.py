"""`modelfile-ls create NAME -f FILE`: create a model in Ollama the way `ollama create` does,
but refusing first, with `--check`'s located findings, a file Ollama would reject.

`-f` defaults to `./Modelfile`, as Ollama's CLI. Local files named by FROM/ADAPTER/DRAFT are
hashed and the blobs Ollama lacks uploaded (a bar each on a terminal), then the server's own
status lines follow. `--dry-run` prints the request body as JSON and contacts nobody;
`--quantize Q` asks Ollama to quantize (as `ollama create -q`). Writes go to the first host.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from modelfile_ls.commands.ollama.common import CommandError, Context, run, verb_parser
from modelfile_ls.ollama import create as operation
from modelfile_ls.ollama.events import Notice, never
from modelfile_ls.syntax.decode import decode_modelfile

DEFAULT_MODELFILE = "Modelfile"


def _read(file: str) -> str:
    """The Modelfile's text, decoded exactly as Ollama (and `--check`) decode it."""
    try:
        data = Path(file).read_bytes()
    except FileNotFoundError:
        raise CommandError(
            f"{file}: no such file; name the Modelfile with -f FILE (default ./Modelfile)"
        ) from None
    except OSError as exc:
        raise CommandError(f"{file}: cannot read: {exc.strerror or exc}") from None
    return decode_modelfile(data).text


def _create(context: Context) -> int:
    args = context.args
    text = _read(args.file)
    path = Path(args.file)
    try:
        if args.dry_run:
            plan = operation.build_create_request(
                text, path, model=args.name, quantize=args.quantize
            )
            context.notices(Notice(warning) for warning in plan.warnings)
            context.json(operation.dry_run_body(plan))
            return 0
        with context.hosts() as hosts:
            events = operation.create(hosts, args.name, text, path, never, quantize=args.quantize)
            context.follow(events)
    except operation.ModelfileRejected as exc:
        _print_findings(context, args.file, text, exc)
        context.error(str(exc), exc.hint)
        return 1
    return 0


def _print_findings(
    context: Context, file: str, text: str, rejected: operation.ModelfileRejected
) -> None:
    """The findings exactly as `--check`'s text report prints them, on stderr."""
    # Lazy: the rule set and the report are the `--check` path's weight (~90 ms,
    # bench/lazy_imports.py); only a refused create needs them.
    from modelfile_ls.analysis.rules import RULES_BY_CODE
    from modelfile_ls.report import render
    from modelfile_ls.report.model import FileResult
    from modelfile_ls.syntax.positions import LineIndex

    result = FileResult(file, text, LineIndex(text), tuple(rejected.findings))
    color = context.err.isatty() and "NO_COLOR" not in os.environ
    context.err.write(render("text", [result], RULES_BY_CODE, color=color))


def main(argv: Sequence[str]) -> int:
    """`modelfile-ls create NAME -f FILE`."""
    parser = verb_parser(
        "create",
        "Create a model from a Modelfile (as `ollama create`), refusing a file `--check`"
        " finds errors in.",
    )
    parser.add_argument("name", metavar="NAME", help="the new model's name, e.g. mybot")
    parser.add_argument(
        "-f",
        "--file",
        metavar="FILE",
        default=DEFAULT_MODELFILE,
        help="the Modelfile (default: ./Modelfile)",
    )
    parser.add_argument(
        "-q",
        "--quantize",
        metavar="Q",
        help="quantize the weights to this level, e.g. q4_K_M (as `ollama create -q`)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print the request body as JSON and contact nobody",
    )
    return run(parser, argv, _create)
