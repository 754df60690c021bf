"""Whole-process timing of `modelfile-ls --check`: a 1.5k-line file, a 10 MB file, the corpus.

Run: `.venv/bin/python bench/check.py [--runs N]` from the project root with the package
installed in that venv (it times the venv's `modelfile-ls` script).
It prints a Markdown table (min and median wall time over N runs of a fresh process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "modelfiles"

HEADER = """# A large, realistic Modelfile: template, long system prompt, few-shot messages.
FROM llama3.1:8b
PARAMETER temperature 0.6
PARAMETER top_p 0.9
PARAMETER top_k 40
PARAMETER num_ctx 16384
PARAMETER repeat_penalty 1.05
PARAMETER stop "<|start_header_id|>"
PARAMETER stop "<|end_header_id|>"
PARAMETER stop "<|eot_id|>"
TEMPLATE \"\"\"{{- if or .System .Tools }}<|start_header_id|>system<|end_header_id|>
{{- if .System }}

{{ .System }}
{{- end }}
{{- if .Tools }}

You have access to these tools:
{{ range .Tools }}{{ json . }}
{{ end }}
{{- end }}<|eot_id|>
{{- end }}
{{- range $i, $_ := .Messages }}
{{- $last := eq (len (slice $.Messages $i)) 1 }}
{{- if eq .Role "user" }}<|start_header_id|>user<|end_header_id|>

{{ .Content }}<|eot_id|>{{ if $last }}<|start_header_id|>assistant<|end_header_id|>

{{ end }}
{{- else if eq .Role "assistant" }}<|start_header_id|>assistant<|end_header_id|>

{{ .Content }}{{ if not $last }}<|eot_id|>{{ end }}
{{- end }}
{{- end }}\"\"\"
"""

SENTENCE = "Answer precisely, cite the section of the manual you used, and say when you are unsure."


def realistic_file(lines: int) -> str:
    """A valid, clean Modelfile of about `lines` lines shaped like large real ones."""
    parts = [HEADER, 'SYSTEM """You are the support assistant for the Acme router.\n']
    count = HEADER.count("\n") + 1
    system_lines = lines // 3
    for n in range(system_lines):
        parts.append(f"Rule {n}: {SENTENCE}\n")
    parts.append('"""\n')
    count += system_lines + 1
    n = 0
    while count < lines:
        parts.append(f"MESSAGE user How do I configure feature {n} on the router?\n")
        parts.append(
            f'MESSAGE assistant """Open Settings > Advanced > Feature {n}.\n'
            f'Enable it and press Save. See section {n}.2 of the manual."""\n'
        )
        count += 3
        n += 1
    parts.append("LICENSE MIT\n")
    return "".join(parts)


def big_file(size: int) -> bytes:
    """About `size` bytes of valid Modelfile text: the realistic file plus few-shot messages."""
    head = realistic_file(1500)
    parts = [head]
    total, n = len(head), 0
    while total < size:
        block = (
            f"MESSAGE user Question {n}: how does the router handle case {n}?\n"
            f'MESSAGE assistant """Case {n} is handled by the firewall.\n'
            f'{SENTENCE}\n{SENTENCE}"""\n'
        )
        parts.append(block)
        total += len(block)
        n += 1
    return "".join(parts).encode()


# Installed packages ship compiled bytecode; let an editable checkout write it too, so the
# numbers describe what a user runs rather than a cold compile of every module.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_command(command: list[str], runs: int) -> tuple[float, float]:
    """Minimum and median wall time of a command over `runs` fresh processes (after a warm-up)."""
    samples = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=ENVIRONMENT,
        )
        if attempt:
            samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples)


def main() -> int:
    """Build the inputs, time them and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    script = Path(sys.executable).parent / "modelfile-ls"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "modelfile_ls"]
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "lines1500.Modelfile"
        small.write_text(realistic_file(1500))
        large = Path(folder) / "ten-mb.Modelfile"
        large.write_bytes(big_file(10 * 1024 * 1024))
        cases = [
            (f"1.5k lines ({small.stat().st_size // 1024} KB)", [str(small)], options.runs),
            (
                f"10 MB ({large.stat().st_size / 2**20:.1f} MiB)",
                [str(large)],
                max(3, options.runs // 3),
            ),
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
