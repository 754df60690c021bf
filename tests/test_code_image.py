"""The code image serves a package's modules exactly while their sources are unchanged, and
never breaks an import: a missing, stale, corrupt or unwritable image only costs speed."""

from __future__ import annotations

import itertools
import os
import runpy
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from modelfile_ls import code_image
from modelfile_ls.code_image import CodeImage

_NAMES = itertools.count()

SOURCES = {
    "__init__.py": "VALUE = 'package'\n",
    "a.py": "from {name} import b\n\ndef twice():\n    return b.ONE * 2\n",
    "b.py": "ONE = 1\n\ndef fail():\n    raise ValueError('from b')\n",
    "sub/__init__.py": "",
    "sub/c.py": "from {name}.b import ONE\nTHREE = ONE + 2\n",
    "main.py": "RESULT = 'ran as main' if __name__ == '__main__' else 'imported'\n",
}


class Package:
    """A throw-away package on `sys.path`, with a fresh name so no two tests share modules."""

    def __init__(self, folder: Path) -> None:
        self.name = f"imagepkg{next(_NAMES)}"
        self.root = folder / self.name
        for relative, text in SOURCES.items():
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.format(name=self.name))

    def modules(self) -> list[str]:
        """The names of every module of the package."""
        names = [self.name, f"{self.name}.sub"]
        return names + [f"{self.name}.{m}" for m in ("a", "b", "main", "sub.c")]

    def forget(self) -> None:
        """Drop the package's modules, as a new process would start without them."""
        for name in list(sys.modules):
            if name == self.name or name.startswith(self.name + "."):
                del sys.modules[name]

    def import_all(self) -> None:
        """Import every module of the package."""
        for name in self.modules():
            __import__(name)

    def image(self) -> CodeImage:
        """A new image of the package, first on `sys.meta_path` (as `install` puts it)."""
        self.forget()
        image = CodeImage(self.name, str(self.root))
        sys.meta_path.insert(0, image)
        return image

    def served(self, image: CodeImage) -> set[str]:
        """The package's modules now imported from `image`."""
        return {
            name
            for name in self.modules()
            if name in sys.modules and sys.modules[name].__spec__.loader is image
        }


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Package]:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    before = list(sys.meta_path)
    made = Package(tmp_path)
    yield made
    sys.meta_path[:] = before
    made.forget()


def written(package: Package) -> CodeImage:
    """An image written after the usual import of every module, then read as at start-up."""
    image = package.image()
    package.import_all()
    assert image.update(list(sys.modules.items()))
    return package.image()


def test_a_written_image_serves_every_module_and_they_work(package: Package) -> None:
    image = written(package)
    package.import_all()
    assert package.served(image) == set(package.modules())
    a = sys.modules[f"{package.name}.a"]
    assert a.twice() == 2
    assert sys.modules[f"{package.name}.sub.c"].THREE == 3
    assert sys.modules[package.name].VALUE == "package"
    assert a.__file__ == str(package.root / "a.py")
    assert sys.modules[f"{package.name}.sub"].__path__ == [str(package.root / "sub")]
    assert not image.update(list(sys.modules.items()))  # nothing to add: not written again


def test_tracebacks_name_the_source_file_and_line(package: Package) -> None:
    written(package)
    b = __import__(f"{package.name}.b", fromlist=["fail"])
    with pytest.raises(ValueError, match="from b") as caught:
        b.fail()
    last = caught.traceback[-1]
    assert Path(str(last.path)) == package.root / "b.py"
    assert last.lineno + 1 == 4


@pytest.mark.parametrize("change", ["time", "size"])
def test_an_edited_source_is_imported_from_the_source(package: Package, change: str) -> None:
    image = written(package)
    path = package.root / "b.py"
    status = path.stat()
    if change == "time":
        path.write_text("ONE = 20\n")  # the same size: only the time tells
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000))
    else:
        path.write_text("ONE = 200\n")  # the same time: only the size tells
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    expected = 20 if change == "time" else 200
    package.import_all()
    assert expected == sys.modules[f"{package.name}.b"].ONE
    assert sys.modules[f"{package.name}.a"].twice() == 2 * expected
    assert package.served(image) == set(package.modules()) - {f"{package.name}.b"}
    # The run that saw the edit writes the image again; the next one serves the new code.
    assert image.update(list(sys.modules.items()))
    image = package.image()
    package.import_all()
    assert package.served(image) == set(package.modules())
    assert expected == sys.modules[f"{package.name}.b"].ONE


def test_a_moved_package_names_its_new_files(package: Package, tmp_path: Path) -> None:
    image = written(package)
    moved = tmp_path / "moved" / package.name
    shutil.copytree(package.root, moved)  # copy2: the sizes and times travel with the files
    package.forget()
    sys.meta_path.remove(image)
    image = CodeImage(package.name, str(moved))
    sys.meta_path.insert(0, image)
    b = __import__(f"{package.name}.b", fromlist=["fail"])
    assert b.__spec__.loader is image
    assert b.__file__ == str(moved / "b.py")
    assert b.fail.__code__.co_filename == str(moved / "b.py")


