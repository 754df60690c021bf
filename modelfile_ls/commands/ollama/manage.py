"""`modelfile-ls copy SRC DST`, `delete NAME...` and `version`: the quick verbs that change
or ask Ollama one thing, printing what Ollama's CLI prints. Copy and delete go to the first
configured host (writes never fail over); version asks the first healthy one."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.commands.ollama.common import Context, run, verb_parser
from modelfile_ls.ollama import operations


def _copy(context: Context) -> int:
    args = context.args
    with context.hosts() as hosts:
        operations.copy(hosts, args.source, args.destination)
    context.line(f"copied '{args.source}' to '{args.destination}'")
    return 0


def _delete(context: Context) -> int:
    # One at a time, as `ollama rm` does: each deletion is reported as it happens and the
    # first refusal stops the rest.
    with context.hosts() as hosts:
        for name in context.args.names:
            operations.delete(hosts, [name])
            context.line(f"deleted '{name}'")
    return 0


def _version(context: Context) -> int:
    with context.hosts() as hosts:
        version = operations.version(hosts)
    context.line(f"ollama version is {version}")
    return 0


def copy_main(argv: Sequence[str]) -> int:
    """`modelfile-ls copy SRC DST`."""
    parser = verb_parser("copy", "Copy a model under a new name (as `ollama cp`).")
    parser.add_argument("source", metavar="SRC", help="the model to copy")
    parser.add_argument("destination", metavar="DST", help="the new name")
    return run(parser, argv, _copy)


def delete_main(argv: Sequence[str]) -> int:
    """`modelfile-ls delete NAME...`."""
    parser = verb_parser("delete", "Delete models (as `ollama rm`).")
    parser.add_argument("names", metavar="NAME", nargs="+", help="the models to delete")
    return run(parser, argv, _delete)


def version_main(argv: Sequence[str]) -> int:
    """`modelfile-ls version`."""
    parser = verb_parser("version", "Print the Ollama server's version.")
    return run(parser, argv, _version)
