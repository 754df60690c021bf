"""Commands the client can run through `workspace/executeCommand` (code lenses use them too).

Ids and titles are in `modelfile_ls.vocabulary`. Every command takes at most one argument, an
object with named fields (`command_args.py`); a palette invocation sends none, and a command
that needs a field answers with a clear `window/showMessage` rather than an error.

The handlers are closures over the server rather than functions taking `ls`: pygls resolves a
command handler's annotations at call time to convert the arguments, and the server is only
known here as a `CommandHost`. The Ollama commands live in `ollama_commands.py`, which imports
the analysis and is loaded on the first command, never before the `initialize` result (as
`features.py` does with the answers).
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from modelfile_ls.lsp.command_args import ArgumentError, CommandArguments
from modelfile_ls.lsp.host import CommandHost
from modelfile_ls.vocabulary import (
    BENCH,
    COMMAND_TITLES,
    COPY,
    CREATE,
    DELETE,
    EXTRACT,
    LIST_MODELS,
    PULL,
    PUSH,
    REFRESH_REGISTRY,
)

OLLAMA_COMMANDS = "modelfile_ls.lsp.ollama_commands"
HANDLERS = {
    CREATE: "create",
    PULL: "pull",
    PUSH: "push",
    COPY: "copy",
    DELETE: "delete",
    EXTRACT: "extract",
    BENCH: "bench",
    LIST_MODELS: "list_models",
}
"""Command id -> the handler's name in `ollama_commands.py`."""
COMMANDS = (REFRESH_REGISTRY, *HANDLERS)
"""Every command registered here (the element, draft and preview commands are registered by
`element_commands.py`)."""

Handler = Callable[[CommandHost, CommandArguments], Awaitable[dict[str, object]]]


def register_commands(server: LanguageServer, host: CommandHost) -> None:
    """Register every command (pygls advertises them in executeCommandProvider)."""

    async def refresh_registry(*_arguments: Any) -> dict[str, object]:
        """Refresh the registry from Ollama now; answers when done, with what was found."""
        await host.ready.wait()  # the configuration says which registry and which Ollama
        result = await host.refresher.start()
        if result.error:
            host.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Warning, f"modelfile-ls: {result.summary()}"
                )
            )
        return result.as_json()

    server.command(REFRESH_REGISTRY)(refresh_registry)
    for command, name in HANDLERS.items():
        server.command(command)(_command(host, command, name))


def _command(host: CommandHost, command: str, name: str) -> Callable[..., Any]:
    """The handler of one Ollama command: its argument object read, usage errors shown."""
    title = COMMAND_TITLES[command]

    async def handle(*arguments: Any) -> dict[str, object]:
        await host.ready.wait()  # the configuration says which Ollama
        handler: Handler = getattr(importlib.import_module(OLLAMA_COMMANDS), name)
        try:
            return await handler(host, CommandArguments.of(title, arguments))
        except ArgumentError as exc:
            message = str(exc)
            host.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"modelfile-ls: {message}")
            )
            return {"message": message, "error": message, "hint": "", "cancelled": False}

    handle.__name__ = handle.__qualname__ = name
    handle.__doc__ = f"`{command}`: `ollama_commands.{name}` with the command's argument object."
    return handle
