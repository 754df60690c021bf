"""Client configuration: the `modelfile` section of `workspace/configuration`, or
initializationOptions, read into the same `Settings` the command line uses.

Keys (as in `.modelfile-ls.toml`): `select`, `ignore`, `severity` (`{"MF104": "error"}`, `off`
disables), `ollama-host`, `ollama-hosts`, `registry`. A `null` value means "not set" (VS Code
sends one for a declared setting without a default); `trace` is the client's own
`modelfile.trace.server`.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from modelfile_ls.settings import ConfigError, Settings, settings_from_mapping

SECTION = "modelfile"
CLIENT_KEYS = frozenset({"trace"})
"""Keys that belong to the editor extension rather than the server."""


def default_settings() -> Settings:
    """Settings with nothing configured."""
    return Settings()


def settings_from_client(sources: list[tuple[object, str]]) -> Settings | str:
    """Settings from configuration objects, later ones overriding earlier ones key by key
    (each source is `(value, where it came from)`), or the error message naming the place."""
    merged: dict[str, Any] = {}
    try:
        for data, where in sources:
            merged.update(_section(data, where))
        return settings_from_mapping(merged, " / ".join(w for data, w in sources if data))
    except ConfigError as exc:
        return str(exc)


def _section(data: object, where: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected an object of settings, got {type(data).__name__}")
    section = data.get(SECTION)
    if isinstance(section, dict):
        # Accept `{"modelfile": {...}}` as well as the section itself (Neovim's `settings`).
        data = section
    return {
        key: value for key, value in data.items() if value is not None and key not in CLIENT_KEYS
    }


def supports_pull(capabilities: types.ClientCapabilities) -> bool:
    """Whether the client answers `workspace/configuration` requests."""
    workspace = capabilities.workspace
    return bool(workspace and workspace.configuration)


def supports_change_registration(capabilities: types.ClientCapabilities) -> bool:
    """Whether the client notifies configuration changes only after dynamic registration."""
    workspace = capabilities.workspace
    change = workspace.did_change_configuration if workspace else None
    return bool(change and change.dynamic_registration)


def configuration_request() -> types.ConfigurationParams:
    """The request for our section."""
    return types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])


def change_registration() -> types.RegistrationParams:
    """Registration that makes VS Code-style clients send didChangeConfiguration for us."""
    return types.RegistrationParams(
        registrations=[
            types.Registration(
                id="modelfile-ls/configuration",
                method=types.WORKSPACE_DID_CHANGE_CONFIGURATION,
                register_options=types.DidChangeConfigurationRegistrationOptions(section=SECTION),
            )
        ]
    )
