"""The failures of talking to Ollama, each with a message for the user as is and a `hint`
saying what to do next (renderers print the message, then the hint when there is one)."""

from __future__ import annotations

from collections.abc import Sequence

START_HINT = (
    "Start it with `ollama serve`, or point --host / OLLAMA_HOST / ollama-hosts at a running"
    " server."
)


class OllamaError(Exception):
    """Any failure talking to Ollama; the message is meant for the user as is."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class OllamaUnreachable(OllamaError):
    """Nothing answers at the base URL(s): Ollama not running, wrong host or port."""

    def __init__(self, failures: Sequence[tuple[str, str]]) -> None:
        tried = ", ".join(f"{url} ({reason})" for url, reason in failures)
        super().__init__(f"could not connect to Ollama at {tried}", START_HINT)
        self.failures = tuple(failures)
        """(base URL, why) for every address tried, in the order tried."""


class OllamaHTTPError(OllamaError):
    """Ollama answered with an error status; `message` is its own `error` text."""

    def __init__(self, url: str, status: int, message: str, hint: str = "") -> None:
        super().__init__(f"Ollama at {url} answered {status}: {message}", hint)
        self.url = url
        self.status = status
        self.message = message


class OllamaStreamError(OllamaError):
    """A streamed answer went wrong: an `{"error": ...}` line (its text is the message), a
    stream cut before its last line, or a line that is not JSON."""


class OllamaProtocolError(OllamaError):
    """Ollama answered with something that is not the documented JSON shape."""


class Cancelled(OllamaError):
    """The caller's Cancel said stop; the connection was closed, so Ollama stops too."""