def test_a_deleted_source_is_not_imported_from_the_image(package: Package) -> None:
    written(package)
    (package.root / "main.py").unlink()
    with pytest.raises(ModuleNotFoundError):
        __import__(f"{package.name}.main")


def test_entries_of_modules_a_run_did_not_import_are_kept(package: Package) -> None:
    written(package)
    image = package.image()
    __import__(f"{package.name}.a")
    (package.root / "main.py").write_text("RESULT = 'changed'\n")
    __import__(f"{package.name}.main")  # stale in the image: imported the usual way
    assert image.update(list(sys.modules.items()))
    image = package.image()
    package.import_all()
    assert package.served(image) == set(package.modules())
    assert sys.modules[f"{package.name}.main"].RESULT == "changed"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\x00",
        b"not an image at all",
        b"\xff\xff\xff\x7f" + b"x" * 10,
    ],
)
def test_an_unreadable_image_is_ignored_and_written_again(package: Package, damage: bytes) -> None:
    image = written(package)
    Path(image.path).write_bytes(damage)
    image = package.image()
    assert image.entries == {}
    package.import_all()
    assert package.served(image) == set()
    assert sys.modules[f"{package.name}.a"].twice() == 2
    assert image.update(list(sys.modules.items()))
    assert len(package.image().entries) == len(package.modules())


def test_a_truncated_image_serves_only_the_modules_it_still_holds_whole(
    package: Package,
) -> None:
    image = written(package)
    data = Path(image.path).read_bytes()
    Path(image.path).write_bytes(data[: len(data) - 10])
    image = package.image()
    package.import_all()
    assert len(package.served(image)) == len(package.modules()) - 1
    assert sys.modules[f"{package.name}.a"].twice() == 2


def test_an_image_of_another_format_is_ignored(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    written(package)
    assert package.image().entries
    monkeypatch.setattr(code_image, "FORMAT", code_image.FORMAT + 1)
    assert package.image().entries == {}


def test_nothing_is_written_without_bytecode_or_into_a_folder_that_cannot_be(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = package.image()
    package.import_all()
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not image.update(list(sys.modules.items()))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(package.root.parent / "elsewhere"))
    assert not image.update(list(sys.modules.items()))
    monkeypatch.setattr(sys, "pycache_prefix", None)
    cache = package.root / "__pycache__"
    for entry in cache.iterdir():
        entry.unlink()
    cache.rmdir()
    cache.write_text("a file where the folder should be")
    assert not image.update(list(sys.modules.items()))  # no exception, no image
    assert not Path(image.path).exists()


def test_a_read_only_install_does_not_compile_on_every_run(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = package.image()
    package.import_all()

    def compiled(root: str, relative: str) -> None:
        raise AssertionError(f"compiled {relative} for an image it cannot write")

    monkeypatch.setattr(code_image, "_compile", compiled)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert not image.update(list(sys.modules.items()))
    assert not Path(image.path).exists()


def test_runpy_runs_a_module_from_the_image(package: Package) -> None:
    image = written(package)
    assert image.is_package(package.name)
    assert not image.is_package(f"{package.name}.a")
    namespace = runpy.run_module(f"{package.name}.main", run_name="__main__")
    assert namespace["RESULT"] == "ran as main"


def test_the_path_follows_the_interpreter_and_its_optimization(tmp_path: Path) -> None:
    path = code_image.image_path(str(tmp_path))
    assert Path(path).parent == tmp_path / "__pycache__"
    assert sys.implementation.cache_tag in Path(path).name
    assert ("opt-" in path) == bool(sys.flags.optimize)


CHECK_AND_REPORT = textwrap.dedent(
    """
    import io, sys
    import modelfile_ls
    from modelfile_ls.cli import main
    output = io.StringIO()
    sys.stdout = output
    main(["--check", sys.argv[1], "--fail-on", "never"])
    sys.stdout = sys.__stdout__
    served = sorted(
        name for name, module in sys.modules.items()
        if name.startswith("modelfile_ls.")
        and getattr(module.__spec__, "loader", None) is modelfile_ls.CODE_IMAGE
    )
    print(len(served))
    print(output.getvalue(), end="")
    """
)


def test_a_check_writes_the_image_and_the_next_check_is_served_from_it(tmp_path: Path) -> None:
    target = tmp_path / "Modelfile"
    target.write_text("FROM llama3.2\nPARAMETER temprature 0.7\nPARAMETER num_ctx 4096.0\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", CHECK_AND_REPORT, str(target)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        for _ in range(3)
    ]
    counts = [int(run.split("\n", 1)[0]) for run in runs]
    reports = {run.split("\n", 1)[1] for run in runs}
    assert len(reports) == 1  # the same report, served or not
    assert "MF101" in reports.pop()
    # The rules, the syntax layer and the report: everything but the modules imported before
    # the image is (the package, code_image, atomic, static_types) and the C extensions.
    assert counts[1] == counts[2] > 80
