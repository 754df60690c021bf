"""Helix and Zed: the configuration parses, names the package's patterns, queries and server,
and each install script installs what it says (run into a temporary home)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import tomllib
from pathlib import Path
from typing import Any

from modelfile_ls.check import MODELFILE_PATTERNS
from tests.conftest import ROOT
from tests.editors.conftest import EDITORS

HELIX = EDITORS / "helix"
ZED = EDITORS / "zed"
QUERIES = ROOT / "grammar" / "queries"


def toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def run_script(script: Path, *args: str, **env: str) -> str:
    done = subprocess.run(
        ["sh", str(script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_helix_language_uses_the_checkers_patterns_and_the_server() -> None:
    config = toml(HELIX / "languages.toml")
    (language,) = config["language"]
    assert language["name"] == "modelfile"
    assert [entry["glob"] for entry in language["file-types"]] == list(MODELFILE_PATTERNS)
    assert language["comment-token"] == "#"
    servers = config["language-server"]
    assert language["language-servers"] == list(servers)
    assert servers["modelfile-ls"]["config"] == {"modelfile": {}}


def test_helix_install_builds_the_parser_and_queries(tmp_path: Path) -> None:
    run_script(HELIX / "install.sh", XDG_CONFIG_HOME=str(tmp_path))
    runtime = tmp_path / "helix" / "runtime"
    parser = ctypes.CDLL(str(runtime / "grammars" / "modelfile.so"))
    assert parser.tree_sitter_modelfile  # the entry point Helix loads
    for name in ("highlights.scm", "injections.scm"):
        installed = (runtime / "queries" / "modelfile" / name).read_text(encoding="utf-8")
        source = (QUERIES / name).read_text(encoding="utf-8")
        assert len(installed.splitlines()) == len(source.splitlines())
    highlights = (runtime / "queries" / "modelfile" / "highlights.scm").read_text(encoding="utf-8")
    assert "@variable.other.member" in highlights and "@constant.numeric" in highlights
    assert "@property" not in highlights and "@number" not in highlights


def test_helix_install_adds_the_language_once(tmp_path: Path) -> None:
    for _ in range(2):
        run_script(HELIX / "install.sh", XDG_CONFIG_HOME=str(tmp_path))
    merged = toml(tmp_path / "helix" / "languages.toml")
    assert [language["name"] for language in merged["language"]] == ["modelfile"]


def test_zed_manifest_language_and_queries() -> None:
    manifest = toml(ZED / "extension.toml")
    assert manifest["schema_version"] == 1 and manifest["id"] == "modelfile"
    language = toml(ZED / "languages" / "modelfile" / "config.toml")
    assert manifest["language_servers"]["modelfile-ls"]["languages"] == [language["name"]]
    assert language["grammar"] == "modelfile"
    # Zed matches a suffix against the whole name or the extension: Modelfile, *.Modelfile,
    # *.modelfile (Modelfile.* needs the user's file_types setting, README says so).
    covered = {"Modelfile", "*.Modelfile", "*.modelfile"}
    assert {f"*.{s}" for s in language["path_suffixes"]} | {"Modelfile"} >= covered
    assert covered <= set(MODELFILE_PATTERNS)
    for query in sorted((ZED / "languages" / "modelfile").glob("*.scm")):
        assert query.read_bytes() == (QUERIES / query.name).read_bytes(), (
            f"{query.name}: copy grammar/queries"
        )
    assert (ZED / "languages" / "modelfile" / "highlights.scm").exists()


def test_zed_rust_part_is_a_pinned_cdylib() -> None:
    cargo = toml(ZED / "Cargo.toml")
    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert (ZED / cargo["lib"]["path"]).exists()
    (version,) = cargo["dependencies"].values()
    assert version.startswith("="), "pin the extension API exactly"


def test_zed_install_points_the_grammar_at_this_checkout(tmp_path: Path) -> None:
    destination = tmp_path / "zed"
    run_script(ZED / "install.sh", str(destination))
    manifest = toml(destination / "extension.toml")
    grammar = manifest["grammars"]["modelfile"]
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    )
    assert grammar == {
        "repository": f"file://{ROOT}",
        "rev": head.stdout.strip(),
        "path": "grammar",
    }
    assert (ROOT / grammar["path"] / "src" / "parser.c").exists()
    for name in ("highlights.scm", "injections.scm", "config.toml"):
        assert (destination / "languages" / "modelfile" / name).exists()
    assert (destination / "src" / "lib.rs").exists()
