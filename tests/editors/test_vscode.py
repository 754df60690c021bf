"""The VS Code extension built and tested as CI builds it: `tsc --noEmit`, the mocha unit and
grammar tests (stand-in vscode module and language client), and `vsce package`."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

from tests.conftest import SHARED
from tests.editors.conftest import VSCODE


def npx(node_modules: Path, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MODELFILE_LS_SHARED": str(SHARED)}
    env.pop("UPDATE_SNAPSHOTS", None)
    return subprocess.run(
        [str(node_modules / ".bin" / tool), *args],
        cwd=VSCODE,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_typescript_is_clean(node_modules: Path) -> None:
    checked = npx(node_modules, "tsc", "-p", ".", "--noEmit")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_unit_and_grammar_tests_pass(node_modules: Path) -> None:
    built = npx(node_modules, "tsc", "-p", ".")
    assert built.returncode == 0, built.stdout + built.stderr
    tested = npx(node_modules, "mocha", "--reporter", "dot")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    passing = re.search(r"(\d+) passing", tested.stdout)
    assert passing and int(passing.group(1)) >= 40, tested.stdout
    assert "failing" not in tested.stdout and "pending" not in tested.stdout


def test_vsce_packages_the_extension_and_nothing_else(node_modules: Path, tmp_path: Path) -> None:
    vsix = tmp_path / "modelfile-ls.vsix"
    packaged = npx(
        node_modules,
        "vsce",
        "package",
        "--skip-license",
        "--allow-missing-repository",
        "-o",
        str(vsix),
    )
    assert packaged.returncode == 0, packaged.stdout + packaged.stderr
    with zipfile.ZipFile(vsix) as archive:
        names = {
            name.lower() if name.lower() == "extension/readme.md" else name
            for name in archive.namelist()
        }
    for required in (
        "extension/package.json",
        "extension/readme.md",
        "extension/language-configuration.json",
        "extension/syntaxes/modelfile.tmLanguage.json",
        "extension/out/src/extension.js",
        "extension/out/src/middleware.js",
        "extension/node_modules/vscode-languageclient/package.json",
        "extension.vsixmanifest",
    ):
        assert required in names, required
    leaked = sorted(
        n
        for n in names
        if n.startswith(
            ("extension/src/", "extension/test/", "extension/out/test/", "extension/scripts/")
        )
        or re.match(
            r"extension/node_modules/(typescript|mocha|@vscode/vsce|@types|vscode-textmate)/", n
        )
        or n.endswith((".ts", ".map"))
    )
    assert leaked == []
