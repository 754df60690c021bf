"""`modelfile-ls list` and `modelfile-ls ps`: the models installed on, and loaded by, Ollama,
in the columns `ollama list` and `ollama ps` print (or as JSON with `--format json`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime

from modelfile_ls.commands.ollama.common import Context, add_format, run, verb_parser
from modelfile_ls.commands.ollama.text import human_time, parse_time, table
from modelfile_ls.commands.progress import format_bytes
from modelfile_ls.ollama import operations
from modelfile_ls.ollama.responses import LocalModel, RunningModel


def list_rows(models: Sequence[LocalModel], now: datetime | None = None) -> list[list[str]]:
    """`ollama list`'s cells: NAME, ID (12 digits), SIZE (`-` for a remote model), MODIFIED."""
    return [
        [
            m.name,
            m.digest[:12],
            "-" if m.remote_model else format_bytes(m.size),
            human_time(m.modified_at, "Never", now),
        ]
        for m in models
    ]


def processor(size: int, size_vram: int) -> str:
    """Where `ollama ps` says a model runs: `100% GPU`, `100% CPU`, or the split."""
    if size_vram == 0:
        return "100% CPU"
    if size_vram == size:
        return "100% GPU"
    if size_vram > size or size == 0:
        return "Unknown"
    cpu = round((size - size_vram) / size * 100)
    return f"{cpu}%/{100 - cpu}% CPU/GPU"


def ps_rows(models: Sequence[RunningModel], now: datetime | None = None) -> list[list[str]]:
    """`ollama ps`'s cells: NAME, ID, SIZE, PROCESSOR, CONTEXT, UNTIL."""
    now = now or datetime.now(UTC)
    rows = []
    for m in models:
        expires = parse_time(m.expires_at)
        # Ollama shows `Stopping...` once the keep-alive has run out (a missing time is Go's
        # zero time, long past) while the runner is still unloading.
        stopping = expires is None or expires < now
        rows.append(
            [
                m.name,
                m.digest[:12],
                format_bytes(m.size),
                processor(m.size, m.size_vram),
                str(m.context_length or 0),
                "Stopping..." if stopping else human_time(m.expires_at, "Never", now),
            ]
        )
    return rows


def _list(context: Context) -> int:
    with context.hosts() as hosts:
        models, notices = operations.list_models(hosts)
    context.notices(notices)
    if context.args.format == "json":
        context.json([dataclasses.asdict(m) for m in models])
    else:
        context.out.write(table(["NAME", "ID", "SIZE", "MODIFIED"], list_rows(models)))
    return 0


def _ps(context: Context) -> int:
    with context.hosts() as hosts:
        models = operations.running(hosts)
    if context.args.format == "json":
        context.json([dataclasses.asdict(m) for m in models])
    else:
        header = ["NAME", "ID", "SIZE", "PROCESSOR", "CONTEXT", "UNTIL"]
        context.out.write(table(header, ps_rows(models)))
    return 0


def list_main(argv: Sequence[str]) -> int:
    """`modelfile-ls list`: the models installed on Ollama."""
    parser = verb_parser("list", "List the models installed on Ollama (as `ollama list`).")
    add_format(parser)
    return run(parser, argv, _list)


def ps_main(argv: Sequence[str]) -> int:
    """`modelfile-ls ps`: the models Ollama has loaded."""
    parser = verb_parser("ps", "List the models Ollama has loaded (as `ollama ps`).")
    add_format(parser)
    return run(parser, argv, _ps)
