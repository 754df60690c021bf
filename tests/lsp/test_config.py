"""Configuration: initializationOptions, the `modelfile` section of workspace/configuration,
changes applied without a restart, and bad values reported without stopping the server."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import client_capabilities

from tests.lsp.conftest import Session, Start

TYPO = "FROM llama3.2\nPARAMETER temprature 0.7\nPARAMETER f16_kv true\n"


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


async def test_initialization_options(start: Start) -> None:
    session = await start(init_options={"ignore": ["MF1"]})
    assert await session.diagnostics(session.open(TYPO)) == []


async def test_workspace_configuration_overrides_initialization_options(start: Start) -> None:
    session = await start(
        init_options={"ignore": ["MF101"]},
        configuration={"ignore": [], "severity": {"MF104": "error"}, "trace": {"server": "off"}},
    )
    found = {d.code: d for d in await session.diagnostics(session.open(TYPO))}
    assert set(found) == {"MF101", "MF104"}
    assert found["MF104"].severity == types.DiagnosticSeverity.Error


async def changed_configuration(session: Session, uri: str, settings: object) -> list[str]:
    """Send didChangeConfiguration and return the document's diagnostics under it."""
    mark = len(session.recorder.published)
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings=settings)
    )
    return codes(await session.diagnostics(uri, after=mark))


async def test_changes_apply_without_restart(start: Start) -> None:
    session = await start()
    uri = session.open(TYPO)
    assert codes(await session.diagnostics(uri)) == ["MF101", "MF104"]
    session.client.set_configuration({"select": ["MF104"]}, section="modelfile")
    assert await changed_configuration(session, uri, None) == ["MF104"]
    session.client.set_configuration({"severity": {"MF104": "off"}}, section="modelfile")
    assert await changed_configuration(session, uri, None) == ["MF101"]


async def test_pushed_settings_for_clients_without_configuration_requests(
    start: Start, client_name: str
) -> None:
    capabilities = client_capabilities(client_name)
    assert capabilities.workspace is not None
    capabilities.workspace.configuration = False
    session = await start(capabilities=capabilities)
    uri = session.open(TYPO)
    assert codes(await session.diagnostics(uri)) == ["MF101", "MF104"]
    settings = {"modelfile": {"ignore": ["MF104"]}}
    assert await changed_configuration(session, uri, settings) == ["MF101"]


async def test_bad_configuration_is_shown_and_defaults_apply(start: Start) -> None:
    session = await start(configuration={"severity": {"MF101": "loud"}, "colour": "red"})
    message = await session.shown_containing("configuration section `modelfile`")
    assert message.type == types.MessageType.Warning
    assert "unknown key 'colour'" in message.message
    assert codes(await session.diagnostics(session.open(TYPO))) == ["MF101", "MF104"]


async def test_configuration_changes_are_registered_for_where_needed(
    session: Session, client_name: str
) -> None:
    await session.diagnostics(session.open(TYPO))
    registered = [r.method for r in session.recorder.registrations]
    if client_name == "visual-studio-code":
        assert registered == [types.WORKSPACE_DID_CHANGE_CONFIGURATION]
    else:
        assert registered == []  # Neovim sends didChangeConfiguration without registration


async def test_unusable_registry_is_reported_once_and_ignored(start: Start, tmp_path: Path) -> None:
    folder = tmp_path / "a-directory"
    folder.mkdir()
    session = await start(init_options={"registry": str(folder)})
    message = await session.shown_containing("registry not available")
    assert "is a directory" in message.message
    uri = session.open(TYPO)
    assert codes(await session.diagnostics(uri)) == ["MF101", "MF104"]
    session.client.set_configuration({"ignore": ["MF104"]}, section="modelfile")
    assert await changed_configuration(session, uri, None) == ["MF101"]
    assert sum("registry not available" in m.message for m in session.recorder.shown) == 1


async def test_folder_config_file_applies_under_editor_settings(
    start: Start, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / ".modelfile-ls.toml").write_text(
        'ignore = ["MF101"]\nseverity = { MF104 = "error" }\n'
    )
    modelfile = project / "models" / "Modelfile"
    modelfile.write_text(TYPO)
    session = await start(configuration={"severity": {"MF104": "hint"}})
    found = {d.code: d for d in await session.diagnostics(session.open(TYPO, modelfile.as_uri()))}
    assert set(found) == {"MF104"}
    assert found["MF104"].severity == types.DiagnosticSeverity.Hint
    untitled = codes(await session.diagnostics(session.open(TYPO)))
    assert untitled == ["MF101", "MF104"]


async def test_broken_folder_config_is_reported_not_fatal(start: Start, tmp_path: Path) -> None:
    (tmp_path / ".modelfile-ls.toml").write_text("ignore = [\n")
    modelfile = tmp_path / "Modelfile"
    modelfile.write_text(TYPO)
    session = await start()
    assert codes(await session.diagnostics(session.open(TYPO, modelfile.as_uri()))) == [
        "MF101",
        "MF104",
    ]
    shown = await session.shown_containing(".modelfile-ls.toml")
    assert "cannot read configuration" in shown.message
