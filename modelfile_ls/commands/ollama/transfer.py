"""`modelfile-ls pull NAME` and `modelfile-ls push NAME`: move a model between Ollama and a
registry, with a bar per layer on a terminal (plain lines otherwise). A pull reads from the
first healthy host (saying so when it skipped one); a push writes from the first host. A pull
after a cut connection continues where the last one stopped: Ollama keeps partial layers."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.commands.ollama.common import Context, run, verb_parser
from modelfile_ls.ollama import operations
from modelfile_ls.ollama.events import never

INSECURE_HELP = "allow a registry over plain http (Ollama's --insecure)"


def _pull(context: Context) -> int:
    args = context.args
    with context.hosts() as hosts:
        context.follow(operations.pull(hosts, args.name, never, insecure=args.insecure))
    return 0


def _push(context: Context) -> int:
    args = context.args
    with context.hosts() as hosts:
        context.follow(operations.push(hosts, args.name, never, insecure=args.insecure))
    return 0


def pull_main(argv: Sequence[str]) -> int:
    """`modelfile-ls pull NAME`."""
    parser = verb_parser("pull", "Download a model from a registry (as `ollama pull`).")
    parser.add_argument("name", metavar="NAME", help="the model, e.g. llama3.2 or qwen3:8b")
    parser.add_argument("--insecure", action="store_true", help=INSECURE_HELP)
    return run(parser, argv, _pull)


def push_main(argv: Sequence[str]) -> int:
    """`modelfile-ls push NAME`."""
    parser = verb_parser("push", "Upload a model to a registry (as `ollama push`).")
    parser.add_argument("name", metavar="NAME", help="the model, as namespace/model:tag")
    parser.add_argument("--insecure", action="store_true", help=INSECURE_HELP)
    return run(parser, argv, _push)
