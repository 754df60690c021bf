"""What every registry verb shares: errors with exit codes, argument types, parent parsers,
opening the registry, reading an input file and writing an output file atomically."""

from __future__ import annotations

import argparse
import contextlib
import io
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from modelfile_ls.atomic import write_atomically
from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.registry import db, output
from modelfile_ls.registry.csvrows import CsvError
from modelfile_ls.registry.sql import NotFoundError
from modelfile_ls.registry.store import Registry, open_registry

PROG = "modelfile-ls registry"
Handler = Callable[[argparse.Namespace, TextIO], int]


class CommandError(Exception):
    """An operation failed in a way the user can fix; exit status 1."""


class UsageError(Exception):
    """The command line asks for something that cannot exist; exit status 2."""


def non_negative(text: str) -> int:
    """argparse type: a whole number >= 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def port(text: str) -> int:
    """argparse type: a TCP port (0 picks a free one)."""
    value = non_negative(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0..65535, got {value}")
    return value


def positive_float(text: str) -> float:
    """argparse type: seconds, more than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


@dataclass(frozen=True, slots=True)
class Verbs:
    """Where verb modules add their sub-commands, with the parent parsers they share."""

    subparsers: Any
    common: argparse.ArgumentParser
    fmt: argparse.ArgumentParser
    filters: argparse.ArgumentParser

    def add(
        self, name: str, handler: Handler, help_text: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        """A sub-command `name` running `handler`, with `--registry` and these parents."""
        sub: argparse.ArgumentParser = self.subparsers.add_parser(
            name, parents=[self.common, *parents], help=help_text, description=help_text
        )
        sub.set_defaults(handler=handler)
        return sub


@contextlib.contextmanager
def opened(args: argparse.Namespace) -> Iterator[Registry]:
    """The registry the command line names, closed afterwards."""
    registry = open_registry(args.registry)
    try:
        yield registry
    finally:
        registry.close()


def read_input(file: str) -> tuple[bytes, str]:
    """The bytes of FILE (`-`: stdin) and the name to report it by."""
    name = "<stdin>" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {name}: {exc.strerror or exc}") from exc
    return data, name


def atomic_write(path: Path, write: Callable[[TextIO], Any]) -> None:
    """Write what `write` produces to `path` through the package's one atomic writer."""
    buffer = io.StringIO(newline="")
    write(buffer)
    try:
        write_atomically(path, buffer.getvalue())
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_output(target: str | None, out: TextIO, write: Callable[[TextIO], Any]) -> bool:
    """Write to `out` (no target or `-`), else atomically to the file; True for a file."""
    if not target or target == "-":
        write(out)
        return False
    atomic_write(Path(target), write)
    return True


def format_parent() -> argparse.ArgumentParser:
    """`--format table|json|csv`."""
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=output.FORMATS, default="table", help="output format")
    return fmt


def check_capabilities(registry: Registry, wanted: list[str] | None) -> list[str]:
    """`--capability` values, each a name the registry knows (a typo is a usage error)."""
    if not wanted:
        return []
    known = registry.capability_names()
    unknown = [c for c in wanted if c.lower() not in known]
    if unknown:
        raise UsageError(
            f"unknown capability {unknown[0]!r} (known in this registry: {', '.join(known)})"
        )
    return wanted


REGISTRY_HELP = "registry file (default: $MODELFILE_LS_REGISTRY or the user data dir)"


def make_parser(
    prog: str,
    description: str,
    registers: Sequence[Callable[[Verbs], None]],
    *,
    filters: argparse.ArgumentParser | None = None,
) -> argparse.ArgumentParser:
    """A parser whose verbs the `registers` add; `--registry` works before or after a verb."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: given after the verb it overrides, otherwise the value before the verb stays.
    common.add_argument("--registry", metavar="PATH", default=argparse.SUPPRESS, help=REGISTRY_HELP)
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--registry", metavar="PATH", default=None, help=REGISTRY_HELP)
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs = Verbs(
        subparsers, common, format_parent(), filters or argparse.ArgumentParser(add_help=False)
    )
    for register in registers:
        register(verbs)
    return parser


def parse_and_run(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None, out: TextIO | None, prog: str
) -> int:
    """Parse `argv` (default: the process arguments) and run the verb; the exit status."""
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    return run(args, out or sys.stdout, prog)


def run(args: argparse.Namespace, out: TextIO, prog: str) -> int:
    """Run the parsed command's handler; every failure becomes a message and an exit code."""
    handler: Handler = args.handler
    try:
        return handler(args, out)
    except (CommandError, NotFoundError, CsvError) as exc:
        _error(prog, str(exc))
        return 1
    except UsageError as exc:
        _error(prog, str(exc))
        return 2
    except db.RegistryError as exc:
        _error(prog, str(exc))
        return exc.exit_code
    except sqlite3.Error as exc:
        error = db.translate(exc, resolve_registry_path(args.registry))
        _error(prog, str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `... | head`: the reader left; stop quietly like other CLI tools.
        with contextlib.suppress(OSError):
            sys.stdout = io.TextIOWrapper(io.BytesIO())
        return 0


def _error(prog: str, message: str) -> None:
    print(f"{prog}: {message}", file=sys.stderr)
