"""What a long Ollama operation (create, pull, push, bench) tells its renderer, one event at a
time: the CLI draws them as progress bars or plain lines, the language server as `$/progress`.

Every operation yields Progress and Notice events and ends with exactly one Done; a failure is
an OllamaError raised from the generator instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """One status line of a long operation, Ollama's own words when Ollama said it."""

    status: str
    digest: str = ""
    """The layer or blob this line is about, when any."""
    total: int | None = None
    """Bytes, when the line moves data."""
    completed: int | None = None

    @property
    def percent(self) -> int | None:
        """How much of this layer or file is done, when the line carries sizes."""
        if self.total is None or self.total <= 0:
            return None
        return min(100, (self.completed or 0) * 100 // self.total)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should read that is not progress (e.g. a failover)."""

    text: str


@dataclass(frozen=True, slots=True)
class Done:
    """The last event of every long operation: a one-line summary and the typed result."""

    message: str
    data: Mapping[str, object]
    """JSON-serialisable result (the language server's command returns it as is)."""


Event = Progress | Notice | Done
Cancel = Callable[[], bool]
"""Polled after every streamed line or chunk; True stops the operation (Cancelled is raised)."""


def never() -> bool:
    """A Cancel that never stops (for callers without a cancel button)."""
    return False
