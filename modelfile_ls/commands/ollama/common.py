"""What every Ollama verb shares: the `--host`/`--config`/`--quiet`/`--registry` options, the
configuration, following a long operation's events, and turning each failure into a message
and an exit code.

Exit codes: 0 done; 1 Ollama or the file said no (Ollama's own text, then what to do);
2 usage (argparse, a bad configuration file); 130 interrupted (Ctrl-C: the connection is
closed on the way out, as the shell's convention for SIGINT wants).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from modelfile_ls.commands.progress import make_renderer
from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.ollama.errors import Cancelled, OllamaError
from modelfile_ls.ollama.events import Done, Notice, Progress
from modelfile_ls.ollama.hosts import Hosts, configured_hosts
from modelfile_ls.settings import ConfigError, Settings, find_config, load_settings

HOST_HELP = (
    "Ollama server, as OLLAMA_HOST spells it; repeat it for several hosts, tried in this order"
    " for reads and pulls (default: ollama-hosts, else ollama-host from the configuration,"
    " else $OLLAMA_HOST, else http://127.0.0.1:11434)"
)
REGISTRY_HELP = (
    "registry file (default: `registry` from the configuration, $MODELFILE_LS_REGISTRY, or"
    " the user data dir)"
)


class CommandError(Exception):
    """A local failure the user can fix (a file to read or write); exit status 1."""


def verb_parser(verb: str, description: str, *, stores: bool = False) -> argparse.ArgumentParser:
    """A parser for `modelfile-ls VERB` with the options every Ollama verb takes."""
    parser = argparse.ArgumentParser(prog=f"modelfile-ls {verb}", description=description)
    parser.add_argument(
        "--host", action="append", default=[], metavar="URL", dest="hosts", help=HOST_HELP
    )
    parser.add_argument(
        "--config", metavar="FILE", help="configuration file (default: the nearest one)"
    )
    parser.add_argument("--quiet", action="store_true", help="print only errors and the final line")
    if stores:
        parser.add_argument("--registry", metavar="PATH", help=REGISTRY_HELP)
    return parser


def add_format(parser: argparse.ArgumentParser) -> None:
    """`--format table|json`."""
    parser.add_argument("--format", choices=("table", "json"), default="table")


@dataclass
class Context:
    """One run of a verb: its arguments, configuration and output streams."""

    args: argparse.Namespace
    settings: Settings
    out: TextIO
    err: TextIO

    def hosts(self) -> Hosts:
        """The configured hosts in failover order (use it as a context manager)."""
        return Hosts(configured_hosts(self.args.hosts, self.settings))

    def host_urls(self) -> list[str]:
        """The configured hosts' base URLs in failover order."""
        return configured_hosts(self.args.hosts, self.settings)

    def registry_path(self) -> Path:
        """`--registry`, else the configuration's `registry`, else $MODELFILE_LS_REGISTRY,
        else the user data directory's registry."""
        chosen = getattr(self.args, "registry", None) or self.settings.registry_path
        return resolve_registry_path(chosen)

    def notices(self, notices: Iterable[Notice]) -> None:
        """Print notices on stderr (not with `--quiet`)."""
        if self.args.quiet:
            return
        for notice in notices:
            self.err.write(f"{notice.text}\n")
        self.err.flush()

    def follow(self, events: Iterable[Progress | Notice | Done]) -> Done:
        """Draw a long operation's events on stderr and print its final line on stdout."""
        renderer = make_renderer(self.err, quiet=self.args.quiet)
        done: Done | None = None
        try:
            for event in events:
                if isinstance(event, Progress):
                    renderer.progress(event)
                elif isinstance(event, Notice):
                    renderer.notice(event)
                else:
                    done = event
        finally:
            renderer.close()
        if done is None:
            raise OllamaError("the operation ended without a result")
        self.line(done.message)
        return done

    def line(self, text: str) -> None:
        """One line of the result on stdout."""
        self.out.write(f"{text}\n")
        self.out.flush()

    def json(self, data: object) -> None:
        """The result as JSON on stdout."""
        self.out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        self.out.flush()

    def error(self, message: str, hint: str = "") -> None:
        """A failure on stderr, then what to do about it."""
        self.err.write(f"{self.args.prog}: {message}\n")
        if hint:
            self.err.write(f"  {hint}\n")
        self.err.flush()


Handler = Callable[[Context], int]


def run(parser: argparse.ArgumentParser, argv: Sequence[str], handler: Handler) -> int:
    """Parse `argv`, run the verb, and map every failure to its message and exit code."""
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    args.prog = parser.prog
    context = Context(args, Settings(), sys.stdout, sys.stderr)
    try:
        context.settings = _settings(args.config)
        return handler(context)
    except ConfigError as exc:
        context.error(str(exc))
        return 2
    except CommandError as exc:
        context.error(str(exc))
        return 1
    except (KeyboardInterrupt, Cancelled):
        # Ctrl-C raises KeyboardInterrupt inside the blocked read; unwinding closed the
        # streamed response and the pool, so Ollama sees the client leave and stops.
        context.error("interrupted; the connection to Ollama was closed")
        return 130
    except OllamaError as exc:
        context.error(str(exc), exc.hint)
        return 1
    except BrokenPipeError:
        # `... | head`: the reader left; stop quietly like other CLI tools.
        with contextlib.suppress(OSError):
            sys.stdout = io.TextIOWrapper(io.BytesIO())
        return 0


def _settings(config: str | None) -> Settings:
    path = config or find_config(os.getcwd())
    return load_settings(path) if path else Settings()
