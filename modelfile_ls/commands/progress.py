"""Draw the events of a long Ollama operation (create, pull, push, bench) on a terminal.

Three renderers share one interface. On a terminal, `TerminalRenderer` keeps one line per
layer or blob, as `ollama pull` does (a bar with bytes, rate and ETA when the line moves data,
the status text otherwise), and redraws the whole block in place in one write, wrapped in the
terminal's synchronized-output mode so it never flickers. Elsewhere (a CI log, a pipe)
`PlainRenderer` prints each status once, never every chunk. `QuietRenderer` prints nothing:
with `--quiet` only errors and the final line are shown. Progress and notices go to stderr,
like Ollama's CLI, so stdout carries only the result.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from modelfile_ls.ollama.events import Notice, Progress

REDRAW_INTERVAL = 0.1
"""Seconds between redraws while bytes stream (Ollama's renderer ticks every 100 ms)."""
RATE_SAMPLES = 10
"""Samples, one a second at most, that the rate is averaged over (as Ollama's bar keeps)."""
DEFAULT_WIDTH = 80
DEFAULT_HEIGHT = 24

_SYNC_START, _SYNC_END = "\x1b[?2026h", "\x1b[?2026l"
_HIDE_CURSOR, _SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"
_UP, _ERASE_RIGHT = "\x1b[A", "\x1b[K"
_LEFT_EDGE, _FULL, _RIGHT_EDGE = "\u2595", "\u2588", "\u258f"
"""The bar's ends and fill, the block characters Ollama's bar draws."""


def format_bytes(count: int) -> str:
    """Bytes as Ollama's `format.HumanBytes` shows them: `2.0 GB`, `512 MB`, `17 B`."""
    for unit, size in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= size:
            value = count / size
            if value >= 10 or value == int(value):
                return f"{int(value)} {unit}"
            return f"{value:.1f} {unit}"
    return f"{count} B"


def format_duration(seconds: float) -> str:
    """A remaining time in at most two units, as Ollama's bar shows it: `59s`, `2m5s`, `1h2m`."""
    whole = round(seconds)
    if whole >= 100 * 3600:
        return "99h+"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes}m"
    if minutes:
        return f"{minutes}m{secs}s"
    return f"{secs}s"


class Renderer(Protocol):
    """What a long verb's loop feeds its events to."""

    def progress(self, event: Progress) -> None:
        """One status line from the operation."""

    def notice(self, event: Notice) -> None:
        """Something to read that is not progress (a failover)."""

    def close(self) -> None:
        """Leave the terminal ready for the final line or an error message."""


class QuietRenderer:
    """`--quiet`: no progress and no notices."""

    def progress(self, event: Progress) -> None:
        """Drop the line."""

    def notice(self, event: Notice) -> None:
        """Drop the notice."""

    def close(self) -> None:
        """Nothing was drawn."""


