"""The `modelfile-ls` command line.

`modelfile-ls` alone (or `--stdio`, or `--tcp HOST:PORT`) is the language server;
`modelfile-ls --check PATHS` checks files for CI; `parse`, `rules`, `--explain`, `registry`
and the Ollama verbs (`create`, `pull`, `list`, ...) are sub-commands. The language-server
modules are imported only when serving, so the check path never loads pygls or lsprotocol.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from modelfile_ls import __version__
from modelfile_ls.atomic import write_atomically
from modelfile_ls.report.formats import FORMATS
from modelfile_ls.settings import (
    ConfigError,
    Settings,
    find_config,
    load_settings,
    parse_codes,
    parse_fail_on,
)

SUBCOMMANDS = {
    "parse": "modelfile_ls.commands.parse",
    "rules": "modelfile_ls.commands.rules",
    "registry": "modelfile_ls.registry.cli",
    "template": "modelfile_ls.commands.template",
    "drafts": "modelfile_ls.commands.drafts",
    "create": "modelfile_ls.commands.ollama.create",
    "pull": "modelfile_ls.commands.ollama.transfer:pull_main",
    "push": "modelfile_ls.commands.ollama.transfer:push_main",
    "copy": "modelfile_ls.commands.ollama.manage:copy_main",
    "delete": "modelfile_ls.commands.ollama.manage:delete_main",
    "list": "modelfile_ls.commands.ollama.models:list_main",
    "ps": "modelfile_ls.commands.ollama.models:ps_main",
    "show": "modelfile_ls.commands.ollama.show",
    "version": "modelfile_ls.commands.ollama.manage:version_main",
    "extract": "modelfile_ls.commands.ollama.extract",
    "bench": "modelfile_ls.commands.ollama.bench",
    "hosts": "modelfile_ls.commands.ollama.hosts",
}
"""Each sub-command's module (`module` or `module:function`, the function defaulting to
`main`), imported only when it runs (so `--check` loads none of them); every entry point is
`function(args) -> int`. A new command is a module, or a function in one, and one line here."""


def run() -> None:
    """The `modelfile-ls` process: `main()` on the command line's arguments, then exit."""
    sys.exit(main(exit_when_checked=True))


def main(argv: Sequence[str] | None = None, *, exit_when_checked: bool = False) -> int:
    """Run the command line; returns the process exit code. `exit_when_checked`: a `--check`
    ends the process itself once its report is written (`_exit_now`)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        module, _, function = SUBCOMMANDS[args[0]].partition(":")
        entry = getattr(importlib.import_module(module), function or "main")
        exit_status: int = entry(args[1:])
        return exit_status
    return _top_level(args, exit_when_checked)


class _UnprintedFormatter(argparse.HelpFormatter):
    """The formatter of a parser being built: `add_argument` formats every argument once to
    check its metavar, output no terminal sees. argparse's own asks the terminal's width
    (`shutil.get_terminal_size`), and importing shutil (with zlib, bz2 and lzma) was 5% of
    the instructions of a `--check` (bench/RESULTS.md)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


def _top_level(args: list[str], exit_when_checked: bool) -> int:
    parser = argparse.ArgumentParser(
        formatter_class=_UnprintedFormatter,
        prog="modelfile-ls",
        description="Language server, checker and tooling for Ollama Modelfiles. Without"
        " arguments it serves the Language Server Protocol over stdio. Sub-commands: "
        + ", ".join(SUBCOMMANDS)
        + " (run `modelfile-ls COMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"modelfile-ls {__version__}")
    parser.add_argument(
        "--check",
        action="store_true",
        help="check Modelfiles (files, directories searched recursively, or - for stdin)",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="what to check (default: .)")
    parser.add_argument("--explain", metavar="CODE", help="print the documentation of a rule")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "hint", "never"),
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--select", metavar="CODES", help="only these codes or prefixes (MF1,MF201)"
    )
    parser.add_argument("--ignore", metavar="CODES", help="skip these codes or prefixes")
    parser.add_argument("--config", metavar="FILE", help="configuration file to use")
    parser.add_argument(
        "--registry",
        metavar="PATH",
        help="use this model registry for MF209 (default: $MODELFILE_LS_REGISTRY, else none)",
    )
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    serving = parser.add_mutually_exclusive_group()
    serving.add_argument(
        "--stdio", action="store_true", help="serve the language server over stdio (default)"
    )
    serving.add_argument("--tcp", metavar="HOST:PORT", help="serve the language server over TCP")
    # Help, usage and errors are printed, at the terminal's width.
    parser.formatter_class = argparse.HelpFormatter
    options = parser.parse_args(args)
    if options.explain:
        return _explain(options.explain)
    if options.check:
        return _check(options, parser, exit_when_checked)
    if options.paths:
        parser.error("checking files needs --check (without arguments modelfile-ls is a server)")
    return _serve(options.tcp, parser)


