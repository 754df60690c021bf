"""One Settings object, built from flags, a config file or the editor's configuration, all
through the same converters."""

from __future__ import annotations

import os

from modelfile_ls.severity import Severity
from modelfile_ls.static_types import TYPE_CHECKING, Any, NamedTuple
from modelfile_ls.suggest import closest

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from types import MappingProxyType
else:
    # How `types` itself defines it: importing `types` was ~0.1 ms of every `--check`.
    MappingProxyType = type(type.__dict__)

CONFIG_FILES = (".modelfile-ls.toml", "pyproject.toml")
CONFIG_KEYS = (
    "select",
    "ignore",
    "severity",
    "fail-on",
    "ollama-host",
    "ollama-hosts",
    "registry",
)
"""Every key of `[tool.modelfile-ls]`, `.modelfile-ls.toml` and the LSP `modelfile` section (the
editor packages' settings are checked against it: tests/editors/test_shared_facts.py)."""
CHECK_ONLY_KEYS = frozenset({"fail-on"})
"""Keys that only `--check` reads (its exit status), so editors offer no setting for them."""


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the place."""


_NO_OVERRIDES: Mapping[str, Severity | None] = MappingProxyType({})


class Settings(NamedTuple):
    """What to check and how to report it.

    A NamedTuple, not a dataclass: `dataclasses` (with `inspect`) would add 18% to the
    `--check` imports (bench/lazy_imports.py), and nothing else on that path needs it."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity | None] = _NO_OVERRIDES
    """Per-code severity override; None turns the rule off."""
    fail_on: Severity | None = Severity.ERROR
    """Lowest severity that makes `--check` exit 1; None never fails."""
    ollama_host: str | None = None
    ollama_hosts: tuple[str, ...] = ()
    """Hosts in failover order (`ollama-hosts`); when given, they replace `ollama_host`."""
    registry_path: str | None = None
    config_file: str | None = None

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
        return self._replace(**changes)


def _matches(code: str, patterns: frozenset[str]) -> bool:
    """`MF1` selects every MF1xx code, like ruff's prefix selection."""
    return any(code.startswith(p) for p in patterns)


class _Invalid(ValueError):
    """A value that does not convert; the message says what was expected (without the place)."""


def _codes(value: object) -> frozenset[str]:
    """Codes or prefixes: a list of strings, or one comma-separated string (as flags give)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise _Invalid(f'expected a list of rule codes such as ["MF101"], got {_shown(value)}')
    for item in items:
        if not isinstance(item, str):
            raise _Invalid(f'expected a list of rule codes such as ["MF101"], got {_shown(item)}')
    codes = frozenset(item.strip().upper() for item in items if item.strip())
    bad = sorted(code for code in codes if not code.startswith("MF"))
    if bad:
        raise _Invalid(f"{', '.join(bad)} is not a rule code (codes look like MF101)")
    return codes


def _level(value: object, off: str) -> Severity | None:
    """A severity name, or None for `off` (the word that disables: `never`, `off`)."""
    if not isinstance(value, str):
        raise _Invalid(
            f"expected a severity name (error, warning, info, hint or {off}), got {_shown(value)}"
        )
    if value.strip().lower() == off:
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        raise _Invalid(
            f"unknown severity {value!r} (use error, warning, info, hint or {off})"
        ) from None


def _fail_on(value: object) -> Severity | None:
    return _level(value, "never")


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected a string, got {_shown(value)}")
    return value


def _hosts(value: object) -> tuple[str, ...]:
    example = 'expected a list of hosts such as ["127.0.0.1:11434", "http://gpu-box:11434"]'
    if not isinstance(value, list):
        raise _Invalid(f"{example}, got {_shown(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _Invalid(f"{example}, got {_shown(item)} in the list")
    return tuple(item.strip() for item in value)


def _shown(value: object) -> str:
    """A wrong value as TOML and JSON spell it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "null" if value is None else type(value).__name__


