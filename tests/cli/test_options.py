"""The top-level options: the plain reading equals argparse's wherever it gives one."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.cli import SUBCOMMANDS
from modelfile_ls.cli_options import FLAGS, Options, parse_with_argparse, read_plain

WORDS = [flag.flag for flag in FLAGS]
WORDS += ["json", "text", "sarif", "never", "error", "always", "bad", "Modelfile", "dir/"]
WORDS += ["-", "--", "-x", "-1", "--form", "--chec", "--help", "--version", "", "a b", "MF1"]
WORDS += ["--format=json", "--format=", "--check=yes", "--select=MF1", "--tcp=1:2", "1:2"]


def argparse_reading(args: list[str]) -> Options | None:
    """argparse's options, or None when it exits (help, version or an error)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return parse_with_argparse(args, list(SUBCOMMANDS))
        except SystemExit:
            return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_the_plain_reading_is_argparses(args: list[str]) -> None:
    plain = read_plain(args)
    if plain is not None:
        assert plain == argparse_reading(args), args


PLAIN = [
    ["--check"],
    ["--check", "a", "b"],
    ["a", "b", "--check", "--format", "json"],
    ["--check", "--format=sarif", "-", "--fail-on", "never", "--output", "report.sarif"],
    ["--select", "MF1,MF201", "--ignore", "MF104", "--check", "x", "y", "--color", "never"],
    ["--check", "--check", "--format", "json", "--format", "text", "x"],
    ["--tcp", "127.0.0.1:2087"],
    ["--stdio"],
    ["--explain", "MF108"],
    [],
]


@pytest.mark.parametrize("args", PLAIN)
def test_command_lines_people_type_are_read_without_argparse(args: list[str]) -> None:
    """What CI scripts and editors run is read from the table, the same as argparse reads it."""
    plain = read_plain(args)
    assert plain is not None
    assert plain == argparse_reading(args)


UNUSUAL = [
    ["--form", "json", "--check"],  # an abbreviation
    ["--help"],
    ["--version"],
    ["--check", "--format", "yaml"],  # an invalid choice: argparse's error
    ["--check", "a", "--format", "json", "b"],  # a second run of paths: argparse's error
    ["--stdio", "--tcp", "1:2"],
    ["--check", "--", "-x"],
    ["--select"],
]


@pytest.mark.parametrize("args", UNUSUAL)
def test_anything_else_is_left_to_argparse(args: list[str]) -> None:
    assert read_plain(args) is None


def test_the_parser_keeps_the_help_it_had(capsys: pytest.CaptureFixture[str]) -> None:
    """Every option, its metavar and help, and the exclusive serving pair, in the usage."""
    with pytest.raises(SystemExit):
        parse_with_argparse(["--help"], list(SUBCOMMANDS))
    shown = capsys.readouterr().out
    assert "[--stdio | --tcp HOST:PORT]" in shown and "[PATH ...]" in shown
    for flag in FLAGS:
        assert flag.flag in shown
        if flag.help:
            assert flag.help.split("(")[0] in " ".join(shown.split())
