"""The Ollama connection state, sent to the client as `modelfile-ls/ollamaStatus` when it
changes, for a status bar (shape in `vocabulary.OLLAMA_STATUS_NOTIFICATION`).

The state is learnt where the server talks to Ollama anyway: each registry refresh (the
version and how many models are installed) and each operation that fails because Ollama
cannot be reached. Nothing polls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Literal

State = Literal["connected", "unreachable", "unknown"]


@dataclass(frozen=True, slots=True)
class OllamaStatus:
    """What the status bar shows: which host, whether it answers, its version and models."""

    host: str | None = None
    state: State = "unknown"
    version: str | None = None
    models: int | None = None
    message: str | None = None
    """Why the host is unreachable (the error's text), or what the last refresh said."""

    def as_json(self) -> dict[str, object]:
        """The notification's params."""
        return asdict(self)


class ConnectionStatus:
    """The last state sent; `update` sends a new one only when it differs."""

    def __init__(self, send: Callable[[dict[str, object]], None]) -> None:
        self.current = OllamaStatus()
        self._send = send

    def update(self, status: OllamaStatus) -> None:
        """Make `status` the current state, telling the client when it changed."""
        if status == self.current:
            return
        self.current = status
        self._send(status.as_json())

    def unreachable(self, host: str, message: str) -> None:
        """An operation could not reach Ollama at `host`."""
        self.update(OllamaStatus(host, "unreachable", message=message))

    def answered(self, host: str) -> None:
        """An operation got its answer from `host`: it is connected, whatever was known of it
        is kept."""
        current = self.current
        if current.state == "connected" and current.host == host:
            return
        if current.host == host:
            self.update(replace(current, state="connected", message=None))
        else:
            self.update(OllamaStatus(host, "connected"))
