"""Random Modelfiles and model directories through Ollama's CreateRequest and through ours.

A maintainer's tool, not a test (it needs Go and an Ollama checkout, see README.md): it writes
random Modelfiles (every instruction, quoting, line endings, parameter values, model names,
paths) beside random model directories (GGUF, safetensors, pytorch, JSON, chat templates, LFS
pointers, binary and zip files), has `requests/main.go` (Ollama's own `ParseFile` and
`CreateRequest`) answer each, and compares with `build_create_request`: the same request,
files named as the CLI names them for upload (`createRequestFileNames`), or the same error.
Where only the server refuses a file (an invalid model name, a template error, a file that is
not GGUF) we refuse it before sending, so those count as agreeing.

    .venv/bin/python tests/ollama/gen/differential.py /tmp/ollama-requests --seed 1 --count 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from modelfile_ls.ollama.create_request import (
    LocalFilesError,
    ModelfileRejected,
    build_create_request,
    dry_run_body,
)

SERVER_ONLY = ("invalid model name", "template error:", "supplied file was not in GGUF format")
"""Refusals the server makes (the CLI's CreateRequest passes these files)."""
NOT_FOUND = ": no such file or directory"
NAMES = ["llama3.2", "llama3.2:latest", "qwen3:8b", "hf.co/unsloth/x-GGUF:Q4_K_M", "bad name!"]
NAMES += ["registry.ollama.ai/library/llama3", "./missing.gguf", "~/nothere.gguf", "a/b/c/d"]
PARAMETERS = ["num_ctx", "temperature", "top_k", "top_p", "stop", "seed", "num_predict"]
PARAMETERS += ["use_mmap", "min_p", "unknown_param", "Temperature", "num_gqa", "think", "tfs_z"]
VALUES = ["1", "0", "-1", "0.5", "1e3", "true", "false", "abc", "", "0x10", "1_000", " 3"]
VALUES += ['"<|eot|>"', "<|end|>", "+1", "9999999999999999999", "NaN", "inf", "1,2"]
ROLES = ["user", "assistant", "system", "tool", "User", "bot"]
TEXTS = ["hello", '"quoted value"', '"""multi\nline"""', "with # comment", "", '""']
TEXTS += ["'single'", '"""', "x\ty", '"unterminated', '"a\\"b"', "é中"]
TEMPLATES = ["{{ .Prompt }}", '"{{ .System }} {{ .Prompt }}"', "{{ if .System }}x", ""]
REQUIRES = ["0.5.0", "v0.6.2", "0.1", "1.2.3-rc1", "abc", "", "0.12.3"]
FILE_NAMES = ["model.gguf", "adapter.gguf", "model.safetensors", "consolidated.safetensors"]
FILE_NAMES += ["model-00001-of-00002.safetensors", "pytorch_model.bin", "consolidated.00.pth"]
FILE_NAMES += ["weights.bin", "config.json", "tokenizer.json", "chat_template.jinja", "x.txt"]
FILE_NAMES += ["sub/config.json", "sub/model.safetensors", "tokenizer.model"]


def content(rng: random.Random, name: str) -> bytes:
    """Bytes of one kind: GGUF, zip, JSON text, binary, an LFS pointer or an HTML comment."""
    kinds = {
        "gguf": b"GGUF" + struct.pack("<I", 3) + rng.randbytes(16),
        "zip": b"PK\x03\x04" + rng.randbytes(16),
        "text": json.dumps({"a": rng.randint(0, 9)}).encode(),
        "binary": b"\x00\x01\x02" + rng.randbytes(16),
        "lfs": b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 1\n",
        "html": b"<!-- x -->{{ y }}",
    }
    if name.endswith(".gguf") and rng.random() < 0.7:
        return kinds["gguf"]
    if name.endswith(".json") and rng.random() < 0.8:
        return kinds["text"]
    return kinds[rng.choice(list(kinds))]


def instruction(rng: random.Random, references: list[str]) -> str:
    """One random line."""
    keyword = rng.choice(["FROM", "PARAMETER", "PARAMETER", "TEMPLATE", "SYSTEM", "MESSAGE"] * 2)
    keyword = rng.choice([keyword, "LICENSE", "ADAPTER", "REQUIRES", "DRAFT", "RENDERER", "PARSER"])
    if rng.random() < 0.05:
        keyword = keyword.lower()
    upper = keyword.upper()
    if upper in ("FROM", "ADAPTER", "DRAFT"):
        return f"{keyword} {rng.choice(references + NAMES)}"
    if upper == "PARAMETER":
        return f"{keyword} {rng.choice(PARAMETERS)} {rng.choice(VALUES)}"
    if upper == "MESSAGE":
        return f"{keyword} {rng.choice(ROLES)} {rng.choice(TEXTS)}"
    if upper == "TEMPLATE":
        return f"{keyword} {rng.choice(TEMPLATES)}"
    if upper == "REQUIRES":
        return f"{keyword} {rng.choice(REQUIRES)}"
    if upper in ("RENDERER", "PARSER"):
        return f"{keyword} {rng.choice(['qwen3-coder', 'harmony', 'nope', ''])}"
    return f"{keyword} {rng.choice(TEXTS)}"


def write_case(rng: random.Random, folder: Path) -> Path:
    """A Modelfile and the files it may name, in `folder`."""
    references = ["./dir", "dir", "./ad", "./dir/", "./missing.gguf"]
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(["", "dir/", "dir/", "ad/"]) + rng.choice(FILE_NAMES)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content(rng, name))
        references.append("./" + name)
    if rng.random() < 0.3:  # links: into the directory, out of it, to a directory, dangling
        (folder / "outside.gguf").write_bytes(content(rng, "outside.gguf"))
        names = ["model.gguf", "config.json", "chat_template.jinja", "tokenizer.model"]
        link = folder / rng.choice(["dir", "ad"]) / rng.choice(names)
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            target = rng.choice(["../outside.gguf", "../nowhere", "../dir", "model.gguf"])
            link.symlink_to(target)
        if rng.random() < 0.3 and not (folder / "linked").exists():
            (folder / "linked").symlink_to("dir")
            references.append("./linked")
    lines = [f"FROM {rng.choice(references + NAMES[:4])}"] if rng.random() < 0.9 else []
    lines += [instruction(rng, references) for _ in range(rng.randint(0, 6))]
    separator = rng.choice(["\n", "\n", "\r\n", "\n\t"])
    modelfile = folder / "Modelfile"
    modelfile.write_text(separator.join(lines) + rng.choice(["\n", "", "\r\n"]))
    return modelfile


