"""One source for the facts the editor packages share with the server (issue 11, item 4): the
command ids and titles (vocabulary.COMMAND_TITLES), the settings keys (settings.CONFIG_KEYS),
the file patterns (check.MODELFILE_PATTERNS), the status notification and the console script.
No editor package can offer a command the server does not have."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from modelfile_ls import settings as settings_module
from modelfile_ls import vocabulary
from modelfile_ls.check import MODELFILE_PATTERNS
from modelfile_ls.lsp.config import settings_from_client
from modelfile_ls.lsp.element_commands import ELEMENT_COMMANDS
from modelfile_ls.settings import CHECK_ONLY_KEYS, CONFIG_KEYS, Settings
from modelfile_ls.vocabulary import (
    COMMAND_TITLES,
    OLLAMA_STATUS_NOTIFICATION,
    PROMPT_PREVIEW_NOTIFICATION,
)
from tests.conftest import ROOT
from tests.editors.conftest import EDITORS, NEOVIM, VSCODE

MANIFEST: dict[str, Any] = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
CONTRIBUTES = MANIFEST["contributes"]
PROPERTIES: dict[str, dict[str, Any]] = CONTRIBUTES["configuration"]["properties"]
CLIENT_COMMANDS = {
    "modelfile.restartServer": "Restart Server",
    "modelfile.showServerLog": "Show Server Log",
}
CLIENT_SETTINGS = ("modelfile.server.", "modelfile.trace.")
"""The extension's own settings: how it finds the server, and vscode-languageclient's trace."""
PALETTE = {
    "Create Model in Ollama",
    "Pull Base Model",
    "Push Model",
    "Extract Modelfile from Installed Model",
    "Sync Registry",
    "Preview Prompt",
    "Save as Element",
    "Preview Elements to Save",
    "New Modelfile from Elements",
    "Save as Draft",
    "Open Draft",
}
COMMAND_ID = re.compile(r"""["'](modelfile-ls\.[A-Za-z]+)["']""")
NOTIFICATION = re.compile(r"""["'](modelfile-ls/[A-Za-z]+)["']""")


def console_script() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (name,) = [
        n
        for n, target in pyproject["project"]["scripts"].items()
        if target == "modelfile_ls.cli:run"
    ]
    return name


def editor_sources() -> list[Path]:
    return [
        *sorted((VSCODE / "src").glob("*.ts")),
        *sorted(NEOVIM.rglob("*.lua")),
        *sorted((EDITORS / "zed" / "src").glob("*.rs")),
    ]


def test_every_vscode_server_command_is_the_servers_with_its_title() -> None:
    commands = {c["command"]: c for c in CONTRIBUTES["commands"]}
    server = {cid: c["title"] for cid, c in commands.items() if cid.startswith("modelfile-ls.")}
    assert server == {cid: COMMAND_TITLES.get(cid) for cid in server}, "unknown id or other title"
    assert set(server.values()) >= PALETTE
    client = {cid: c["title"] for cid, c in commands.items() if not cid.startswith("modelfile-ls.")}
    assert client == CLIENT_COMMANDS
    assert {c["category"] for c in commands.values()} == {"Modelfile"}


def test_every_command_id_in_the_editor_sources_is_the_servers() -> None:
    found = {
        (path.relative_to(ROOT).as_posix(), command)
        for path in editor_sources()
        for command in COMMAND_ID.findall(path.read_text(encoding="utf-8"))
    }
    assert found, "the pattern finds no command id: it is out of date"
    assert {(path, cid) for path, cid in found if cid not in COMMAND_TITLES} == set()


def test_the_notifications_are_the_servers() -> None:
    for path in editor_sources():
        for method in NOTIFICATION.findall(path.read_text(encoding="utf-8")):
            assert method in (OLLAMA_STATUS_NOTIFICATION, PROMPT_PREVIEW_NOTIFICATION), path


def test_vscode_file_patterns_are_the_checkers() -> None:
    (language,) = CONTRIBUTES["languages"]
    assert language["id"] == "modelfile"
    assert [*language["filenames"], *language["filenamePatterns"]] == list(MODELFILE_PATTERNS)


def test_vscode_settings_mirror_every_server_key() -> None:
    server = {
        key.removeprefix("modelfile.") for key in PROPERTIES if not key.startswith(CLIENT_SETTINGS)
    }
    expected = set(CONFIG_KEYS) - CHECK_ONLY_KEYS
    assert server == expected, (
        "editors/vscode/package.json contributes.configuration must declare exactly the server's"
        f" keys: add {sorted(expected - server)}, remove {sorted(server - expected)} (as"
        ' "modelfile.KEY": {"type": [..., "null"], "default": null, "markdownDescription": ...})'
    )
    for key, schema in PROPERTIES.items():
        assert schema.get("markdownDescription") or schema.get("description"), key
        if not key.startswith(CLIENT_SETTINGS):
            # null: not set, so a .modelfile-ls.toml beside the file still applies.
            assert schema["default"] is None and "null" in schema["type"], key


def test_vscode_severity_enum_is_every_severity_and_off() -> None:
    levels = PROPERTIES["modelfile.severity"]["additionalProperties"]["enum"]
    assert set(levels) == {s.label for s in settings_module.Severity} | {"off"}


def test_the_vscode_preview_is_the_servers_scheme_and_notification() -> None:
    source = (VSCODE / "src" / "preview.ts").read_text(encoding="utf-8")
    assert f'PREVIEW_SCHEME = "{vocabulary.PREVIEW_SCHEME}"' in source
    assert f'PROMPT_PREVIEW_NOTIFICATION = "{PROMPT_PREVIEW_NOTIFICATION}"' in source


def test_vscode_element_commands_are_the_servers() -> None:
    """The commands whose `{"error"}` answers the extension shows (src/commands.ts)."""
    source = (VSCODE / "src" / "commands.ts").read_text(encoding="utf-8")
    body = first_match(r"ELEMENT_COMMANDS = \[([^\]]*)\]", VSCODE / "src" / "commands.ts")
    ids = dict(re.findall(r'export const ([A-Z_]+) = "(modelfile-ls\.[A-Za-z]+)";', source))
    assert [ids[name] for name in re.findall(r"[A-Z_]+", body)] == list(ELEMENT_COMMANDS)


def vscode_section(values: dict[str, Any]) -> dict[str, Any]:
    """The `modelfile` section as VS Code answers workspace/configuration: dotted keys nested."""
    section: dict[str, Any] = {}
    for key, value in values.items():
        *parents, leaf = key.removeprefix("modelfile.").split(".")
        node = section
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = value
    return section


def test_the_server_reads_the_vscode_defaults_and_every_enum_value() -> None:
    defaults = {key: schema["default"] for key, schema in PROPERTIES.items()}
    section = vscode_section(defaults)
    # The extension's middleware removes its own sub-sections (editors/vscode/src/middleware.ts).
    server_part = {k: v for k, v in section.items() if k not in ("server", "trace")}
    assert settings_from_client([(server_part, "vscode")]) == Settings()
    for level in PROPERTIES["modelfile.severity"]["additionalProperties"]["enum"]:
        parsed = settings_from_client([({**server_part, "severity": {"MF104": level}}, "vscode")])
        assert isinstance(parsed, Settings), parsed


def test_the_textmate_grammar_is_generated_from_the_facts() -> None:
    script = VSCODE / "scripts" / "grammar.py"
    checked = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout


def test_neovim_vocabulary_matches_the_server(nvim: str, tmp_path: Path) -> None:
    dump = tmp_path / "vocabulary.json"
    lua = f"io.open([[{dump}]], 'w'):write(vim.json.encode(require('modelfile.vocabulary')))"
    subprocess.run(
        [
            nvim,
            "--headless",
            "--clean",
            "--cmd",
            f"set rtp^={NEOVIM}",
            "-c",
            f"lua {lua}",
            "-c",
            "qall!",
        ],
        check=True,
        timeout=60,
    )
    vocabulary = json.loads(dump.read_text(encoding="utf-8"))
    assert set(vocabulary["commands"].values()) <= set(COMMAND_TITLES)
    assert set(ELEMENT_COMMANDS) <= set(vocabulary["commands"].values()), "issue 12: in the editor"
    assert vocabulary["ollama_status_notification"] == OLLAMA_STATUS_NOTIFICATION
    assert vocabulary["prompt_preview_notification"] == PROMPT_PREVIEW_NOTIFICATION


def first_match(pattern: str, path: Path) -> str:
    match = re.search(pattern, path.read_text(encoding="utf-8"))
    assert match is not None, f"{pattern} not found in {path}"
    return match.group(1)


SERVER_COMMANDS = {
    "neovim": lambda: first_match(r"cmd = \{ '([^']+)' \}", NEOVIM / "lsp" / "modelfile_ls.lua"),
    "helix": lambda: tomllib.loads((EDITORS / "helix" / "languages.toml").read_text())[
        "language-server"
    ]["modelfile-ls"]["command"],
    "zed": lambda: first_match(
        r'const SERVER: &str = "([^"]+)";', EDITORS / "zed" / "src" / "lib.rs"
    ),
    "vscode": lambda: first_match(r'SERVER_EXECUTABLE = "([^"]+)"', VSCODE / "src" / "server.ts"),
}


@pytest.mark.parametrize("editor", SERVER_COMMANDS)
def test_every_editor_runs_the_packages_console_script(editor: str) -> None:
    assert SERVER_COMMANDS[editor]() == console_script()
