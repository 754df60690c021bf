"""Which document requests the server answers, with their options, and the one opening every
answer shares: find the open document (a request about any other is answered with nothing),
take its snapshot, hand it to the answer in `answers.py`.

`answers.py` imports the analysis, the features and the registry. Registering a feature must
not: the capabilities go out before any of that is loaded, which keeps start-up as fast as a
bare pygls server (`test_the_server_is_created_without_the_analysis`; the server loads it once
the session starts). So the answers module is imported on the first request, here and only
here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from modelfile_ls.lsp.snapshot import SnapshotSource
from modelfile_ls.vocabulary import CODE_ACTION_KINDS, TOKEN_MODIFIERS, TOKEN_TYPES

ANSWERS = "modelfile_ls.lsp.answers"
TRIGGER_CHARACTERS = [" ", ".", ":", "/", "{", "[", '"']

FEATURES: tuple[tuple[str, object, str], ...] = (
    (
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS),
        "completion",
    ),
    (types.TEXT_DOCUMENT_HOVER, None, "hover"),
    (types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, None, "document_symbols"),
    (types.TEXT_DOCUMENT_FOLDING_RANGE, None, "folding_ranges"),
    (
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
        types.SemanticTokensLegend(list(TOKEN_TYPES), list(TOKEN_MODIFIERS)),
        "semantic_tokens",
    ),
    (types.TEXT_DOCUMENT_FORMATTING, None, "formatting"),
    (types.TEXT_DOCUMENT_RANGE_FORMATTING, None, "range_formatting"),
    (
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=list(CODE_ACTION_KINDS)),
        "code_actions",
    ),
    (types.TEXT_DOCUMENT_DOCUMENT_LINK, None, "document_links"),
    (types.TEXT_DOCUMENT_CODE_LENS, None, "code_lenses"),
    (types.TEXT_DOCUMENT_INLAY_HINT, None, "inlay_hints"),
)
"""(method, options, name of the answer in `answers.py`) for every document request."""


def answers() -> ModuleType:
    """The answers module (imported on first use, see the module docstring)."""
    return importlib.import_module(ANSWERS)


def register_features(server: LanguageServer, source: SnapshotSource) -> None:
    """Register every document request with its options."""
    for method, options, name in FEATURES:
        server.feature(method, options)(on_document(source, name))


def on_document(source: SnapshotSource, name: str) -> Callable[[Any], Any]:
    """A request handler: the snapshot of the document the request names, given to the
    answer called `name`; nothing for a document that is not open."""

    def handle(params: Any) -> Any:
        snapshot = source.snapshot(params.text_document.uri)
        if snapshot is None:
            return None
        return getattr(answers(), name)(snapshot, params)

    handle.__name__ = handle.__qualname__ = name
    handle.__doc__ = f"`{name}` over the snapshot of the document the request names."
    return handle
