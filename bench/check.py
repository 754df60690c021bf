"""Whole-process timing of `modelfile-ls --check`, and the report formats' cost per finding.

Run: `.venv/bin/python bench/check.py [--runs N]` from the project root with the package
installed in that venv (it times the venv's `modelfile-ls` script); for the figures users
get, run it with the Python of a venv holding an ordinary install (`pip install .`: the
editable install's import hook alone adds ~15 ms to every start).
Inputs: a clean 1.5k-line file and one carrying ~600 findings (few-shot blocks that repeat
their parameters), a 10 MB file of long few-shot messages, a 10 MB file of ~280k short
PARAMETER / MESSAGE / SYSTEM lines (with ~140k findings, reported as text, json and sarif),
and the corpus. It prints Markdown
tables: min and median wall time over N fresh processes, each also as a ratio to the
interpreter's own start-up (`python -c pass`) measured in the same run, and, when a Go
toolchain can build it (`--go`, `--gopath`: GOPATH mode with golang.org/x/text), as a ratio to
Ollama's own parser on the same file (`bench/ollama_parser`: `parser.ParseFile` verbatim), the
anchor issue 8 names; then, in process, each report format's time per finding, as a ratio to
a fixed pure-Python loop.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "modelfiles"
OLLAMA_PARSER = ROOT / "bench" / "ollama_parser"

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


def findings_file(lines: int, repeated: int = 2) -> str:
    """About `lines` lines of few-shot examples that repeat `repeated` (1 or 2) parameters in
    every block of 5 lines: MF108 on each overridden PARAMETER (real few-shot files look like
    this), so ~600 findings in 1,500 lines with 2, ~300 with 1."""
    parts = [
        "FROM llama3.1:8b\n",
        "PARAMETER num_ctx 8192\n",
        "PARAMETER temperature 0.7\n",
        'SYSTEM """You answer arithmetic questions.\nBe short."""\n',
    ]
    count, n = 5, 0
    while count < lines:
        parts.append(f"PARAMETER temperature 0.{n % 10}\n")
        if repeated == 2:
            parts.append(f"PARAMETER num_ctx {4096 + n}\n")
        parts.append(f"MESSAGE user What is {n} plus {n}?\n")
        parts.append(f"MESSAGE assistant {2 * n}\n")
        parts.append(f"MESSAGE user And {n} times two?\n")
        if repeated == 1:
            parts.append(f"MESSAGE assistant {4 * n}\n")
        count += 5
        n += 1
    return "".join(parts)


def short_lines_file(size: int) -> bytes:
    """About `size` bytes of short instructions (~37 bytes a line, ~280k in 10 MB): a
    parameter set again and again, one-line messages and SYSTEM lines, so half the lines
    carry a finding (MF108, MF301)."""
    parts, total, n = ["FROM llama3.1:8b\n"], 0, 0
    while total < size:
        block = (
            f"PARAMETER temperature 0.{n % 10}\n"
            f"MESSAGE user What is the capital of {n}?\n"
            f"MESSAGE assistant It is city number {n}.\n"
            f"SYSTEM Answer in one short sentence {n}.\n"
        )
        parts.append(block)
        total += len(block)
        n += 1
    return "".join(parts).encode()


def long_lines_file(lines: int = 11, per_line: int = 1000) -> str:
    """Long SYSTEM lines with a zero-width space after every word: one MF008 finding per
    invisible character, ~11,000 findings on 10,000-character lines (a pasted prompt)."""
    line = "SYSTEM " + "".join(f"word{i} \u200b" for i in range(per_line)) + "\n"
    return "FROM llama3.1:8b\n" + line * lines


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


NEWLINE = b"\n"


def anchor_loop() -> float:
    """Seconds of a fixed pure-Python loop: the in-process figures' unit of machine speed."""
    start = time.perf_counter()
    total = 0
    for number in range(1_000_000):
        total += number % 7
    return time.perf_counter() - start


def report_cost(text: bytes, runs: int) -> list[tuple[str, float, int]]:
    """(format, best seconds per finding, findings) of rendering one file's findings."""
    from modelfile_ls.analysis.engine import analyze
    from modelfile_ls.analysis.rules import RULES_BY_CODE
    from modelfile_ls.report import render
    from modelfile_ls.report.model import FileResult
    from modelfile_ls.syntax import parse_bytes

    parsed = parse_bytes(text)
    result = FileResult("Modelfile", parsed.text, parsed.lines, tuple(analyze(parsed)))
    gc.freeze()  # as `check_targets` leaves the heap before the CLI renders
    rows = []
    for fmt in ("text", "json", "github", "sarif"):
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            render(fmt, [result], RULES_BY_CODE)
            samples.append(time.perf_counter() - start)
        rows.append((fmt, min(samples) / len(result.findings), len(result.findings)))
    return rows


