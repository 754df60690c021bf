"""Whole-process timing of `modelfile-ls --check`: a 1.5k-line file, a 10 MB file, the corpus.

Run: `python bench/check.py [--runs N]` from the project root with the package installed.
It prints a Markdown table (min and median wall time over N runs of a fresh process).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "modelfiles"

BLOCK = '''PARAMETER temperature 0.7
PARAMETER top_p 0.9
PARAMETER stop "<|eot_id|>"
MESSAGE user """What does the {n}th instruction do?
Explain it step by step."""
MESSAGE assistant It sets a default option for the model.
# section {n}
SYSTEM """You are a careful assistant.
Answer in English, cite sources, and keep answers short.
Never invent facts."""
TEMPLATE """{{{{ if .System }}}}<|system|>{{{{ .System }}}}{{{{ end }}}}
{{{{ range .Messages }}}}<|{{{{ .Role }}}}|>{{{{ .Content }}}}{{{{ end }}}}<|assistant|>"""
'''


def realistic_file(lines: int) -> str:
    """A valid Modelfile of about `lines` lines built from typical instructions."""
    parts = ["FROM llama3.2:3b\n"]
    count, n = 1, 0
    while count < lines:
        block = BLOCK.format(n=n)
        parts.append(block)
        count += block.count("\n")
        n += 1
    return "".join(parts)


def big_file(size: int) -> bytes:
    """About `size` bytes of valid Modelfile text (corpus files that Ollama accepts, repeated)."""
    sources = [realistic_file(200).encode()]
    if CORPUS.is_dir():
        sources += [p.read_bytes() for p in sorted(CORPUS.glob("*.Modelfile"))[:40]]
    chunk = b"\n".join(s for s in sources if s.count(b'"') % 2 == 0 and not s.startswith(b"\xff"))
    return (chunk * (size // len(chunk) + 1))[:size].rsplit(b"\n", 1)[0] + b"\n"


def time_command(command: list[str], runs: int) -> tuple[float, float]:
    """Minimum and median wall time of a command over `runs` fresh processes."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples)


def main() -> int:
    """Build the inputs, time them and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    executable = shutil.which("modelfile-ls") or f"{sys.executable} -m modelfile_ls"
    base = executable.split()
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "lines1500.Modelfile"
        small.write_text(realistic_file(1500))
        large = Path(folder) / "ten-mb.Modelfile"
        large.write_bytes(big_file(10 * 1024 * 1024))
        cases = [
            (f"1.5k lines ({small.stat().st_size // 1024} KB)", [str(small)], options.runs),
            (f"10 MB ({large.stat().st_size / 2**20:.1f} MiB)", [str(large)], max(3, options.runs // 3)),
        ]
        if CORPUS.is_dir():
            cases.append(("corpus (300 files, one run)", [str(CORPUS)], max(3, options.runs // 3)))
        baseline = time_command([sys.executable, "-c", "pass"], options.runs)
        print(f"`{' '.join(base)} --check FILE --fail-on never`, {options.runs} runs\n")
        print("| input | min (s) | median (s) |")
        print("|---|---|---|")
        print(f"| python -c pass (interpreter start) | {baseline[0]:.3f} | {baseline[1]:.3f} |")
        for label, paths, runs in cases:
            low, mid = time_command([*base, "--check", *paths, "--fail-on", "never"], runs)
            print(f"| {label} | {low:.3f} | {mid:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