def _serve(tcp: str | None, parser: argparse.ArgumentParser) -> int:
    # Lazy: pygls and lsprotocol stay off the `--check` path; the server's imports cost five
    # times the whole check path's (bench/lazy_imports.py).
    from modelfile_ls import lsp

    if tcp is None:
        lsp.serve_stdio()
        return 0
    host, _, port = tcp.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        parser.error(f"--tcp expects HOST:PORT, such as 127.0.0.1:2087, not {tcp!r}")
    lsp.serve_tcp(host.strip("[]"), int(port))
    return 0


def _explain(code: str) -> int:
    # Lazy, like the check path below: the rule set is most of the `--check` imports
    # (~90 ms, bench/lazy_imports.py), which the server and the sub-commands must not pay.
    from modelfile_ls.analysis.rules import RULES_BY_CODE
    from modelfile_ls.report.rules_doc import render_explanation

    rule = RULES_BY_CODE.get(code.strip().upper())
    if rule is None:
        print(
            f"modelfile-ls: unknown rule code {code!r}; see `modelfile-ls rules`", file=sys.stderr
        )
        return 2
    print(render_explanation(rule))
    return 0


def _check(
    options: argparse.Namespace, parser: argparse.ArgumentParser, exit_when_checked: bool
) -> int:
    # Lazy: the check path (rules, reports) costs ~90 ms on top of the command line
    # (bench/lazy_imports.py); the server and the sub-commands must not pay it.
    from modelfile_ls.analysis.rules import RULES_BY_CODE
    from modelfile_ls.check import PathError, check_targets, discover, exit_code, open_catalog
    from modelfile_ls.report import render

    try:
        config = options.config or find_config(os.getcwd())
        settings = load_settings(config) if config else Settings()
        if options.select:
            settings = settings.merged(select=parse_codes(options.select, "--select"))
        if options.ignore:
            settings = settings.merged(
                ignore=settings.ignore | parse_codes(options.ignore, "--ignore")
            )
        if options.fail_on:
            settings = settings.merged(fail_on=parse_fail_on(options.fail_on, "--fail-on"))
        targets = discover(options.paths)
        catalog = open_catalog(options.registry or settings.registry_path)
        results = check_targets(targets, settings, catalog)
    except (ConfigError, PathError) as exc:
        print(f"modelfile-ls: {exc}", file=sys.stderr)
        return 2
    color = options.color == "always" or (
        options.color == "auto"
        and options.output is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    report = render(options.format, results, RULES_BY_CODE, color=color)
    if options.output:
        try:
            write_atomically(options.output, report)
        except OSError as exc:
            print(f"modelfile-ls: cannot write {options.output}: {exc.strerror}", file=sys.stderr)
            return 2
    elif report:
        sys.stdout.write(report if report.endswith("\n") else report + "\n")
    code = exit_code(results, settings)
    if exit_when_checked:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process at once, its output flushed, without freeing what the check built.

    A large file's parse, findings and report are millions of small objects; freeing them one
    by one when `_check` returns, then at interpreter shutdown, was a seventh of a 10 MB
    check (0.27 s). Nothing else is left to do: the report is written (`--output` atomically
    and closed), the registry, if one was opened, only read."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
