"""The progress renderers: bars redrawn in place on a terminal, each status once elsewhere,
nothing with --quiet; sizes, rates and times worded as Ollama's CLI words them."""

from __future__ import annotations

import io
import re

import pytest

from modelfile_ls.commands.progress import (
    PlainRenderer,
    QuietRenderer,
    TerminalRenderer,
    format_bytes,
    format_duration,
    make_renderer,
)
from modelfile_ls.ollama.events import Notice, Progress

LAYER = "sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa"
GB = 1_000_000_000
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Clock:
    """A clock the test moves (rates and ETAs without waiting)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def screen(output: str) -> list[str]:
    """What a terminal shows after `output`: the lines, with cursor-up and \\r applied."""
    lines = [""]
    row = 0
    for token in re.split(r"(\x1b\[[0-9;?]*[A-Za-z]|\r|\n)", output):
        if token == "\n":
            row += 1
            if row == len(lines):
                lines.append("")
        elif token == "\x1b[A":
            row -= 1
        elif token and token != "\r" and not ESCAPES.fullmatch(token):
            lines[row] = token  # every redraw writes whole lines from column 0 (after \r)
    return lines


def pull(renderer: TerminalRenderer | PlainRenderer, clock: Clock) -> None:
    renderer.progress(Progress("pulling manifest"))
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB))
    for step in range(1, 5):
        clock.now += 1.0
        renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, step * GB // 2))
    renderer.progress(Progress("verifying sha256 digest"))
    renderer.progress(Progress("success"))


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1 KB"),
        (1500, "1.5 KB"),
        (10_500, "10 KB"),
        (2_019_393_189, "2.0 GB"),
        (2 * GB, "2 GB"),
        (3 * 10**12, "3 TB"),
    ],
)
def test_bytes_as_ollama_words_them(count: int, shown: str) -> None:
    assert format_bytes(count) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0s"), (59.4, "59s"), (125, "2m5s"), (3725, "1h2m"), (100 * 3600, "99h+")],
)
def test_remaining_time_in_two_units(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


def test_terminal_bars_show_bytes_rate_and_eta_in_place() -> None:
    clock, out = Clock(), Tty()
    renderer = TerminalRenderer(out, clock=clock, size=lambda: (100, 24))
    renderer.progress(Progress("pulling manifest"))
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB))
    clock.now += 1.0
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, GB // 2))
    clock.now += 1.0
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, GB))
    middle = screen(out.getvalue())
    assert middle[0] == "pulling manifest"
    bar = middle[1]
    assert bar.startswith("pulling 6a0746a1ec1a  50% \u2595")
    assert "  1 GB/  2 GB" in bar and "500 MB/s" in bar and bar.endswith("2s")
    assert len(middle) == 2 and len(bar) <= 99, "one line per layer, never wider than the screen"
    clock.now += 2.0
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, 2 * GB))
    renderer.progress(Progress("success"))
    renderer.close()
    final = screen(out.getvalue())
    assert final[0] == "pulling manifest"
    assert final[1].startswith("pulling 6a0746a1ec1a 100%") and "  2 GB" in final[1]
    assert "/s" not in final[1], "a finished bar shows its size, not a rate"
    assert final[2:] == ["success", ""]
    frames = out.getvalue().count("\x1b[?2026h")
    assert frames == out.getvalue().count("\x1b[?2026l") > 0, "each redraw is one synced frame"


def test_terminal_skips_a_layers_empty_first_line_as_ollama_does() -> None:
    out = Tty()
    renderer = TerminalRenderer(out, clock=Clock(), size=lambda: (80, 24))
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB))
    assert out.getvalue() == ""


def test_terminal_redraws_at_most_every_tenth_of_a_second() -> None:
    clock, out = Clock(), Tty()
    renderer = TerminalRenderer(out, clock=clock, size=lambda: (80, 24))
    renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, 1))
    for completed in range(2, 1002):
        clock.now += 0.001
        renderer.progress(Progress("pulling 6a0746a1ec1a", LAYER, 2 * GB, completed))
    frames = out.getvalue().count("\x1b[?2026h")
    assert 10 <= frames <= 12, frames


def test_terminal_notice_prints_above_the_block() -> None:
    clock, out = Clock(), Tty()
    renderer = TerminalRenderer(out, clock=clock, size=lambda: (80, 24))
    renderer.progress(Progress("pulling manifest"))
    renderer.progress(Progress("writing manifest"))
    renderer.notice(Notice("http://a refused the connection; using http://b"))
    renderer.close()
    assert screen(out.getvalue()) == [
        "http://a refused the connection; using http://b",
        "pulling manifest",
        "writing manifest",
        "",
    ]


def test_terminal_keeps_to_the_screen_height() -> None:
    out = Tty()
    renderer = TerminalRenderer(out, clock=Clock(), size=lambda: (80, 5))
    for n in range(10):
        renderer.progress(Progress(f"creating new layer sha256:{n}"))
    renderer.close()
    assert screen(out.getvalue())[-5:-1] == [f"creating new layer sha256:{n}" for n in range(6, 10)]


def test_plain_lines_say_each_status_once() -> None:
    out = io.StringIO()
    pull(PlainRenderer(out), Clock())
    assert out.getvalue().splitlines() == [
        "pulling manifest",
        "pulling 6a0746a1ec1a (2 GB)",
        "verifying sha256 digest",
        "success",
    ]


def test_quiet_prints_nothing() -> None:
    renderer = QuietRenderer()
    renderer.progress(Progress("pulling manifest"))
    renderer.notice(Notice("skipped a host"))
    renderer.close()


def test_the_stream_decides_the_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    assert isinstance(make_renderer(Tty(), quiet=False), TerminalRenderer)
    assert isinstance(make_renderer(io.StringIO(), quiet=False), PlainRenderer)
    assert isinstance(make_renderer(Tty(), quiet=True), QuietRenderer)
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(make_renderer(Tty(), quiet=False), PlainRenderer)