def upload_names(files: dict[str, str]) -> dict[str, str]:
    """The CLI's `createRequestFileNames`: one file by its base name, several by their path
    relative to their deepest common directory."""
    if len(files) < 2:
        return {os.path.basename(name): digest for name, digest in files.items()}
    root = os.path.commonpath([os.path.dirname(name) for name in files])
    return {os.path.relpath(name, root): digest for name, digest in files.items()}


def ours(path: Path) -> tuple[str, Any]:
    """Our request (as `--dry-run` prints it) or our refusals."""
    try:
        body = dict(dry_run_body(build_create_request(path.read_bytes(), path, model="probe")))
    except ModelfileRejected as rejected:
        return "error", sorted({f.ollama_message or f.message for f in rejected.findings})
    except LocalFilesError as error:
        return "error", [str(error)]
    body.pop("model")
    return "ok", body


def compare(verdict: dict[str, Any]) -> str | None:
    """Why ours differs from Ollama's for one file, or None."""
    kind, got = ours(Path(verdict["file"]))
    if not verdict["ok"]:
        if kind == "ok" or verdict["error"] not in got:
            return f"Ollama: {verdict['error']}\n  ours: {got}"
        return None
    if kind == "error":
        if all(message.startswith(SERVER_ONLY) for message in got):
            return None
        # A FROM directory whose selection meets a missing file (a dangling link) becomes a
        # model name in CreateRequest (`errors.Is(err, os.ErrNotExist)`), which the server
        # refuses: we refuse it with the missing file's error instead.
        dangling = [m for m in got if m.startswith("open ") and m.endswith(NOT_FOUND)]
        if dangling and verdict["request"].get("from"):
            return None
        return f"Ollama accepts it\n  ours: {got}"
    want = dict(verdict["request"])
    want.pop("model")
    for key in ("files", "adapters", "draft_files"):
        if key in want:
            want[key] = upload_names(want[key])
    return None if want == got else f"Ollama: {want}\n  ours: {got}"


def main() -> int:
    """Generate, ask Ollama's code, compare; the exit code is 1 when anything differs."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("requests", help="the built requests/main.go")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--count", type=int, default=1000)
    args = options.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for number in range(args.count):
            folder = Path(scratch) / f"case{number:05d}"
            folder.mkdir()
            files.append(str(write_case(rng, folder)))
        ran = subprocess.run([args.requests, *files], capture_output=True, text=True, check=True)
        differences = 0
        for line in ran.stdout.splitlines():
            verdict = json.loads(line)
            why = compare(verdict)
            if why is not None:
                differences += 1
                print(f"{Path(verdict['file']).read_text()!r}\n  {why}")
    print(f"{differences} differences in {args.count} Modelfiles")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
