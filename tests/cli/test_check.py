"""`modelfile-ls --check`: discovery, formats, thresholds, configuration and exit codes."""

from __future__ import annotations

import fnmatch
import gc
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from modelfile_ls.check import (
    MODELFILE_PATTERNS,
    PathError,
    Target,
    check_targets,
    discover,
    is_modelfile_name,
)
from modelfile_ls.cli import main
from modelfile_ls.settings import Settings
from tests.conftest import ROOT

GOOD = "FROM llama3.2\nPARAMETER temperature 0.7\n"
BAD = "FROM llama3.2\nPARAMETER temprature 0.7\n"
WARN = "FROM llama3.2\nPARAMETER mirostat 1\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "Modelfile").write_text(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "chat.Modelfile").write_text(BAD)
    (tmp_path / "sub" / "Modelfile.dev").write_text(WARN)
    (tmp_path / "sub" / "notes.txt").write_text(BAD)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "Modelfile").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_directory_discovery_and_exit_code(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "--format", "json")
    files = {item["file"] for item in json.loads(out)}
    assert code == 1
    assert files == {"sub/chat.Modelfile", "sub/Modelfile.dev"}


def test_text_format_has_location_source_and_caret(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys, "sub/chat.Modelfile")
    assert code == 1
    assert "sub/chat.Modelfile:2:11: MF101" in out
    assert "PARAMETER temprature 0.7" in out and "^~~~~~~~~~" in out


def test_json_fields_are_one_based(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(capsys, "--format", "json", "sub/chat.Modelfile")
    (item,) = json.loads(out)
    assert item == {
        "file": "sub/chat.Modelfile",
        "code": "MF101",
        "severity": "error",
        "message": item["message"],
        "line": 2,
        "column": 11,
        "end_line": 2,
        "end_column": 21,
    }


def test_github_and_sarif(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(capsys, "--format", "github", "sub/chat.Modelfile")
    assert out.startswith(
        "::error file=sub/chat.Modelfile,line=2,col=11,endLine=2,endColumn=21,title=MF101::"
    )
    _, out, _ = check(capsys, "--format", "sarif", "sub")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"MF101", "MF104"}


@pytest.mark.parametrize(
    ("threshold", "expected"), [("error", 0), ("warning", 1), ("never", 0), ("info", 1)]
)
def test_fail_on(
    tree: Path, capsys: pytest.CaptureFixture[str], threshold: str, expected: int
) -> None:
    assert check(capsys, "--fail-on", threshold, "sub/Modelfile.dev")[0] == expected


def test_select_and_ignore(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "--select", "MF104", "sub/chat.Modelfile")[0] == 0
    assert check(capsys, "--ignore", "MF1", "sub")[0] == 0
    assert check(capsys, "--select", "MF101", "sub")[0] == 1


def test_stdin(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = check(capsys, "-")
    assert code == 1 and out.startswith("-:2:11: MF101")


def test_config_in_pyproject(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.modelfile-ls]\nignore = ["MF101"]\nfail-on = "warning"\n'
    )
    assert check(capsys, "sub/chat.Modelfile")[0] == 0
    assert check(capsys, "sub/Modelfile.dev")[0] == 1


def test_config_file_with_severity_override(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".modelfile-ls.toml").write_text('[severity]\nMF104 = "error"\nMF101 = "off"\n')
    assert check(capsys, "sub/Modelfile.dev")[0] == 1
    assert check(capsys, "sub/chat.Modelfile")[0] == 0


def test_bad_config_is_a_usage_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".modelfile-ls.toml").write_text('ignore = "MF1x" \nbogus = 1\n')
    code, _, err = check(capsys, "Modelfile")
    assert code == 2 and ".modelfile-ls.toml" in err and "bogus" in err
    (tree / ".modelfile-ls.toml").write_text("ignore = [\n")
    code, _, err = check(capsys, "Modelfile")
    assert code == 2 and "cannot read configuration" in err


