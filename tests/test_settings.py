"""Settings from `.modelfile-ls.toml`, `pyproject.toml` and the editor go through one converter:
every bad key gets its own located line, and good keys convert the same from both sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelfile_ls import settings
from modelfile_ls.cli import main
from modelfile_ls.lsp.config import settings_from_client
from modelfile_ls.settings import (
    CONFIG_KEYS,
    ConfigError,
    Settings,
    load_settings,
    parse_codes,
    parse_fail_on,
    settings_from_mapping,
)
from modelfile_ls.severity import Severity

BAD_TOML = """\
select = ["MF1", 2]
ignore = "MF104,E501"
fail_on = "warning"
ollama-host = 11434
ollama-hosts = ["127.0.0.1:11434", 5]
[severity]
MF101 = "loud"
W291 = "error"
MF2 = 3
"""
EXPECTED_LINES = [
    'select: expected a list of rule codes such as ["MF101"], got the number 2',
    "ignore: E501 is not a rule code (codes look like MF101)",
    "unknown key 'fail_on'; did you mean 'fail-on'? (known: fail-on, ignore, ollama-host,"
    " ollama-hosts, registry, select, severity)",
    "ollama-host: expected a string, got the number 11434",
    'ollama-hosts: expected a list of hosts such as ["127.0.0.1:11434", "http://gpu-box:11434"],'
    " got the number 5 in the list",
    "severity.MF101: unknown severity 'loud' (use error, warning, info, hint or off)",
    "severity.W291: W291 is not a rule code (codes look like MF101)",
    "severity.MF2: expected a severity name (error, warning, info, hint or off), got the number 3",
]


def test_every_bad_key_in_a_toml_file_has_its_own_line(tmp_path: Path) -> None:
    config = tmp_path / ".modelfile-ls.toml"
    config.write_text(BAD_TOML)
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert str(raised.value).splitlines() == [f"{config}: {line}" for line in EXPECTED_LINES]


def test_bad_keys_in_pyproject_stop_the_check_with_every_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = BAD_TOML.replace("[severity]", "[tool.modelfile-ls.severity]")
    (tmp_path / "pyproject.toml").write_text("[tool.modelfile-ls]\n" + body)
    (tmp_path / "Modelfile").write_text("FROM llama3.2\n")
    monkeypatch.chdir(tmp_path)
    assert main(["--check", "."]) == 2
    err = capsys.readouterr().err
    for line in EXPECTED_LINES:
        assert f"pyproject.toml: {line}" in err


def test_every_bad_key_from_the_editor_has_its_own_line() -> None:
    where = "configuration section `modelfile`"
    editor = {
        "modelfile": {"severity": {"MF101": "loud"}, "colour": "red", "registry": False},
        "trace": "off",
    }
    message = settings_from_client([({"fail-on": "never"}, "init"), (editor, where)])
    assert isinstance(message, str)
    assert message.splitlines() == [
        f"init / {where}: severity.MF101: unknown severity 'loud' (use error, warning, info,"
        " hint or off)",
        f"init / {where}: unknown key 'colour' (known: fail-on, ignore, ollama-host,"
        " ollama-hosts, registry, select, severity)",
        f"init / {where}: registry: expected a string, got false",
    ]
    shape = settings_from_client([(["MF101"], where)])
    assert shape == f"{where}: expected an object of settings, got list"


def test_the_same_keys_convert_the_same_from_toml_and_from_the_editor(tmp_path: Path) -> None:
    config = tmp_path / ".modelfile-ls.toml"
    config.write_text(
        'select = ["mf1", " MF2 "]\nignore = "MF104"\nfail-on = "never"\n'
        'ollama-host = "127.0.0.1:11434"\nregistry = "r.sqlite3"\n'
        'ollama-hosts = [" 127.0.0.1:11434 ", "gpu-box"]\n'
        '[severity]\nmf104 = "OFF"\nMF101 = "Warning"\n'
    )
    expected = Settings(
        select=frozenset({"MF1", "MF2"}),
        ignore=frozenset({"MF104"}),
        severity={"MF104": None, "MF101": Severity.WARNING},
        fail_on=None,
        ollama_host="127.0.0.1:11434",
        ollama_hosts=("127.0.0.1:11434", "gpu-box"),
        registry_path="r.sqlite3",
    )
    assert load_settings(config) == expected.merged(config_file=config)
    editor = {
        "select": ["mf1", " MF2 "],
        "ignore": ["MF104"],
        "fail-on": "never",
        "ollama-host": "127.0.0.1:11434",
        "ollama-hosts": [" 127.0.0.1:11434 ", "gpu-box"],
        "registry": "r.sqlite3",
        "severity": {"mf104": "OFF", "MF101": "Warning"},
    }
    assert settings_from_client([(editor, "editor")]) == expected
    assert settings_from_mapping({}, "empty") == Settings()
    converted = {key for key in CONFIG_KEYS if key != "severity"}
    assert converted == set(settings._CONVERTERS)


def test_flags_share_the_converters() -> None:
    assert parse_codes("MF1, mf201", "--select") == frozenset({"MF1", "MF201"})
    assert parse_fail_on("never", "--fail-on") is None
    assert parse_fail_on("Warning", "--fail-on") is Severity.WARNING
    with pytest.raises(ConfigError, match=r"^--ignore: E1 is not a rule code"):
        parse_codes("E1", "--ignore")


def test_ollama_hosts_must_be_a_list_of_host_strings() -> None:
    with pytest.raises(
        ConfigError,
        match=r"^f: ollama-hosts: expected a list of hosts .* got the"
        r" string 'a,b'$",
    ):
        settings_from_mapping({"ollama-hosts": "a,b"}, "f")
    with pytest.raises(ConfigError, match=r"got the string '  ' in the list$"):
        settings_from_mapping({"ollama-hosts": ["a", "  "]}, "f")
