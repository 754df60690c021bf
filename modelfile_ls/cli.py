"""The `modelfile-ls` command line.

`modelfile-ls` alone (or `--stdio`, or `--tcp HOST:PORT`) is the language server;
`modelfile-ls --check PATHS` checks files for CI; `parse`, `rules`, `--explain`, `registry`
and the Ollama verbs (`create`, `pull`, `list`, ...) are sub-commands. The language-server
modules are imported only when serving, so the check path never loads pygls or lsprotocol.
"""

from __future__ import annotations

import gc
import os
import sys

from modelfile_ls import CODE_IMAGE
from modelfile_ls.atomic import write_atomically
from modelfile_ls.cli_options import Options, build_parser, parse_with_argparse, read_plain
from modelfile_ls.settings import (
    ConfigError,
    Settings,
    find_config,
    load_settings,
    parse_codes,
    parse_fail_on,
)
from modelfile_ls.static_types import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

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
        function = function or "main"
        # `__import__` (with a from-list it returns the submodule itself), not
        # `importlib.import_module`: `importlib` and its `warnings` were ~0.3 ms of a `--check`.
        entry = getattr(__import__(module, fromlist=(function,)), function)
        exit_status: int = entry(args[1:])
        return exit_status
    return _top_level(args, exit_when_checked)


def _top_level(args: list[str], exit_when_checked: bool) -> int:
    options = read_plain(args) or parse_with_argparse(args, list(SUBCOMMANDS))
    if options.explain:
        return _explain(options.explain)
    if options.check:
        return _check(options, exit_when_checked)
    if options.paths:
        _usage_error("checking files needs --check (without arguments modelfile-ls is a server)")
    return _serve(options.tcp)


def _usage_error(message: str) -> NoReturn:
    """argparse's usage and `message` on stderr, exit code 2."""
    build_parser(list(SUBCOMMANDS)).error(message)


def _serve(tcp: str | None) -> int:
    # Lazy: pygls and lsprotocol stay off the `--check` path; the server's imports cost five
    # times the whole check path's (bench/lazy_imports.py).
    from modelfile_ls import lsp

    if tcp is None:
        lsp.serve_stdio()
        return 0
    host, _, port = tcp.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        _usage_error(f"--tcp expects HOST:PORT, such as 127.0.0.1:2087, not {tcp!r}")
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


def _check(options: Options, exit_when_checked: bool) -> int:
    # The collector is paused while the check path's ~90 modules load: all they make lives to
    # the end of the process, and walking it again and again was ~0.9 ms of the ~20 ms a
    # 1.5k-line file takes (bench/RESULTS.md, "One code image for the check path"); frozen
    # after, so the collections of the run skip it.
    gc.disable()
    try:
        # Lazy: the check path (rules, reports) costs ~90 ms on top of the command line
        # (bench/lazy_imports.py); the server and the sub-commands must not pay it.
        from modelfile_ls.analysis.rules import RULES_BY_CODE
        from modelfile_ls.check import PathError, check_targets, discover, exit_code, open_catalog
        from modelfile_ls.report import render_pieces
    finally:
        gc.freeze()
        gc.enable()

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
    report = render_pieces(options.format, results, RULES_BY_CODE, color=color)
    if options.output:
        try:
            write_atomically(options.output, report)
        except OSError as exc:
            print(f"modelfile-ls: cannot write {options.output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        _print_pieces(report)
    code = exit_code(results, settings)
    # After the report, so the user never waits on it; only when the image lacks a module.
    CODE_IMAGE.update(list(sys.modules.items()))
    if exit_when_checked:
        _exit_now(code)
    return code


def _print_pieces(pieces: Iterable[str]) -> None:
    """Write a report to stdout as it is rendered, ending it in a newline unless it is empty."""
    last = ""
    for piece in pieces:
        if piece:
            sys.stdout.write(piece)
            last = piece
    if last and not last.endswith("\n"):
        sys.stdout.write("\n")


def _exit_now(code: int) -> None:
    """End the process at once, its output flushed, without freeing what the check built.

    A large file's parse, findings and report are millions of small objects; freeing them one
    by one when `_check` returns, then at interpreter shutdown, was a seventh of a 10 MB
    check (0.27 s). Nothing else is left to do: the report is written (`--output` atomically
    and closed), the registry, if one was opened, only read."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
