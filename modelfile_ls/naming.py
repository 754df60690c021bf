"""The model name a Modelfile suggests by its file name, offered when creating a model.

`mybot.Modelfile`, `Modelfile.mybot` and `mybot/Modelfile` all suggest `mybot`. The VS Code
extension applies the same rule when it asks for a name (`editors/vscode/src/modelName.ts`).
"""

from __future__ import annotations

import re
from pathlib import PurePath

_MODELFILE = "modelfile"
_NOT_IN_A_NAME = re.compile(r"[^a-z0-9._-]+")
_EDGES = re.compile(r"^[-._]+|[-._]+$")


def suggested_name(path: PurePath) -> str | None:
    """The model name `path` suggests, None when nothing usable is left of it."""
    base = path.name
    lower = base.lower()
    if lower == _MODELFILE:
        name = path.parent.name
    elif lower.endswith(f".{_MODELFILE}"):
        name = base[: -len(_MODELFILE) - 1]
    elif lower.startswith(f"{_MODELFILE}."):
        name = base[len(_MODELFILE) + 1 :]
    else:
        name = PurePath(base).stem
    # Lower case (Ollama's names are case-insensitive, its library lower-case), and `-` for
    # every run of characters a model name cannot hold.
    cleaned = _EDGES.sub("", _NOT_IN_A_NAME.sub("-", name.lower()))
    return cleaned or None
