"""One Settings object, built from flags, a config file or (later) LSP configuration."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from modelfile_ls.severity import Severity

CONFIG_FILES = (".modelfile-ls.toml", "pyproject.toml")
CONFIG_KEYS = ("select", "ignore", "severity", "fail-on", "ollama-host", "registry")
"""Every key of `[tool.modelfile-ls]`, `.modelfile-ls.toml` and the LSP `modelfile` section (the
editor packages' settings are checked against it: tests/editors/test_shared_facts.py)."""
CHECK_ONLY_KEYS = frozenset({"fail-on"})
"""Keys that only `--check` reads (its exit status), so editors offer no setting for them."""


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the place."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What to check and how to report it."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity | None] = field(default_factory=dict)
    """Per-code severity override; None turns the rule off."""
    fail_on: Severity | None = Severity.ERROR
    """Lowest severity that makes `--check` exit 1; None never fails."""
    ollama_host: str | None = None
    registry_path: str | None = None
    config_file: Path | None = None

    def enabled(self, code: str) -> bool:
        """Whether findings with this code are reported at all."""
        if self.select is not None and not _matches(code, self.select):
            return False
        if _matches(code, self.ignore):
            return False
        return self.severity.get(code, Severity.HINT) is not None

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity of a code, or the rule's default."""
        return self.severity.get(code) or default

    def merged(self, **changes: Any) -> Settings:
        """A copy with some fields replaced (flags override file configuration)."""
        return replace(self, **changes)


def _matches(code: str, patterns: frozenset[str]) -> bool:
    """`MF1` selects every MF1xx code, like ruff's prefix selection."""
    return any(code.startswith(p) for p in patterns)


def parse_codes(values: Any, where: str) -> frozenset[str]:
    """Normalise a list of codes or prefixes from a file or a comma-separated flag."""
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f'{where}: expected a list of rule codes such as ["MF101"]')
    codes = frozenset(v.strip().upper() for v in values if v.strip())
    bad = sorted(c for c in codes if not c.startswith("MF"))
    if bad:
        raise ConfigError(f"{where}: {', '.join(bad)} is not a rule code (codes look like MF101)")
    return codes


def parse_fail_on(text: str, where: str) -> Severity | None:
    """`error|warning|info|hint|never` to a threshold."""
    if text.strip().lower() == "never":
        return None
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def settings_from_mapping(data: dict[str, Any], where: str) -> Settings:
    """Settings from a `[tool.modelfile-ls]` table or an LSP configuration object."""
    known = set(CONFIG_KEYS)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    severity: dict[str, Severity | None] = {}
    raw_severity = data.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f'{where}: severity must be a table of CODE = "warning"')
    for code, level in raw_severity.items():
        if not isinstance(level, str):
            raise ConfigError(f"{where}: severity.{code} must be a string")
        severity[code.upper()] = None if level.lower() == "off" else _severity(level, where)
    return Settings(
        select=parse_codes(data["select"], f"{where}: select") if "select" in data else None,
        ignore=parse_codes(data.get("ignore", []), f"{where}: ignore"),
        severity=severity,
        fail_on=parse_fail_on(str(data.get("fail-on", "error")), f"{where}: fail-on"),
        ollama_host=_optional_str(data, "ollama-host", where),
        registry_path=_optional_str(data, "registry", where),
    )


def _severity(level: str, where: str) -> Severity:
    try:
        return Severity.parse(level)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _optional_str(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be a string")
    return value


def find_config(start: Path) -> Path | None:
    """The nearest `.modelfile-ls.toml`, or `pyproject.toml` with a `[tool.modelfile-ls]` table."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and "modelfile-ls" not in _tool_table(candidate):
                continue
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    # Lazy: most runs have no config file, and tomllib adds 6% to the `--check` imports
    # (bench/lazy_imports.py).
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _tool_table(path: Path) -> dict[str, Any]:
    try:
        if "[tool.modelfile-ls" not in path.read_text(encoding="utf-8"):
            return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    tool = _read_toml(path).get("tool", {})
    return tool if isinstance(tool, dict) else {}


def config_table(path: Path) -> dict[str, Any]:
    """The raw settings of a config file: `.modelfile-ls.toml` whole, or pyproject's table."""
    table = (
        _tool_table(path).get("modelfile-ls", {})
        if path.name == "pyproject.toml"
        else _read_toml(path)
    )
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.modelfile-ls] must be a table")
    return table


def load_settings(path: Path) -> Settings:
    """Read settings from a config file (`.modelfile-ls.toml` top level or pyproject's table)."""
    return settings_from_mapping(config_table(path), str(path)).merged(config_file=path)
