"""`modelfile-ls --check`: find Modelfiles, analyze them and decide the exit code."""

from __future__ import annotations

import gc
import os
import sys
from _operator import attrgetter

from modelfile_ls.analysis.engine import analyze
from modelfile_ls.analysis.rule import ModelCatalog
from modelfile_ls.locations import REGISTRY_ENV_VAR
from modelfile_ls.report.model import FileResult
from modelfile_ls.settings import Settings
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.syntax import parse_bytes

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

MODELFILE_PATTERNS = ("Modelfile", "Modelfile.*", "*.Modelfile", "*.modelfile")
_SEVERITY = attrgetter("severity")
_SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}
STDIN = "-"


class PathError(Exception):
    """A path given on the command line that cannot be checked (exit code 2)."""


class Target(NamedTuple):
    """One file to check: where to read it and how to show it."""

    display: str
    path: str | None
    """None for standard input."""


def is_modelfile_name(name: str) -> bool:
    """Whether a file name is one `--check` discovers in directories."""
    return any(_matches(name, pattern) for pattern in MODELFILE_PATTERNS)


def _matches(name: str, pattern: str) -> bool:
    # `fnmatch.fnmatch` for a pattern with at most one `*` (all of MODELFILE_PATTERNS), case
    # folded as it folds (os.path.normcase: on Windows only). Not fnmatch itself: it imports
    # `re`, which a `--check` of a plain Modelfile never needs (bench/lazy_imports.py,
    # "check path: re").
    name, pattern = os.path.normcase(name), os.path.normcase(pattern)
    head, star, tail = pattern.partition("*")
    if not star:
        return name == pattern
    return len(name) >= len(head) + len(tail) and name.startswith(head) and name.endswith(tail)


def discover(paths: Sequence[str]) -> list[Target]:
    """Expand command-line paths: files as given, directories searched recursively."""
    targets: list[Target] = []
    for given in paths or ["."]:
        if given == STDIN:
            targets.append(Target(STDIN, None))
            continue
        if os.path.isdir(given):
            targets.extend(Target(found, found) for found in _walk(given))
        elif os.path.isfile(given):
            targets.append(Target(given, given))
        elif os.path.exists(given):
            raise PathError(f"{given}: not a regular file or directory")
        else:
            raise PathError(f"{given}: no such file or directory")
    return targets


def _walk(root: str) -> Iterator[str]:
    """Modelfiles below a directory, sorted, skipping hidden and dependency folders."""
    for folder, dirs, files in os.walk(root, onerror=_raise):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for name in sorted(files):
            if is_modelfile_name(name):
                yield _spelled(os.path.join(folder, name))


def _spelled(path: str) -> str:
    """A path as pathlib spells it (`./a//Modelfile` as `a/Modelfile`): without `.` parts and
    repeated slashes, `..` kept (it may cross a link)."""
    parts = [part for part in path.split(os.sep) if part not in ("", ".")]
    return (os.sep if os.path.isabs(path) else "") + os.sep.join(parts)


def _raise(error: OSError) -> None:
    raise PathError(f"{error.filename}: {error.strerror}")


def check_targets(
    targets: list[Target], settings: Settings, catalog: ModelCatalog | None = None
) -> list[FileResult]:
    """Check each target in turn, with the cyclic garbage collector kept out of the way.

    A large Modelfile becomes hundreds of thousands of small objects that all live until
    the report is written. CPython's collector would walk them again and again as they are
    allocated (more than half of the time of a 10 MB check), yet parsing and analysing make
    no reference cycles to collect. So it is paused while a file is checked, and what the
    file left behind is then frozen (`gc.freeze`), so collections later in the run, while
    the report is rendered, skip it.
    """
    results = []
    for target in targets:
        gc.disable()
        try:
            results.append(check_target(target, settings, catalog))
        finally:
            gc.freeze()
            gc.enable()
    return results


def check_target(
    target: Target, settings: Settings, catalog: ModelCatalog | None = None
) -> FileResult:
    """Read, parse and analyze one target."""
    if target.path is None:
        data = sys.stdin.buffer.read()
        base_dir = os.getcwd()
    else:
        try:
            with open(target.path, "rb") as stream:
                data = stream.read()
        except OSError as exc:
            raise PathError(f"{target.display}: cannot read: {exc.strerror}") from None
        base_dir = os.path.dirname(os.path.realpath(target.path))
    parsed = parse_bytes(data)
    findings = analyze(parsed, settings, catalog, base_dir)
    return FileResult(target.display, parsed.text, parsed.lines, tuple(findings), parsed)


def open_catalog(explicit: str | None) -> ModelCatalog | None:
    """The registry for registry-backed rules (MF209), only when one is configured.

    `--check` is hermetic by default: the same files give the same findings on every machine,
    whatever the user's own registry holds. `--registry PATH`, the config key `registry` or
    `$MODELFILE_LS_REGISTRY` opt in (the file is created and seeded if missing). A registry
    that cannot be opened is reported and skipped, never fatal.
    """
    path = explicit or os.environ.get(REGISTRY_ENV_VAR)
    if not path:
        return None
    # Lazy: the registry (sqlite3 and the store) adds 50% to the `--check` imports
    # (bench/lazy_imports.py), and a hermetic check does not open it.
    from modelfile_ls.registry import RegistryError, open_registry

    try:
        return open_registry(path)
    except RegistryError as exc:
        print(f"modelfile-ls: registry not used: {exc}", file=sys.stderr)
        return None


def exit_code(results: list[FileResult], settings: Settings) -> int:
    """1 when any finding reaches the `--fail-on` threshold, else 0."""
    threshold = settings.fail_on
    if threshold is None:
        return 0
    # The worst severity of each file found in C: a 10 MB few-shot file has a hundred thousand
    # findings.
    worst = [max(map(_SEVERITY, result.findings)) for result in results if result.findings]
    return 1 if worst and max(worst) >= threshold else 0
