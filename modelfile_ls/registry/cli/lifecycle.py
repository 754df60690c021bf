"""Verbs about the registry file itself: `path`, `reset`, `serve`."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import TextIO

from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.registry.cli.common import CommandError, Verbs, port
from modelfile_ls.registry.store import open_registry, reset_registry


def cmd_path(args: argparse.Namespace, out: TextIO) -> int:
    """Print the registry file's path (without creating it)."""
    out.write(f"{resolve_registry_path(args.registry)}\n")
    return 0


def cmd_reset(args: argparse.Namespace, out: TextIO) -> int:
    """Recreate the registry from the shipped seed (or empty); works on a corrupt file."""
    path = resolve_registry_path(args.registry)
    if sys.stdin.isatty() and not args.yes:
        answer = input(
            f"Delete everything in {path} (imports, inventory, saved Modelfiles)? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("not reset", file=sys.stderr)
            return 1
    reset_registry(path, empty=args.empty)
    out.write(f"reset {path}" + (" (empty)" if args.empty else "") + "\n")
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the read-only HTTP API until interrupted."""
    # Imported here: http.server costs ~40 ms of start-up (python -X importtime) that the
    # other verbs do not need.
    from modelfile_ls.registry.http_api import is_loopback, make_server

    path = resolve_registry_path(args.registry)
    open_registry(path).close()  # create/migrate now, so a broken file fails before binding
    try:
        server = make_server(
            path, args.host, args.port, access_log=sys.stderr, ollama_hosts=args.ollama_host
        )
    except OSError as exc:
        raise CommandError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from exc
    if not is_loopback(args.host):
        print(
            f"warning: listening on {args.host}, not loopback: anyone who can reach this "
            "machine can read the registry",
            file=sys.stderr,
        )
    out.write(f"serving {path} at {server.url} (dashboard: {server.url}/; Ctrl-C to stop)\n")
    out.flush()
    if threading.current_thread() is threading.main_thread():
        # A service manager stops us with SIGTERM: shut down as cleanly as on Ctrl-C.
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def register(verbs: Verbs) -> None:
    """Add `path`, `reset` and `serve`."""
    verbs.add("path", cmd_path, "print the registry file's path")
    sub = verbs.add("reset", cmd_reset, "recreate the registry (also repairs a corrupt file)")
    sub.add_argument("--empty", action="store_true", help="no catalog models, only facts")
    sub.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    sub = verbs.add("serve", cmd_serve, "serve the read-only HTTP API and the dashboard")
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sub.add_argument("--port", type=port, default=3001, help="port (default 3001; 0 picks one)")
    sub.add_argument(
        "--ollama-host",
        action="append",
        default=[],
        metavar="URL",
        help="an Ollama server whose state the dashboard shows (repeatable; default $OLLAMA_HOST)",
    )
