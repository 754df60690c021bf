"""The package's shape: imports go one way (no cycle, counting every import: module-level,
`TYPE_CHECKING` and function-local), no module over 500 lines, and every function-local import
says why it is there (a comment on it or directly above it, such as a measured start-up cost
from bench/lazy_imports.py).

Known offenders are listed by name with the engineer and issue that fix them; the lists only
shrink, and an entry that is no longer needed fails the test so that it is removed.
"""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "modelfile_ls"
MAX_LINES = 500
OFF_THE_CHECK_PATH = (
    "pygls",
    "lsprotocol",
    "httpx",
    "cattrs",
    "dataclasses",
    "shutil",
    "sqlite3",
    "modelfile_ls.lsp",
    "modelfile_ls.registry",
)
"""What `--check` never imports (bench/lazy_imports.py measures what each would cost)."""

KNOWN_CYCLES: dict[str, str] = {}
"""Modules allowed, for now, to be part of an import cycle."""

KNOWN_LONG_MODULES: dict[str, str] = {}
"""Modules allowed, for now, to exceed MAX_LINES (paths relative to modelfile_ls/)."""

KNOWN_UNEXPLAINED_LOCAL_IMPORTS: dict[str, str] = {}
"""Modules allowed, for now, to have function-local imports without a comment."""


@dataclass(frozen=True, slots=True)
class Import:
    """One `import` statement of the package, resolved to the package modules it loads."""

    module: str
    targets: frozenset[str]
    local: bool
    line: int
    explained: bool


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = package_modules()


def _resolve(name: str) -> str | None:
    """The package module that `import name` loads (a name inside a module: that module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _loaded(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """Package modules an import statement executes, with the packages around them (a module
    never counts its own enclosing packages: they are already being imported)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        names = [f"{base}.{alias.name}" for alias in node.names] or [base]
    loaded: set[str] = set()
    for name in names:
        target = _resolve(name)
        while target and target != "modelfile_ls":
            if target != module and not module.startswith(target + "."):
                loaded.add(target)
            target = target.rpartition(".")[0]
    return loaded


