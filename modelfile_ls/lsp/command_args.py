"""The one argument object of a `workspace/executeCommand`, read field by field.

Every command takes at most one argument, a JSON object with named fields (`vocabulary.py`).
Editor palettes send none at all, code lenses and scripts send the object; anything else is a
usage error with a message that says which field the command needs, never an exception that
pygls would answer as an internal error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from modelfile_ls.lsp.documents import document_path


class ArgumentError(Exception):
    """The command's arguments cannot be used; the message says what to send instead."""


class CommandArguments:
    """The named fields of a command's argument object (empty when there was none)."""

    def __init__(self, title: str, fields: Mapping[str, object]) -> None:
        self.title = title
        """The command's title, for messages ("Create Model in Ollama needs ...")."""
        self.fields = fields

    @classmethod
    def of(cls, title: str, arguments: Sequence[object]) -> CommandArguments:
        """Read `workspace/executeCommand` arguments: none, or one JSON object."""
        if not arguments or (len(arguments) == 1 and arguments[0] is None):
            return cls(title, {})
        if len(arguments) > 1 or not isinstance(arguments[0], Mapping):
            raise ArgumentError(
                f"{title} takes one argument, an object with named fields (got {_shape(arguments)})"
            )
        return cls(title, {str(key): value for key, value in arguments[0].items()})

    def text(self, key: str) -> str | None:
        """Field `key` as a non-empty string, None when absent or empty."""
        value = self.fields.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ArgumentError(f"{self.title}: `{key}` must be a string, not {_kind(value)}")
        return value.strip() or None

    def required(self, key: str, example: str) -> str:
        """Field `key` as a non-empty string; a usage error naming it when it is missing."""
        value = self.text(key)
        if value is None:
            raise ArgumentError(f"{self.title} needs `{key}` (for example {{{example}}})")
        return value

    def texts(self, key: str) -> list[str]:
        """Field `key` as a list of non-empty strings (a single string counts as one)."""
        value = self.fields.get(key)
        if value is None:
            return []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ArgumentError(f"{self.title}: `{key}` must be a list of model names")
        return [item.strip() for item in items]

    def flag(self, key: str) -> bool:
        """Field `key` as a boolean (absent: False)."""
        value = self.fields.get(key, False)
        if not isinstance(value, bool):
            raise ArgumentError(f"{self.title}: `{key}` must be true or false, not {_kind(value)}")
        return value

    def document(self) -> str:
        """The `uri` of the document the command acts on; a usage error when it is missing."""
        uri = self.text("uri")
        if uri is None:
            raise ArgumentError(
                f'{self.title} needs the Modelfile it acts on: {{"uri": "file:///.../Modelfile"}}'
            )
        return uri

    def file(self, uri: str) -> Path:
        """The file of a document URI; a usage error for an unsaved document."""
        path = document_path(uri)
        if path is None:
            raise ArgumentError(f"{self.title}: save the Modelfile first ({uri} is not a file)")
        return path


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return "a string" if isinstance(value, str) else type(value).__name__


def _shape(arguments: Sequence[object]) -> str:
    if len(arguments) > 1:
        return f"{len(arguments)} arguments"
    return _kind(arguments[0])
