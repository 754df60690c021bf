"""Commands the client can run through `workspace/executeCommand` (code lenses use them too).

The handlers are closures over the server rather than functions taking `ls`: pygls resolves a
command handler's annotations at call time to convert the arguments, and the server class is
only a type-checking import here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from modelfile_ls.lsp.pull import pull_model
from modelfile_ls.vocabulary import PULL, REFRESH_REGISTRY

if TYPE_CHECKING:
    from modelfile_ls.lsp.server import ModelfileServer

__all__ = ["PULL", "REFRESH_REGISTRY", "register_commands"]


def register_commands(server: ModelfileServer) -> None:
    """Register every command (pygls advertises them in executeCommandProvider)."""

    async def refresh_registry(*_arguments: object) -> dict[str, object]:
        """Refresh the registry from Ollama now; answers when done, with what was found."""
        await server.ready.wait()  # the configuration says which registry and which Ollama
        result = await server.refresher.start()
        if result.error:
            server.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Warning, f"modelfile-ls: {result.summary()}"
                )
            )
        return result.as_json()

    async def pull(model: str) -> dict[str, object]:
        """Pull a model through Ollama (the "not installed" lens on FROM)."""
        await server.ready.wait()
        return await pull_model(server, model)

    server.command(REFRESH_REGISTRY)(refresh_registry)
    server.command(PULL)(pull)
