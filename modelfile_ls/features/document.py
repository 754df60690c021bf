"""Per-document facts that requests share, computed once per parsed version.

`document_index(parsed)` returns the same `DocumentIndex` for the same `ParsedModelfile`
object, so a request never rescans the document: the server parses once per version and every
completion or hover on that version reuses the index. The indexes of the most recently used
documents are kept (a few open files, each at its latest version).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property

from modelfile_ls.analysis.references import resolve_references
from modelfile_ls.modelname import ModelName
from modelfile_ls.syntax.model import Instruction, ParsedModelfile


@dataclass(frozen=True, slots=True)
class BaseModel:
    """The model a FROM line names (not a path), as written and as parsed."""

    instruction: Instruction
    text: str
    name: ModelName


class DocumentIndex:
    """Derived data of one parsed document, each part computed on first use."""

    def __init__(self, parsed: ParsedModelfile) -> None:
        self.parsed = parsed

    @cached_property
    def base_models(self) -> tuple[BaseModel, ...]:
        """Every FROM that names a model rather than a path, in order.

        Paths are told apart by how they are written (`./x`, `/x`, `x.gguf`), without touching
        the file system: this runs on request paths.
        """
        clean = [i for i in self.parsed.instructions if not i.has_error]
        return tuple(
            BaseModel(r.instruction, r.text, r.name)
            for r in resolve_references(clean, None)
            if r.keyword == "FROM" and r.name is not None and r.name.is_valid
            if not r.looks_like_path
        )

    @property
    def base_model(self) -> BaseModel | None:
        """The model Ollama builds from: the last FROM that names a model."""
        return self.base_models[-1] if self.base_models else None

    @cached_property
    def parameter_values(self) -> dict[str, tuple[str, ...]]:
        """Values set per parameter name, in order (only clean PARAMETER lines)."""
        values: dict[str, list[str]] = {}
        for instruction in self.parsed.instructions:
            if instruction.keyword != "PARAMETER" or instruction.has_error:
                continue
            if instruction.name and instruction.value is not None:
                values.setdefault(instruction.name, []).append(instruction.value.text)
        return {name: tuple(found) for name, found in values.items()}


_CACHE_SIZE = 16
_INDEXES: OrderedDict[int, DocumentIndex] = OrderedDict()


def document_index(parsed: ParsedModelfile) -> DocumentIndex:
    """The index of a parsed document, shared by every request on that same object."""
    key = id(parsed)
    index = _INDEXES.get(key)
    # The entry holds its document, so an id found here cannot belong to another object.
    if index is not None and index.parsed is parsed:
        _INDEXES.move_to_end(key)
        return index
    index = DocumentIndex(parsed)
    _INDEXES[key] = index
    if len(_INDEXES) > _CACHE_SIZE:
        _INDEXES.popitem(last=False)
    return index
