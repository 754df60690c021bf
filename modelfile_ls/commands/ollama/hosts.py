"""`modelfile-ls hosts`: every configured Ollama host in failover order, whether it answers,
its version and how long it took. Exit status 1 when none answers (nothing could be done)."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.commands.ollama.common import Context, add_format, run, verb_parser
from modelfile_ls.commands.ollama.text import table
from modelfile_ls.ollama.errors import START_HINT
from modelfile_ls.ollama.hosts import HostStatus, check_hosts


def host_rows(statuses: Sequence[HostStatus]) -> list[list[str]]:
    """HOST, STATUS (`reachable` or why not), VERSION, LATENCY in milliseconds."""
    return [
        [
            s.url,
            "reachable" if s.reachable else f"unreachable: {s.error}",
            s.version or "-",
            "-" if s.latency_ms is None else f"{s.latency_ms:.0f} ms",
        ]
        for s in statuses
    ]


def _hosts(context: Context) -> int:
    statuses = check_hosts(context.host_urls())
    if context.args.format == "json":
        context.json([s.to_json() for s in statuses])
    else:
        context.out.write(table(["HOST", "STATUS", "VERSION", "LATENCY"], host_rows(statuses)))
    if not any(s.reachable for s in statuses):
        context.error("no configured Ollama host answered", START_HINT)
        return 1
    return 0


def main(argv: Sequence[str]) -> int:
    """`modelfile-ls hosts`."""
    parser = verb_parser(
        "hosts", "Check every configured Ollama host: reachable or not, version, latency."
    )
    add_format(parser)
    return run(parser, argv, _hosts)
