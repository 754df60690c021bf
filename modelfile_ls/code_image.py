"""The package's compiled modules in one file, so that a `--check` imports them in one read.

Importing a module from its `.pyc` costs ~60 µs on top of running its body (the path
finder's stats, opening and reading the cache file, checking its header), and a `--check`
imports ~95 of the package's modules: ~5.5 ms of the ~22 ms a 1.5k-line file takes as a
whole process (bench/RESULTS.md, "One code image for the check path"). CPython freezes its
own start-up modules for the same reason. The image is one `marshal` file beside the
package's `.pyc` files, `__pycache__/code-image.<cache tag>[.opt-N].marshal`, holding for each
module its source file's path (relative to the package), size and modification time, and its
code, marshalled apart so that only the modules a run imports are unmarshalled.

A module is served from the image only while its source file has the size and modification
time recorded with it, the check Python makes of a `.pyc`, but to the nanosecond; otherwise,
and for every module not in the image, the usual import runs. A `--check` that imported any
of the package's modules the usual way writes the image again at its end, atomically, with
the entries still valid, so the image follows edits to the source and the files checked
(compiling what it lacks: ~40 ms once after an install, a module's worth after an edit). It
is not written when Python writes no bytecode (`-B`, `PYTHONDONTWRITEBYTECODE`) or keeps it
elsewhere (`PYTHONPYCACHEPREFIX`), nor where the package's folder is read-only.
"""

from __future__ import annotations

import marshal
import os
import sys

# Not `static_types.TYPE_CHECKING` (the type checker honours any): what this module imports
# is imported before the image can serve it, so it imports none of ours at the top.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec
    from types import CodeType, ModuleType

    Entry = tuple[str, bool, int, int, bytes | memoryview]
    """(source path relative to the root, is a package, size, st_mtime_ns, marshalled code)"""

    def _fix_co_filename(code: CodeType, path: str) -> None:
        """The import system's own (`_imp`, which typeshed does not list): names `path` as
        the file of `code` and of every code object in it."""
else:
    # The import system's own spec class: `importlib.machinery` would import `importlib`
    # and `warnings`, which no `--check` needs.
    from _frozen_importlib import ModuleSpec
    from _imp import _fix_co_filename

    Loader = object

FORMAT = 1
"""Bumped whenever the layout of an entry changes, so an older image is ignored."""


def image_path(root: str) -> str:
    """Where the image of the package in folder `root` lives for this interpreter."""
    optimize = sys.flags.optimize
    suffix = f".opt-{optimize}" if optimize else ""
    tag = sys.implementation.cache_tag
    return os.path.join(root, "__pycache__", f"code-image.{tag}{suffix}.marshal")