def test_missing_and_unreadable_paths(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(capsys, "nope.Modelfile")
    assert code == 2 and "nope.Modelfile: no such file or directory" in err
    locked = tree / "locked.Modelfile"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        readable = _can_read(locked)
        code, _, err = check(capsys, str(locked))
        assert code == (0 if readable else 2)
    finally:
        locked.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


def test_suppression_comment(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "s.Modelfile").write_text(
        "FROM x\n# modelfile-ls: ignore[MF101]\n" + BAD.split("\n")[1] + "\n"
    )
    assert check(capsys, "s.Modelfile")[0] == 0


def test_output_file_is_written(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "--format", "sarif", "--output", "report.sarif", "sub")
    assert code == 1 and out == ""
    assert json.loads((tree / "report.sarif").read_text())["version"] == "2.1.0"


def test_clean_run_says_so(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "Modelfile")
    assert code == 0 and "All checks passed (1 file)" in out


def test_explain_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", "mf101"]) == 0
    assert "unknown-parameter" in capsys.readouterr().out
    assert main(["--explain", "MF999"]) == 2
    assert main(["rules", "--format", "markdown"]) == 0
    table = capsys.readouterr().out
    assert '| <a id="mf001"></a>MF001 | `unknown-instruction` |' in table


def test_help_lists_the_modes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--check" in out and "--tcp" in out


def test_parse_formats(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "sub/chat.Modelfile"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["commands"][1] == {"name": "temprature", "args": "0.7"}
    assert main(["parse", "--format", "json", "sub/chat.Modelfile"]) == 0
    structure = json.loads(capsys.readouterr().out)
    assert structure["instructions"][1]["name_range"]["column"] == 11
    assert main(["parse", "nope"]) == 2


def test_check_path_never_imports_the_lsp_libraries(tree: Path) -> None:
    script = (
        "import sys; from modelfile_ls.cli import main; code = main(['--check', '.']);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'httpx')];"
        "print(bad); sys.exit(0 if not bad else 3)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tree, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_dash_m_and_console_script(tree: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "modelfile_ls", "--check", "sub/chat.Modelfile"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "MF101" in result.stdout


def test_the_process_ends_itself_with_every_byte_of_a_large_report_written(tmp_path: Path) -> None:
    """`--check` as a process exits at once after its report (`cli._exit_now`): what it
    wrote through a pipe or to `--output`, and what it said on stderr, must all be there."""
    many = "FROM llama3.2\n" + "PARAMETER temperature 0.1\nSYSTEM s\n" * 5000
    (tmp_path / "Modelfile").write_text(many)
    command = [sys.executable, "-m", "modelfile_ls", "--check", "Modelfile", "--registry"]
    missing = str(tmp_path / "no" / "such" / "dir" / "registry.db")
    (tmp_path / "no").write_text("a file where a folder should be")
    in_process = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from modelfile_ls.cli import main;"
            f" sys.exit(main(['--check', 'Modelfile', '--registry', {missing!r}]))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    piped = subprocess.run([*command, missing], cwd=tmp_path, capture_output=True, text=True)
    assert piped.returncode == in_process.returncode == 0
    assert piped.stdout == in_process.stdout
    assert piped.stdout.endswith("Found 9998 warnings in 1 file (1 file checked).\n")
    assert piped.stderr == in_process.stderr != ""
    json_out = tmp_path / "report.json"
    written = subprocess.run(
        [*command, missing, "--format", "json", "--output", str(json_out), "--fail-on", "warning"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 1
    assert len(json.loads(json_out.read_text())) == 9998


def test_pre_commit_hook_matches_discovery() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    pattern = re.search(r"files: (.+)", hooks)
    assert pattern is not None
    regex = re.compile(pattern.group(1).strip())
    names = [
        "Modelfile",
        "Modelfile.dev",
        "chat.Modelfile",
        "x.modelfile",
        "notes.txt",
        "Modelfiles",
    ]
    for name in names:
        assert bool(regex.search(f"dir/{name}")) == is_modelfile_name(name), name


def test_discovery_matches_as_fnmatch_would() -> None:
    """The discovered names are exactly what `fnmatch` makes of MODELFILE_PATTERNS."""
    names = [
        "Modelfile",
        "modelfile",
        "MODELFILE",
        "Modelfile.",
        "Modelfile.dev",
        "Modelfile..x",
        ".Modelfile",
        ".modelfile",
        "a.Modelfile",
        "a.modelfile",
        "a.MODELFILE",
        "Modelfiles",
        "xModelfile",
        "Modelfile.Modelfile",
        "Model",
        "",
        ".",
        "*.Modelfile",
        "Modelfile*",
        "a b.Modelfile",
        "ü.modelfile",
        "Modelfile\\.x",
        "Modelfilex.dev",
    ]
    for name in names:
        expected = any(fnmatch.fnmatch(name, pattern) for pattern in MODELFILE_PATTERNS)
        assert is_modelfile_name(name) == expected, name


def test_registry_backs_unknown_model_rule(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "typo.Modelfile").write_text("FROM lama3.2\n")
    registry = tree / "registry.db"
    monkeypatch.delenv("MODELFILE_LS_REGISTRY", raising=False)
    code, out, _ = check(capsys, "--format", "json", "typo.Modelfile")
    assert code == 0 and json.loads(out) == []
    code, out, _ = check(capsys, "--format", "json", "--registry", str(registry), "typo.Modelfile")
    assert code == 0 and [item["code"] for item in json.loads(out)] == ["MF209"]
    assert registry.exists()
    monkeypatch.setenv("MODELFILE_LS_REGISTRY", str(registry))
    _, out, _ = check(capsys, "--format", "json", "typo.Modelfile")
    assert [item["code"] for item in json.loads(out)] == ["MF209"]


def test_unusable_registry_is_skipped(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "bad.db").write_text("not sqlite")
    code, _, err = check(capsys, "--registry", "bad.db", "Modelfile")
    assert code == 0 and "registry not used" in err and "registry reset" in err


def test_the_collector_is_back_on_after_checking_even_a_file_that_cannot_be_read(
    tree: Path,
) -> None:
    """`check_targets` pauses the garbage collector per file; it must never leave it off."""
    targets = discover(["."])
    missing = Target("gone/Modelfile", tree / "gone" / "Modelfile")
    assert [r.path for r in check_targets(targets, Settings())] == [t.display for t in targets]
    assert gc.isenabled()
    with pytest.raises(PathError):
        check_targets([missing], Settings())
    assert gc.isenabled()
