"""`extract NAME`: the installed model's Modelfile, as `ollama show --modelfile` prints it,
written as a new file and stored with its elements in the registry.

The text is Ollama's own (its `FROM` is the server's blob path, and its header says how to
base a new Modelfile on the model); the file is written atomically and an existing file is
only replaced when asked, so an extract never clobbers someone's work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from modelfile_ls.atomic import write_atomically
from modelfile_ls.ollama.errors import OllamaError
from modelfile_ls.ollama.hosts import Hosts
from modelfile_ls.ollama.modelfile_text import show_modelfile
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.store import open_registry
from modelfile_ls.syntax import parse_bytes

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What an extract wrote and stored."""

    model: str
    path: Path
    text: str
    element_ids: tuple[int, ...] = ()
    """The registry elements of the stored Modelfile, in file order (empty when not stored)."""
    stored_as: str = ""
    """The saved Modelfile's name in the registry ("" when there is no registry)."""

    def to_json(self) -> dict[str, object]:
        """JSON object (what the language server's command answers)."""
        return {
            "model": self.model,
            "path": str(self.path),
            "element_ids": list(self.element_ids),
            "stored_as": self.stored_as,
        }


def default_output(model: str) -> Path:
    """`llama3.2:latest` -> `llama3.2.Modelfile`, `me/bot:v2` -> `me-bot-v2.Modelfile`: a
    name the checker and the editors recognise as a Modelfile (`*.Modelfile`)."""
    name = model.strip()
    if name.endswith(":latest"):
        name = name[: -len(":latest")]
    return Path(
        _UNSAFE.sub("-", name.replace("/", "-").replace(":", "-")).strip("-.") + ".Modelfile"
    )


def extract(
    hosts: Hosts,
    model: str,
    output: Path | None,
    registry_path: Path | None,
    *,
    force: bool = False,
) -> ExtractResult:
    """Write `model`'s Modelfile to `output` (default `default_output(model)`), refusing to
    replace an existing file unless `force`, and store it in the registry when one is given."""
    path = output if output is not None else default_output(model)
    if path.exists() and not force:
        raise OllamaError(
            f"{path} already exists", "pass --force to replace it, or choose another file with -o"
        )
    text = show_modelfile(hosts, model)
    data = text.encode("utf-8")
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise OllamaError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if registry_path is None:
        return ExtractResult(model, path, text)
    parsed = parse_bytes(data)
    if parsed.ollama_error is not None:
        raise OllamaError(
            f"wrote {path}, but Ollama's own parser rejects it, so it was not stored:"
            f" {parsed.ollama_error}"
        )
    try:
        with open_registry(registry_path) as registry:
            saved = registry.save_modelfile(model, str(path.resolve()), data, parsed).modelfile
    except RegistryError as exc:
        raise OllamaError(f"wrote {path}, but storing it in the registry failed: {exc}") from exc
    return ExtractResult(model, path, text, tuple(e.id for e in saved.elements), saved.name)
