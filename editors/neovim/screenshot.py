"""Makes screenshot.png: the plugin in a real terminal (Neovim under tmux, 100x26), showing
tree-sitter highlighting, the server's diagnostics and parameter-name completion.

    python editors/neovim/screenshot.py [NVIM]    # needs tmux, Pillow, modelfile-ls on PATH

The screen is read with `tmux capture-pane -e` (text with its colours) and drawn cell by cell.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
COLUMNS, ROWS = 100, 26
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SESSION = "modelfile-screenshot"
BACKGROUND, FOREGROUND = (20, 22, 30), (224, 226, 234)
ANSI = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]
MODELFILE = '''# A chat model for code review
FROM llama3.2 # base model
PARAMETER temperature 0.7
PARAMETER max_tokens 512
TEMPLATE """{{- if .System }}<|system|>{{ .System }}{{ end }}
{{- range .Messages }}<|{{ .Role }}|>{{ .Content }}{{ end }}"""
MESSAGE User review this diff
'''
INIT = """
vim.o.termguicolors = true
vim.o.number = true
vim.o.completeopt = 'menuone,noinsert'
vim.o.shortmess = vim.o.shortmess .. 'cI'
vim.diagnostic.config({
  virtual_text = { prefix = '●', format = function(d) return d.code .. ' ' .. d.message end },
  signs = true,
  update_in_insert = true,
})
vim.g.modelfile_install_dir = [[%(site)s]]
"""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(text: str, limit: float = 30.0) -> str:
    """Polls the screen (at most `limit` seconds) until it shows `text`."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", SESSION)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise SystemExit(f"the screen never showed {text!r}:\n{screen}")


def palette(index: int) -> tuple[int, int, int]:
    if index < 16:
        return ANSI[index]
    if index < 232:
        index -= 16
        steps = (0, 95, 135, 175, 215, 255)
        return steps[index // 36], steps[index // 6 % 6], steps[index % 6]
    grey = 8 + (index - 232) * 10
    return grey, grey, grey


def cells(line: str) -> list[tuple[str, tuple[int, int, int], tuple[int, int, int], bool]]:
    """(char, fg, bg, bold) for each character of a captured line with SGR sequences."""
    fg, bg, bold, reverse = FOREGROUND, BACKGROUND, False, False
    out = []
    for escape, text in re.findall(r"\x1b\[([0-9;:]*)m|([^\x1b]+)", line):
        if text:
            for char in text:
                out.append((char, bg if reverse else fg, fg if reverse else bg, bold))
            continue
        codes = [int(c) if c else 0 for c in re.split("[;:]", escape)] or [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                fg, bg, bold, reverse = FOREGROUND, BACKGROUND, False, False
            elif code == 1:
                bold = True
            elif code == 7:
                reverse = True
            elif code == 22:
                bold = False
            elif code == 27:
                reverse = False
            elif code in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 2:
                    color = tuple(codes[i + 2 : i + 5])
                    i += 4
                else:
                    color = palette(codes[i + 2])
                    i += 2
                if code == 38:
                    fg = color  # type: ignore[assignment]
                else:
                    bg = color  # type: ignore[assignment]
            elif code == 39:
                fg = FOREGROUND
            elif code == 49:
                bg = BACKGROUND
            elif 30 <= code <= 37:
                fg = ANSI[code - 30]
            elif 40 <= code <= 47:
                bg = ANSI[code - 40]
            elif 90 <= code <= 97:
                fg = ANSI[code - 90 + 8]
            elif 100 <= code <= 107:
                bg = ANSI[code - 100 + 8]
            i += 1
    return out


def render(screen: str, target: Path) -> None:
    font = ImageFont.truetype(FONT, 15)
    bold_font = ImageFont.truetype(FONT_BOLD, 15)
    left, top, right, bottom = font.getbbox("M")
    width, height = int(font.getlength("M")), 20
    image = Image.new("RGB", (COLUMNS * width + 24, ROWS * height + 24), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(screen.split("\n")[:ROWS]):
        for column, (char, fg, bg, bold) in enumerate(cells(line)[:COLUMNS]):
            x, y = 12 + column * width, 12 + row * height
            if bg != BACKGROUND:
                draw.rectangle([x, y, x + width, y + height], fill=bg)
            if char.strip():
                draw.text((x, y + 2), char, font=bold_font if bold else font, fill=fg)
    image.save(target)


def main(argv: list[str]) -> int:
    nvim = argv[0] if argv else shutil.which("nvim") or "nvim"
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        (work / "review.Modelfile").write_text(MODELFILE, encoding="utf-8")
        (work / "init.lua").write_text(INIT % {"site": work / "site"}, encoding="utf-8")
        command = (
            f"{nvim} --clean --cmd 'set rtp^={HERE}' -u {work / 'init.lua'} "
            f"-c ModelfileBuildParser -c 'edit {work / 'review.Modelfile'}'"
        )
        tmux("new-session", "-d", "-s", SESSION, "-x", str(COLUMNS), "-y", str(ROWS), "-e",
             "TERM=tmux-256color", "-e", "COLORTERM=truecolor", "-e",
             f"MODELFILE_LS_REGISTRY={work / 'registry.sqlite'}", "-e", "OLLAMA_HOST=127.0.0.1:9",
             command)
        try:
            wait_for("MF101")
            tmux("send-keys", "-t", SESSION, "G", "o", "PARAMETER t")
            tmux("send-keys", "-t", SESSION, "C-x", "C-o")
            wait_for("temperature")
            wait_for("top_k")
            screen = tmux("capture-pane", "-p", "-e", "-t", SESSION)
        finally:
            tmux("kill-session", "-t", SESSION)
    render(screen, HERE / "screenshot.png")
    print(f"wrote {HERE / 'screenshot.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
