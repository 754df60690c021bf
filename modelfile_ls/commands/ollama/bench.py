"""`modelfile-ls bench NAME`: time a short generation on Ollama and keep the figures (tokens/s,
prompt tokens/s, load time) as performance metrics in the registry, with the host's hardware.
The model is read from the first healthy host, so the figures are that host's."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.commands.ollama.common import Context, run, verb_parser
from modelfile_ls.ollama import bench as operation
from modelfile_ls.ollama.events import never


def _bench(context: Context) -> int:
    args = context.args
    with context.hosts() as hosts:
        events = operation.bench(hosts, args.name, context.registry_path(), never)
        context.follow(events)
    return 0


def main(argv: Sequence[str]) -> int:
    """`modelfile-ls bench NAME`."""
    parser = verb_parser(
        "bench",
        "Time a short generation and store tokens/s, prompt tokens/s and load time in the"
        " registry.",
        stores=True,
    )
    parser.add_argument("name", metavar="NAME", help="an installed model, e.g. llama3.2")
    return run(parser, argv, _bench)
