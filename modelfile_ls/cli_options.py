"""The top-level command line's options: one table, read two ways.

argparse reads any command line (help, usage, errors, abbreviated options, `--`), but importing
it, with the gettext and locale it loads, and building its parser was 9% of the instructions of
a `--check` of a 1.5k-line file (bench/RESULTS.md, "Start-up without typing, pathlib and
argparse"). So a plain command line, every option spelled out and valid, is read from the table
directly (`read_plain`), and argparse is built only for the rest; `tests/cli/test_options.py`
holds the two readings equal on random command lines.
"""

from __future__ import annotations

from modelfile_ls import __version__
from modelfile_ls.report.formats import FORMATS
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

SEVERITY_CHOICES = ("error", "warning", "info", "hint", "never")
COLOR_CHOICES = ("auto", "always", "never")


class Options(NamedTuple):
    """What the top-level command line asks for (argparse's namespace, typed)."""

    check: bool = False
    paths: tuple[str, ...] = ()
    explain: str | None = None
    format: str = "text"
    fail_on: str | None = None
    select: str | None = None
    ignore: str | None = None
    config: str | None = None
    registry: str | None = None
    output: str | None = None
    color: str = "auto"
    stdio: bool = False
    tcp: str | None = None


class Flag(NamedTuple):
    """One option: its flag, whether it takes a value, the values allowed, and its help."""

    flag: str
    takes_value: bool
    help: str | None
    metavar: str | None = None
    choices: tuple[str, ...] | None = None

    @property
    def field(self) -> str:
        """Its `Options` field (argparse's `dest`)."""
        return self.flag[2:].replace("-", "_")


FLAGS = (
    Flag(
        "--check",
        False,
        "check Modelfiles (files, directories searched recursively, or - for stdin)",
    ),
    Flag("--explain", True, "print the documentation of a rule", "CODE"),
    Flag("--format", True, "output format", choices=FORMATS),
    Flag(
        "--fail-on",
        True,
        "lowest severity that makes the exit code 1 (default: error)",
        choices=SEVERITY_CHOICES,
    ),
    Flag("--select", True, "only these codes or prefixes (MF1,MF201)", "CODES"),
    Flag("--ignore", True, "skip these codes or prefixes", "CODES"),
    Flag("--config", True, "configuration file to use", "FILE"),
    Flag(
        "--registry",
        True,
        "use this model registry for MF209 (default: $MODELFILE_LS_REGISTRY, else none)",
        "PATH",
    ),
    Flag("--output", True, "write the report to FILE", "FILE"),
    Flag("--color", True, None, choices=COLOR_CHOICES),
    Flag("--stdio", False, "serve the language server over stdio (default)"),
    Flag("--tcp", True, "serve the language server over TCP", "HOST:PORT"),
)
"""In the order `--help` lists them; the last two exclude each other."""
SERVING = ("--stdio", "--tcp")
PATHS_HELP = "what to check (default: .)"
_BY_FLAG = {flag.flag: flag for flag in FLAGS}


def read_plain(args: Sequence[str]) -> Options | None:
    """The options argparse would read from `args`, when every option is spelled out with a
    valid value and the paths come in one run; None for anything else (argparse decides)."""
    values: dict[str, object] = {}
    paths: list[str] = []
    after_path = False
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg.startswith("-") or arg == "-":
            # argparse gives the positional PATHs the first run of them it meets, and calls
            # any later one unrecognized.
            if paths and not after_path:
                return None
            paths.append(arg)
            after_path = True
            continue
        after_path = False
        name, equals, attached = arg.partition("=")
        flag = _BY_FLAG.get(name)
        if flag is None:
            return None  # --help, --version, an abbreviation, `--`, a negative number, ...
        if not flag.takes_value:
            if equals:
                return None
            values[flag.field] = True
            continue
        if equals:
            value = attached
        elif index < len(args):
            value = args[index]
            index += 1
        else:
            return None
        # A value that looks like an option, or an empty one, is argparse's to judge.
        if not value or value.startswith("-"):
            return None
        if flag.choices is not None and value not in flag.choices:
            return None
        values[flag.field] = value
    if values.get("stdio") and "tcp" in values:
        return None
    return Options(paths=tuple(paths), **values)  # type: ignore[arg-type]


def parse_with_argparse(args: Sequence[str], subcommands: Sequence[str]) -> Options:
    """Read any command line with argparse: help and version print and exit, errors print
    usage and exit 2."""
    namespace = build_parser(subcommands).parse_args(args)
    namespace.paths = tuple(namespace.paths)
    return Options(**vars(namespace))


def build_parser(subcommands: Sequence[str]) -> argparse.ArgumentParser:
    """The top-level parser, from the table (`subcommands` for its description)."""
    # Lazy: the module docstring says why.
    import argparse

    parser = argparse.ArgumentParser(
        prog="modelfile-ls",
        description="Language server, checker and tooling for Ollama Modelfiles. Without"
        " arguments it serves the Language Server Protocol over stdio. Sub-commands: "
        + ", ".join(subcommands)
        + " (run `modelfile-ls COMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"modelfile-ls {__version__}")
    serving = parser.add_mutually_exclusive_group()
    for flag in FLAGS:
        group = serving if flag.flag in SERVING else parser
        if flag.takes_value:
            group.add_argument(
                flag.flag, metavar=flag.metavar, choices=flag.choices, help=flag.help
            )
        else:
            group.add_argument(flag.flag, action="store_true", help=flag.help)
        if flag.flag == "--check":
            parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.set_defaults(**{f: v for f, v in Options._field_defaults.items() if f != "paths"})
    return parser
