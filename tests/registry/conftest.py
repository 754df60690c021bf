"""Registry test fixtures: every test gets its own registry file, never the user's."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from modelfile_ls.registry import Registry, open_registry
from modelfile_ls.registry.cli import main


@pytest.fixture(autouse=True)
def _isolated_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point $MODELFILE_LS_REGISTRY at a temporary file and keep table output 100 wide."""
    path = tmp_path / "data" / "registry.sqlite3"
    monkeypatch.setenv("MODELFILE_LS_REGISTRY", str(path))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    return path


@pytest.fixture
def registry_path(_isolated_registry: Path) -> Path:
    """The registry file this test uses (not created yet)."""
    return _isolated_registry


@pytest.fixture
def registry(registry_path: Path) -> Iterator[Registry]:
    """An open, seeded registry."""
    with open_registry(registry_path) as opened:
        yield opened


@dataclass
class Result:
    """What one CLI run produced."""

    code: int
    out: str
    err: str


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Cli]:
    """Run `modelfile-ls registry ARGS` in-process: `cli("list", "--limit", "3")`."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        out = io.StringIO()
        code = main(list(args), out=out)
        captured = capsys.readouterr()
        return Result(code, out.getvalue() + captured.out, captured.err)

    yield run
