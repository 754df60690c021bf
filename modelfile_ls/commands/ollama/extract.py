"""`modelfile-ls extract NAME [-o FILE] [--force]`: write an installed model's Modelfile (as
`ollama show --modelfile` prints it) to a new file, and store it and its elements in the
registry. The default file is `NAME.Modelfile` in the current directory; an existing file is
only replaced with `--force`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from modelfile_ls.commands.ollama.common import Context, run, verb_parser
from modelfile_ls.ollama import extract as operation


def _extract(context: Context) -> int:
    args = context.args
    output = Path(args.output) if args.output else None
    with context.hosts() as hosts:
        result = operation.extract(
            hosts, args.name, output, context.registry_path(), force=args.force
        )
    stored = (
        f"; stored in the registry as {result.stored_as} ({len(result.element_ids)} elements)"
        if result.stored_as
        else ""
    )
    context.line(f"wrote {result.path}{stored}")
    return 0


def main(argv: Sequence[str]) -> int:
    """`modelfile-ls extract NAME`."""
    parser = verb_parser(
        "extract",
        "Write an installed model's Modelfile to a new file and store it in the registry.",
        stores=True,
    )
    parser.add_argument("name", metavar="NAME", help="an installed model, e.g. llama3.2")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write it (default: NAME.Modelfile)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return run(parser, argv, _extract)