_CONVERTERS: dict[str, tuple[str, Callable[[object], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "fail-on": ("fail_on", _fail_on),
    "ollama-host": ("ollama_host", _string),
    "ollama-hosts": ("ollama_hosts", _hosts),
    "registry": ("registry_path", _string),
}
"""Each configuration key (as in `.modelfile-ls.toml` and the editor's settings): the Settings
field it sets and the converter that checks its value. `severity` is a table, read below.
A table of small converters rather than cattrs: importing cattrs would add about a third to the
`--check` imports (bench/lazy_imports.py), and its generic errors name types, not our keys."""


def parse_codes(values: object, where: str) -> frozenset[str]:
    """Normalise a list of codes or prefixes from a file or a comma-separated flag."""
    try:
        return _codes(values)
    except _Invalid as exc:
        raise ConfigError(f"{where}: {exc}") from None


def parse_fail_on(text: str, where: str) -> Severity | None:
    """`error|warning|info|hint|never` to a threshold."""
    try:
        return _fail_on(text)
    except _Invalid as exc:
        raise ConfigError(f"{where}: {exc}") from None


def settings_from_mapping(data: dict[str, Any], where: str) -> Settings:
    """Settings from a `[tool.modelfile-ls]` table or an LSP configuration object; every bad
    key is reported, one line each, in one ConfigError."""
    fields: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key == "severity":
            fields["severity"] = _severities(value, problems)
        elif key in _CONVERTERS:
            name, convert = _CONVERTERS[key]
            try:
                fields[name] = convert(value)
            except _Invalid as exc:
                problems.append(f"{key}: {exc}")
        else:
            problems.append(_unknown_key(str(key)))
    if problems:
        raise ConfigError("\n".join(f"{where}: {problem}" for problem in problems))
    return Settings(**fields)


def _severities(value: object, problems: list[str]) -> dict[str, Severity | None]:
    if not isinstance(value, dict):
        problems.append(f'severity: expected a table of CODE = "warning", got {_shown(value)}')
        return {}
    levels: dict[str, Severity | None] = {}
    for code, level in value.items():
        try:
            (checked,) = _codes([code]) or _codes([repr(code)])
            levels[checked] = _level(level, "off")
        except _Invalid as exc:
            problems.append(f"severity.{code}: {exc}")
    return levels


def _unknown_key(key: str) -> str:
    message = f"unknown key {key!r}"
    guess = closest(key.replace("_", "-").lower(), CONFIG_KEYS, cutoff=0.6)
    if guess:
        message += f"; did you mean {guess!r}?"
    return f"{message} (known: {', '.join(sorted(CONFIG_KEYS))})"


def find_config(start: str) -> str | None:
    """The nearest `.modelfile-ls.toml`, or `pyproject.toml` with a `[tool.modelfile-ls]` table,
    in `start` (a directory, or a file's) or a directory above it."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if not os.path.isfile(candidate):
                continue
            if name == "pyproject.toml" and "modelfile-ls" not in _tool_table(candidate):
                continue
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8") as stream:
        return stream.read()


def _read_toml(path: str) -> dict[str, Any]:
    # Lazy: most runs have no config file, and tomllib adds 6% to the `--check` imports
    # (bench/lazy_imports.py).
    import tomllib

    try:
        return tomllib.loads(_read_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _tool_table(path: str) -> dict[str, Any]:
    try:
        if "[tool.modelfile-ls" not in _read_text(path):
            return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    tool = _read_toml(path).get("tool", {})
    return tool if isinstance(tool, dict) else {}


def config_table(path: str) -> dict[str, Any]:
    """The raw settings of a config file: `.modelfile-ls.toml` whole, or pyproject's table."""
    table = (
        _tool_table(path).get("modelfile-ls", {})
        if os.path.basename(path) == "pyproject.toml"
        else _read_toml(path)
    )
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.modelfile-ls] must be a table")
    return table


def load_settings(path: str) -> Settings:
    """Read settings from a config file (`.modelfile-ls.toml` top level or pyproject's table)."""
    return settings_from_mapping(config_table(path), path).merged(config_file=path)