class CodeImage(Loader):
    """A meta-path finder and loader serving package `name` in folder `root` from its image."""

    def __init__(self, name: str, root: str) -> None:
        self.name = name
        self.root = root
        self.path = image_path(root)
        self.entries = _read(self.path)
        # Imported before the image could serve them (the package itself, this module and
        # what it imports): the image need not hold them.
        self.preloaded = frozenset(sys.modules)

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """The spec of module `fullname` if the image holds it and its source is unchanged."""
        entry = self.entries.get(fullname)
        if entry is None or not self._is_current(entry):
            return None
        try:
            code = marshal.loads(entry[4])
        except (EOFError, ValueError, TypeError):
            return None
        if not hasattr(code, "co_code"):
            return None
        origin = os.path.join(self.root, entry[0])
        # As the import system does for a `.pyc`: code compiled where the package used to be
        # (a moved checkout) names the file where it is now, in tracebacks and coverage.
        _fix_co_filename(code, origin)
        spec = ModuleSpec(fullname, self, origin=origin, is_package=entry[1])
        spec.has_location = True
        # The compiled code's file is the image; said here, the import system does not work
        # out a `.pyc` path for `__cached__` (a tenth of the time an import from it takes).
        spec.cached = self.path
        spec.loader_state = code
        if entry[1]:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec

    def create_module(self, spec: ModuleSpec) -> None:
        """The import system's default module object will do."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Run the module's code from the image in its namespace."""
        spec = module.__spec__
        code = spec.loader_state if spec is not None else self.get_code(module.__name__)
        exec(code, module.__dict__)

    def get_code(self, fullname: str) -> CodeType:
        """The module's code object (what `runpy` and `pkgutil` ask a loader for)."""
        code: CodeType = marshal.loads(self.entries[fullname][4])
        return code

    def is_package(self, fullname: str) -> bool:
        """Whether the module is a package (its source is an `__init__.py`)."""
        return self.entries[fullname][1]

    def update(self, modules: Iterable[tuple[str, ModuleType]]) -> bool:
        """Write the image again if it lacks (or holds a stale entry of) any of the package's
        `modules` (name, module): the entries still current plus those; true if written."""
        if sys.dont_write_bytecode or sys.pycache_prefix:
            return False
        prefix = self.name + "."
        # The cheap tests first: in the usual run every module of the package came from here.
        missing = {
            name: source
            for name, module in modules
            if (name == self.name or name.startswith(prefix))
            and name not in self.preloaded
            and getattr(_spec(module), "loader", None) is not self
            and (source := self._source_of(module)) is not None
            and not self._holds(name, source)
        }
        if not missing or not self._writable():
            return False
        entries = {name: entry for name, entry in self.entries.items() if self._is_current(entry)}
        for name, source in missing.items():
            entry = _compile(self.root, source)
            if entry is not None:
                entries[name] = entry
        # Lazy, as the top of this module says: only a run that writes the image needs it.
        from modelfile_ls.atomic import write_atomically

        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            write_atomically(self.path, _layout(entries))
        except OSError:
            # As for a `.pyc`: a folder the user cannot write only costs the speed-up.
            return False
        self.entries = entries
        return True

    def _writable(self) -> bool:
        """Whether the image's folder (or, while it is missing, the package's) can be written:
        asked before compiling, so a read-only install does not compile on every run."""
        folder = os.path.dirname(self.path)
        return os.access(folder if os.path.isdir(folder) else self.root, os.W_OK)

    def _holds(self, name: str, source: str) -> bool:
        entry = self.entries.get(name)
        return entry is not None and entry[0] == source and self._is_current(entry)

    def _is_current(self, entry: Entry) -> bool:
        try:
            status = os.stat(os.path.join(self.root, entry[0]))
        except OSError:
            return False
        return status.st_size == entry[2] and status.st_mtime_ns == entry[3]

    def _source_of(self, module: object) -> str | None:
        """The path of the module's source relative to the root, if it is a Python module in
        the package's folder (not an extension, not a namespace)."""
        origin = getattr(_spec(module), "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return None
        relative = os.path.relpath(origin, self.root)
        return None if relative.startswith(os.pardir) else relative


def _spec(module: object) -> object:
    """The module's spec, if it has one: `sys.modules` may hold any object (`typing.io` even
    raises when asked)."""
    try:
        return getattr(module, "__spec__", None)
    except Exception:
        return None


def _layout(entries: dict[str, Entry]) -> bytes:
    """The image's bytes: the index's length (4 bytes, little-endian), the index (each
    module's path, kind, size, time, and its code's offset and length in the codes), the
    codes."""
    index: dict[str, tuple[str, bool, int, int, int, int]] = {}
    codes: list[bytes | memoryview] = []
    offset = 0
    for name, (relative, is_package, size, mtime_ns, code) in entries.items():
        index[name] = (relative, is_package, size, mtime_ns, offset, len(code))
        codes.append(code)
        offset += len(code)
    header = marshal.dumps((FORMAT, index))
    return b"".join([len(header).to_bytes(4, "little"), header, *codes])


def _read(path: str) -> dict[str, Entry]:
    """The entries of the image at `path`, each code a view of the file's bytes (unmarshalled
    only when imported); none if the file is missing, unreadable or of another format (it is
    only ever a cache: the usual import serves every module it lacks)."""
    try:
        with open(path, "rb") as stream:
            data = memoryview(stream.read())
        length = int.from_bytes(data[:4], "little")
        version, index = marshal.loads(data[4 : 4 + length])
        if version != FORMAT:
            return {}
        codes = data[4 + length :]
        return {
            name: (relative, is_package, size, mtime_ns, codes[offset : offset + count])
            for name, (relative, is_package, size, mtime_ns, offset, count) in index.items()
            if offset + count <= len(codes)
        }
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        return {}


def _compile(root: str, relative: str) -> Entry | None:
    """The entry of the source at `relative`: its size and modification time taken before it
    is read, so that an edit made while it is read leaves the entry stale, never wrong."""
    path = os.path.join(root, relative)
    try:
        status = os.stat(path)
        with open(path, "rb") as stream:
            source = stream.read()
        code = compile(source, path, "exec", dont_inherit=True, optimize=sys.flags.optimize)
    except (OSError, SyntaxError, ValueError):
        return None
    is_package = os.path.basename(relative) == "__init__.py"
    return (relative, is_package, status.st_size, status.st_mtime_ns, marshal.dumps(code))


def install(name: str, root: str) -> CodeImage:
    """Put the image of package `name` (folder `root`) first on `sys.meta_path`; the
    modules it holds are then imported from it."""
    image = CodeImage(name, root)
    sys.meta_path.insert(0, image)
    return image