def build_ollama_parser(folder: str, go: str, gopath: str) -> list[str] | None:
    """The command of Ollama's own parser built with Go, or None (and why) when it cannot be."""
    if shutil.which(go) is None:
        print(f"(No Go toolchain at `{go}`: the Ollama's-parser columns are left out.)\n")
        return None
    binary = Path(folder) / "ollama-parse"
    environment = {**os.environ, "GO111MODULE": "off", "GOPATH": gopath, "GOTOOLCHAIN": "local"}
    built = subprocess.run(
        # GOPATH mode builds a package outside GOPATH from its files, not from its path.
        [go, "build", "-o", str(binary), *map(str, sorted(OLLAMA_PARSER.glob("*.go")))],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode:
        print(f"(Ollama's parser did not build: {built.stderr.strip()})\n")
        return None
    version = subprocess.run([go, "version"], capture_output=True, text=True, check=False)
    print(f"Ollama's parser: `bench/ollama_parser` built with {version.stdout.strip()}.\n")
    return [str(binary)]


def files_of(targets: list[Path]) -> list[str]:
    """The files a check of these targets reads (a folder's Modelfiles, for Ollama's parser)."""
    found: list[str] = []
    for target in targets:
        found += sorted(map(str, target.iterdir())) if target.is_dir() else [str(target)]
    return found


def main() -> int:
    """Build the inputs, time them and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--go", default="go", help="the Go toolchain (default: go on PATH)")
    parser.add_argument("--gopath", default="/usr/share/gocode", help="where golang.org/x/text is")
    options = parser.parse_args()
    script = Path(sys.executable).parent / "modelfile-ls"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "modelfile_ls"]
    few = max(3, options.runs // 3)
    with tempfile.TemporaryDirectory() as folder:
        inputs = {
            "clean": realistic_file(1500).encode(),
            "findings": findings_file(1500).encode(),
            "long": big_file(10 * 1024 * 1024),
            "short": short_lines_file(10 * 1024 * 1024),
        }
        paths = {}
        for name, data in inputs.items():
            paths[name] = Path(folder) / f"{name}.Modelfile"
            paths[name].write_bytes(data)
        described = {
            name: f"{data.count(NEWLINE):,} lines, {len(data) / 2**20:.1f} MiB"
            for name, data in inputs.items()
        }
        cases = [
            (f"1.5k lines, clean ({described['clean']})", [paths["clean"]], "text", options.runs),
            (
                f"1.5k lines, ~600 findings ({described['findings']})",
                [paths["findings"]],
                "text",
                options.runs,
            ),
            (f"10 MB long messages ({described['long']})", [paths["long"]], "text", few),
            (f"10 MB short lines ({described['short']}), text", [paths["short"]], "text", few),
            (f"10 MB short lines ({described['short']}), json", [paths["short"]], "json", few),
            (f"10 MB short lines ({described['short']}), sarif", [paths["short"]], "sarif", few),
        ]
        if CORPUS.is_dir():
            cases.append(("corpus (300 files, one run)", [CORPUS], "text", few))
        ollama = build_ollama_parser(folder, options.go, options.gopath)
        anchor = time_command([sys.executable, "-c", "pass"], options.runs)
        print(f"`{' '.join(base)} --check FILE --format FMT --fail-on never`\n")
        header = "| input | runs | min (s) | median (s) | median / interpreter start |"
        rule = "|---|---|---|---|---|"
        if ollama:
            header += " Ollama's parser, median (s) | median / Ollama's parser |"
            rule += "---|---|"
        print(header)
        print(rule)
        print(
            f"| python -c pass (anchor) | {options.runs} | {anchor[0]:.3f} | {anchor[1]:.3f} "
            "| 1.0 |" + (" | |" if ollama else "")
        )
        go_times: dict[str, float] = {}
        for label, targets, fmt, runs in cases:
            command = [*base, "--check", *map(str, targets), "--format", fmt, "--fail-on", "never"]
            low, mid = time_command(command, runs)
            row = f"| {label} | {runs} | {low:.3f} | {mid:.3f} | {mid / anchor[1]:.1f} |"
            if ollama:
                files = files_of(targets)
                key = " ".join(files)
                if key not in go_times:
                    go_times[key] = time_command([*ollama, *files], runs)[1]
                row += f" {go_times[key]:.3f} | {mid / go_times[key]:.2f} |"
            print(row)
        loop = min(anchor_loop() for _ in range(5))
        print(
            f"\nIn process, best of {few} renders; anchor: a 10^6-step Python loop, {loop:.3f} s\n"
        )
        print("| report | findings | µs per finding | per finding / anchor loop (x 10^-6) |")
        print("|---|---|---|---|")
        inputs["long lines"] = long_lines_file().encode()
        for name in ("findings", "long lines", "short"):
            for fmt, seconds, count in report_cost(inputs[name], few):
                print(
                    f"| {fmt}, {name} input | {count:,} | {seconds * 1e6:.2f} "
                    f"| {seconds / loop * 1e6:.2f} |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
