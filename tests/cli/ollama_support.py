"""Running the Ollama verbs in tests: `main(argv)` with captured output, or a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from modelfile_ls.cli import main
from tests.conftest import ROOT


@dataclass(frozen=True)
class Outcome:
    """What a run printed and returned."""

    code: int
    out: str
    err: str


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Outcome:
    """Run the command line in this process (stdout/stderr captured: not a terminal)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def spawn(*argv: str) -> subprocess.Popen[str]:
    """The command line as a child process, its output piped (not a terminal)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("OLLAMA_HOST", None)
    return subprocess.Popen(
        [sys.executable, "-m", "modelfile_ls", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