def _comment_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def imports_of(module: str) -> Iterator[Import]:
    """Every import statement of a module, function-local ones marked as such."""
    source = MODULES[module].read_text(encoding="utf-8")
    comments = _comment_lines(source)
    tree = ast.parse(source)
    import_lines: dict[int, int] = {}
    """The first line of each import statement, by each of its lines."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                import_lines[line] = node.lineno

    def explained(node: ast.Import | ast.ImportFrom) -> bool:
        end = node.end_lineno or node.lineno
        if any(line in comments for line in range(node.lineno, end + 1)):
            return True
        above = node.lineno - 1
        while above in import_lines:  # a group of imports shares the comment above it
            above = import_lines[above] - 1
        return above in comments

    def walk(node: ast.AST, local: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                targets = frozenset(_loaded(module, child))
                yield Import(module, targets, local, child.lineno, explained(child))
            inside = local or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from walk(child, inside)

    yield from walk(tree, False)


def import_graph() -> dict[str, set[str]]:
    return {
        module: {target for item in imports_of(module) for target in item.targets}
        for module in MODULES
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    engine = {i.line: i for i in imports_of("modelfile_ls.analysis.engine")}
    assert any("modelfile_ls.settings" in i.targets for i in engine.values())
    check = [i for i in imports_of("modelfile_ls.check") if i.local]
    assert check and all(i.explained for i in check)
    assert any("modelfile_ls.registry" in i.targets for i in check)
    convert = list(imports_of("modelfile_ls.lsp.convert"))  # `if TYPE_CHECKING:` imports
    assert any("modelfile_ls.analysis.finding" in i.targets for i in convert)


def test_no_import_cycle() -> None:
    found = cycles(import_graph())
    unexpected = [c for c in found if not set(c) <= KNOWN_CYCLES.keys()]
    assert not unexpected, "import cycles:\n" + "\n".join(" -> ".join(c) for c in unexpected)
    stale = sorted(KNOWN_CYCLES.keys() - {m for c in found for m in c})
    assert not stale, f"no longer in a cycle, remove from KNOWN_CYCLES: {stale}"


FACT_TABLES = PACKAGE / "facts" / "data"
"""Data, not code: one literal per subject, as long as its facts (the limit keeps code
focused; a table split in two would only scatter one subject)."""


def test_no_module_over_500_lines() -> None:
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in MODULES.values()
        if path.parent != FACT_TABLES
    }
    long = sorted(f"{name} ({n} lines)" for name, n in lengths.items() if n > MAX_LINES)
    unexpected = [entry for entry in long if entry.split(" ")[0] not in KNOWN_LONG_MODULES]
    assert not unexpected, f"split by concern (at most {MAX_LINES} lines): {unexpected}"
    stale = sorted(name for name in KNOWN_LONG_MODULES if lengths.get(name, 0) <= MAX_LINES)
    assert not stale, f"short enough now, remove from KNOWN_LONG_MODULES: {stale}"


def test_every_function_local_import_says_why() -> None:
    unexplained: dict[str, list[int]] = {}
    for module, path in MODULES.items():
        lines = [i.line for i in imports_of(module) if i.local and not i.explained]
        if lines:
            unexplained[str(path.relative_to(PACKAGE))] = lines
    unexpected = {k: v for k, v in unexplained.items() if k not in KNOWN_UNEXPLAINED_LOCAL_IMPORTS}
    assert not unexpected, (
        "a function-local import needs a comment saying why (a measured start-up cost, see"
        f" bench/lazy_imports.py), or move it to the top of the module: {unexpected}"
    )
    stale = sorted(KNOWN_UNEXPLAINED_LOCAL_IMPORTS.keys() - unexplained.keys())
    assert not stale, f"explained now, remove from KNOWN_UNEXPLAINED_LOCAL_IMPORTS: {stale}"


def _loaded_after(script: str, folder: Path) -> str:
    """The last line a check script prints (the unwanted modules it loaded), run in `folder`."""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_check_path_stays_light(tmp_path: Path) -> None:
    """A check with a config file, findings and every report format loads none of the server,
    network or database libraries."""
    (tmp_path / ".modelfile-ls.toml").write_text('ignore = ["MF104"]\nfail-on = "warning"\n')
    (tmp_path / "Modelfile").write_text(
        "FROM llama3.2\nPARAMETER temprature 0.7\n"
        'TEMPLATE "{{ if .System }}{{ .System }}{{ end }}"\n'
    )
    script = (
        "import sys\n"
        "from modelfile_ls.cli import main\n"
        "for fmt in ('text', 'json', 'github', 'sarif'):\n"
        "    assert main(['--check', '--format', fmt, '.']) == 1\n"
        f"heavy = {OFF_THE_CHECK_PATH!r}\n"
        "prefixes = tuple(name + '.' for name in heavy)\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.startswith(prefixes)))"
    )
    assert _loaded_after(script, tmp_path) == "[]"


OFF_WITHOUT_CONFIG = {
    "text": ("typing", "pathlib"),
    "json": ("typing", "pathlib"),
    "github": ("typing", "pathlib"),
    "sarif": ("typing",),
}
"""What a `--check` in each format does not import either when no config file is read
(tomllib imports typing; SARIF's file URIs need pathlib): `modelfile_ls.static_types` stands
in for typing, and paths are strings (bench/RESULTS.md says what each cost)."""


@pytest.mark.parametrize("report", OFF_WITHOUT_CONFIG)
def test_the_check_path_without_config_stays_lighter(tmp_path: Path, report: str) -> None:
    """A check with findings, a TEMPLATE, model paths and a folder, and no config file."""
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "Modelfile").write_text(
        "FROM llama3.2\nPARAMETER temprature 0.7\nPARAMETER top_k 1\nPARAMETER top_k 2\n"
        'TEMPLATE "{{ if .System }}{{ .System }}{{ end }}"\nADAPTER ./missing.gguf\n'
        "FROM .\nDRAFT ./model.gguf\n"
    )
    (tmp_path / "models" / "model.gguf").write_bytes(b"GGUF")
    # Forgotten first: an editable install's import hook loads pathlib before any of ours.
    script = (
        "import sys\n"
        f"unwanted = {OFF_WITHOUT_CONFIG[report]!r}\n"
        "for name in unwanted:\n"
        "    sys.modules.pop(name, None)\n"
        "from modelfile_ls.cli import main\n"
        f"assert main(['--check', '--format', {report!r}, '.']) == 1\n"
        "print(sorted(m for m in unwanted if m in sys.modules))"
    )
    assert _loaded_after(script, tmp_path) == "[]"


OFF_FOR_A_PLAIN_FILE = (
    *("re", "json", "contextlib", "fnmatch", "enum", "functools", "collections"),
    *("importlib", "types", "operator", "bisect", "math", "struct"),
)
"""What a `--check` of a Modelfile without REQUIRES, paths, suppressions or misspelled names
(difflib's suggestions) does not import, in the text and github formats: together a fifth
of its start-up (bench/lazy_imports.py measures each). 287 of the corpus's 300 files are
checked without any of them. The second line are ~0.1-0.3 ms each: `operator` and `bisect`
re-export `_operator` and `_bisect`, `math` and `struct` are shared libraries to load."""


@pytest.mark.parametrize("report", ["text", "github"])
def test_a_plain_file_is_checked_without_the_heavy_standard_modules(
    tmp_path: Path, report: str
) -> None:
    """A TEMPLATE, comments, and findings of many rules (deprecated, duplicate and
    out-of-range parameters, bad values, a would-be comment, an invalid model name, a dropped
    rune, template variables), no config file."""
    (tmp_path / "Modelfile").write_text(
        "FROM llama3.2:1b\nFROM Bad Name\nPARAMETER mirostat 1\nPARAMETER top_k 1\n"
        "PARAMETER top_k 2\nPARAMETER temperature 9 # hot\nPARAMETER num_ctx 4096.0\n"
        "PARAMETER use_mmap yes\nPARAMETER top_p 1e400\nPARAMETER stop <|end|>\n"
        'SYSTEM """Be brief.\nVery."""\nMESSAGE user Hi\nMESSAGE assistant Hello\n'
        "LICENSE MIT\n\x01PARAMETER seed 1\r\nMESSAGE assistant \u00e9t\u00e9\n# a note\n"
        'TEMPLATE """{{ if .system }}{{ .System }}{{ end }}{{ range .Messages }}{{ .Content }}'
        '{{ end }}<|end|>"""\n'
    )
    script = (
        "import sys\n"
        f"unwanted = {OFF_FOR_A_PLAIN_FILE!r}\n"
        "for name in [*sys.modules]:\n"
        "    if name.partition('.')[0] in unwanted:\n"
        "        del sys.modules[name]\n"
        "from modelfile_ls.cli import main\n"
        f"assert main(['--check', '--format', {report!r}, 'Modelfile']) == 1\n"
        "print(sorted(m for m in unwanted if m in sys.modules))"
    )
    assert _loaded_after(script, tmp_path) == "[]"


OFF_FOR_AN_ASCII_FILE = (
    "modelfile_ls.gounicode",
    "unicodedata",
    "modelfile_ls.facts.data.template",
    "modelfile_ls.analysis.model_files",
    "modelfile_ls.analysis.sniff",
)
"""What a `--check` of an ASCII Modelfile without a TEMPLATE, FROM a model name, does not
import: Go's Unicode tables (the lexer and the report judge ASCII themselves), Python's, the
template language's facts (read when a TEMPLATE is met), and the model directory selection
with its content sniffer (read for a directory): ~0.6 ms together."""


def test_an_ascii_file_without_a_template_skips_the_unicode_tables(tmp_path: Path) -> None:
    (tmp_path / "Modelfile").write_text(
        "FROM llama3.2:1b\nPARAMETER temprature 0.7\nPARAMETER top_k 1\nPARAMETER top_k 2\n"
        'SYSTEM """Be brief."""\nMESSAGE user Hi # note\nPARAMETER seed 1\n'
    )
    script = (
        "import sys\n"
        "from modelfile_ls.cli import main\n"
        "assert main(['--check', 'Modelfile']) == 1\n"
        f"print(sorted(m for m in {OFF_FOR_AN_ASCII_FILE!r} if m in sys.modules))"
    )
    assert _loaded_after(script, tmp_path) == "[]"


def test_the_grammar_keeps_only_what_is_built() -> None:
    """Editors build grammar/src with grammar/queries, the wheel compiles the Python binding;
    the other bindings' scaffolding is gone and regeneration does not bring it back."""
    grammar = ROOT / "grammar"
    scripts = json.loads((grammar / "package.json").read_text(encoding="utf-8"))["scripts"]
    assert scripts["generate"] == "tree-sitter generate --no-bindings"
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell tracked files from local ones")
    listed = subprocess.run(
        ["git", "ls-files", "grammar"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    top = {path.split("/")[1] for path in listed}
    assert top == {
        ".editorconfig",
        ".gitattributes",
        ".gitignore",
        "README.md",
        "bindings",
        "grammar.js",
        "package.json",
        "queries",
        "src",
        "test",
    }
    bindings = sorted(path for path in listed if path.startswith("grammar/bindings/"))
    assert bindings == ["grammar/bindings/python/tree_sitter_modelfile/binding.c"]