class PlainRenderer:
    """Not a terminal: each status once (with its size when it moves data), never each chunk."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._seen: set[tuple[str, str]] = set()

    def progress(self, event: Progress) -> None:
        """Print the line the first time this status (for this layer) appears."""
        key = (event.status, event.digest)
        if key in self._seen:
            return
        self._seen.add(key)
        size = f" ({format_bytes(event.total)})" if event.total else ""
        self._stream.write(f"{event.status}{size}\n")
        self._stream.flush()

    def notice(self, event: Notice) -> None:
        """Print the notice on its own line."""
        self._stream.write(f"{event.text}\n")
        self._stream.flush()

    def close(self) -> None:
        """Every line already ended."""


@dataclass
class _Line:
    """One line of the terminal block: a status, or a bar when it carries a total."""

    text: str
    started: float
    total: int = 0
    completed: int = 0
    initial: int = 0
    stopped: float | None = None
    samples: deque[tuple[float, int]] = field(default_factory=lambda: deque(maxlen=RATE_SAMPLES))

    def update(self, event: Progress, now: float) -> None:
        """Take the newest byte counts; a bar stops its clock once complete."""
        if event.total is None:
            return
        self.total = event.total
        self.completed = min(event.completed or 0, self.total)
        if self.completed >= self.total and self.stopped is None:
            self.stopped = now
        if not self.samples or now - self.samples[-1][0] >= 1.0:
            self.samples.append((now, self.completed))

    def rate(self) -> float:
        """Bytes a second: over the whole transfer once done, else over the recent samples."""
        if self.stopped is not None:
            moved, spent = self.completed - self.initial, self.stopped - self.started
        elif len(self.samples) >= 2:
            (first_t, first_v), (last_t, last_v) = self.samples[0], self.samples[-1]
            moved, spent = last_v - first_v, last_t - first_t
        elif self.samples:
            moved, spent = self.samples[0][1] - self.initial, self.samples[0][0] - self.started
        else:
            return 0.0
        return moved / spent if spent >= 0.5 else 0.0

    def render(self, width: int) -> str:
        """The line as drawn, never wider than `width` (so the cursor maths stays right)."""
        if not self.total:
            return self.text[:width]
        percent = self.completed * 100 // self.total
        head = f"{self.text} {percent:3d}%"
        rate = self.rate()
        if self.stopped is None:
            sizes = f"{format_bytes(self.completed):>6}/{format_bytes(self.total):>6}"
        else:
            sizes = f"{format_bytes(self.total):>6}" + " " * 7
        if self.stopped is None and rate > 0:
            eta = format_duration((self.total - self.completed) / rate)
            tail = f"{sizes}  {format_bytes(int(rate)):>6}/s  {eta:>6}"
        else:
            tail = sizes + " " * 18
        room = width - len(head) - len(tail) - 5
        if room < 4:
            return f"{head} {tail.strip()}"[:width]
        filled = room * self.completed // self.total
        return f"{head} {_LEFT_EDGE}{_FULL * filled}{' ' * (room - filled)}{_RIGHT_EDGE} {tail}"


class TerminalRenderer:
    """A terminal: one line per layer/blob or status, redrawn in place."""

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        size: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._size = size or (lambda: _terminal_size(stream))
        self._lines: dict[str, _Line] = {}
        self._drawn = 0
        """How many lines the last redraw left on screen (the cursor is on the last one)."""
        self._last_draw = float("-inf")

    def progress(self, event: Progress) -> None:
        """Add or update this event's line; redraw when something new appears, or every
        REDRAW_INTERVAL while bytes stream."""
        now = self._clock()
        moves_data = event.total is not None and event.total > 0
        if moves_data and not event.completed and event.digest not in self._lines:
            # Ollama's CLI skips a layer's first line (nothing downloaded yet): a row of 0%
            # bars reads as if they were the last thing left to do.
            return
        key = event.digest if moves_data and event.digest else event.status
        line = self._lines.get(key)
        fresh = line is None
        if line is None:
            line = _Line(event.status, now, initial=event.completed or 0)
            self._lines[key] = line
        was_stopped = line.stopped is not None
        line.update(event, now)
        finished = line.stopped is not None and not was_stopped
        if fresh or finished or now - self._last_draw >= REDRAW_INTERVAL:
            self._redraw(now)

    def notice(self, event: Notice) -> None:
        """Print the notice above the block, which is drawn again below it."""
        self._redraw(self._clock(), above=event.text)

    def close(self) -> None:
        """Draw the final state and end the block's last line."""
        if self._drawn:
            self._redraw(self._clock())
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = 0

    def _redraw(self, now: float, above: str = "") -> None:
        width, height = self._size()
        width = max(width - 1, 10)  # never the last column: no pending wrap to confuse `\x1b[K`
        parts = [_SYNC_START, _HIDE_CURSOR, _UP * max(self._drawn - 1, 0), "\r"]
        if above:
            parts += [above, _ERASE_RIGHT, "\n"]
        visible = list(self._lines.values())[-max(height - 1, 1) :]
        parts.append("\n".join(line.render(width) + _ERASE_RIGHT for line in visible))
        parts += [_SHOW_CURSOR, _SYNC_END]
        self._stream.write("".join(parts))
        self._stream.flush()
        self._drawn = len(visible)
        self._last_draw = now
        if above and not visible:
            self._drawn = 0


def _terminal_size(stream: TextIO) -> tuple[int, int]:
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError):
        return DEFAULT_WIDTH, DEFAULT_HEIGHT
    return size.columns or DEFAULT_WIDTH, size.lines or DEFAULT_HEIGHT


def make_renderer(stream: TextIO, *, quiet: bool) -> Renderer:
    """The renderer for this stream: quiet, bars on a terminal, plain lines otherwise."""
    if quiet:
        return QuietRenderer()
    if stream.isatty() and os.environ.get("TERM") != "dumb":
        return TerminalRenderer(stream)
    return PlainRenderer(stream)
