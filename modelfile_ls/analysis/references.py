"""What each FROM / ADAPTER / DRAFT value refers to: a local file or directory, or a model name.

Resolution follows the CLI (`expandPath` then `os.Stat`) and is computed once per analysis;
the MF2xx rules read it. Without a base directory (an unsaved editor buffer) paths cannot be
resolved, so only model names are judged.
"""

from modelfile_ls.analysis.paths import ResolvedPath, resolve
from modelfile_ls.modelname import ModelName, parse_model_name
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.syntax.model import Instruction, Span

_PATH_STARTS = ("/", "~", "./", "../")
_WEIGHT_SUFFIXES = (".gguf", ".safetensors", ".bin", ".pth")


class Reference(NamedTuple):
    """One FROM, ADAPTER or DRAFT value and what it resolves to."""

    instruction: Instruction
    keyword: str
    text: str
    local: ResolvedPath | None
    """The stat result, or None when there is no base directory to resolve against."""
    name: ModelName | None
    """The parsed model name for a FROM that is not a local path."""

    @property
    def span(self) -> Span:
        """Where a finding about it goes: its value, or the keyword when the value is empty
        (an empty FROM names the Modelfile's own directory)."""
        value = self.instruction.value
        assert value is not None, "a reference has a value"
        return value.content_span if self.text else self.instruction.keyword_span

    @property
    def directory(self) -> str | None:
        """The local directory it names, if it names one."""
        local = self.local
        return local.path if local is not None and local.kind == "directory" else None

    @property
    def is_local(self) -> bool:
        """A path that exists (file or directory)."""
        return self.local is not None and self.local.kind in ("file", "directory")

    @property
    def looks_like_path(self) -> bool:
        """Written like a path (`./x`, `/x`, `~/x`, `x.gguf`) rather than a model name."""
        return looks_like_path(self.text)


def looks_like_path(text: str) -> bool:
    """Whether `text` starts like a path (`/`, `\\`, `~`, `./`, `../`, `.`, `..`, a drive
    letter's `C:/`), holds a backslash, or ends in a weights file's extension (any case)."""
    # A triple-quoted value may end in a line break: what comes before it is judged.
    ending = text[:-1] if text.endswith("\n") else text
    if text.startswith(_PATH_STARTS) or "\\" in text or ending in (".", ".."):
        return True
    drive = text[:1]
    if drive.isascii() and drive.isalpha() and text[1:2] == ":" and text[2:3] in ("/", "\\"):
        return True
    return ending.lower().endswith(_WEIGHT_SUFFIXES)


def resolve_references(instructions: list[Instruction], base_dir: str | None) -> list[Reference]:
    """Resolve every clean FROM, ADAPTER and DRAFT instruction, in order."""
    references = []
    for instruction in instructions:
        keyword = instruction.effective_keyword
        if keyword not in ("FROM", "ADAPTER", "DRAFT") or instruction.value is None:
            continue
        text = instruction.value.text
        local = resolve(text, base_dir) if base_dir is not None else None
        name = None
        if keyword == "FROM" and (local is None or local.kind == "missing"):
            name = parse_model_name(text)
        references.append(Reference(instruction, keyword, text, local, name))
    return references
