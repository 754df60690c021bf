"""suggested_name(): the model name a Modelfile's file name suggests, the same rule as the VS
Code extension's `suggestedName` (editors/vscode/src/modelName.ts)."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from modelfile_ls.naming import suggested_name

VSCODE_CASES = [
    ("/work/llama-coder/Modelfile", "llama-coder"),
    ("/work/models/Modelfile.Coder", "coder"),
    ("/work/models/Mistral Chat.Modelfile", "mistral-chat"),
    ("/work/models/phi3.modelfile", "phi3"),
    ("/work/models/--.modelfile", None),
]
"""The cases of editors/vscode/test/modelName.test.ts."""


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/src/Modelfile.mybot", "mybot"),
        ("/src/mybot.Modelfile", "mybot"),
        ("/src/mybot.modelfile", "mybot"),
        ("/src/mybot/Modelfile", "mybot"),
        ("/src/My_Bot v2/Modelfile", "my_bot-v2"),
        ("/src/notes.txt", "notes"),
        ("/src/-x-/MODELFILE", "x"),
        ("/src/Modelfile.😀", None),
        *VSCODE_CASES,
    ],
)
def test_suggested_name(path: str, name: str | None) -> None:
    assert suggested_name(PurePosixPath(path)) == name
