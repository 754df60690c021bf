"""Commands the client can run through `workspace/executeCommand` (code lenses use them too).

Ids and titles are in `modelfile_ls.vocabulary`. The handlers are closures over the server
rather than functions taking `ls`: pygls resolves a command handler's annotations at call
time to convert the arguments, and the server is only known here as a `CommandHost`.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from modelfile_ls.lsp.host import CommandHost
from modelfile_ls.lsp.pull import pull_model
from modelfile_ls.vocabulary import PULL, REFRESH_REGISTRY


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

    async def pull(model: str) -> dict[str, object]:
        """Pull a model through Ollama (the "not installed" lens on FROM)."""
        await host.ready.wait()
        return await pull_model(host, model)

    server.command(REFRESH_REGISTRY)(refresh_registry)
    server.command(PULL)(pull)
