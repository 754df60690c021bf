"""Writes create_verdicts.json: Ollama's own verdict (`main.go`: ParseFile, CreateRequest and the
JSON encoding the client sends) on Modelfiles whose PARAMETER values and REQUIRES versions probe
Go's strconv and semver: bases, signs, separators, overflow, infinities, bool spellings, quotes,
deprecated and unknown names. Run from the repository root with `main.go` built (README.md):

    python3 tests/ollama/gen/make_create_cases.py /tmp/ollama-create-verdict
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
INTS = ["num_ctx", "num_predict", "top_k", "repeat_last_n", "seed", "num_gpu", "num_thread"]
INTS += ["num_batch", "num_keep", "main_gpu"]
FLOATS = ["temperature", "top_p", "min_p", "repeat_penalty", "typical_p", "presence_penalty"]
FLOATS += ["frequency_penalty", "mirostat_tau", "mirostat_eta"]
BOOLS = ["use_mmap", "numa", "penalize_newline", "low_vram", "f16_kv", "vocab_only", "use_mlock"]
OTHERS = ["stop", "mirostat", "batch_size", "Temperature", "num_gqa", "tfs_z", "think"]
VALUES = ["1", "-1", "+1", "0x10", "010", "0b1", "0o7", "1_000", "1e3", "1.0", "1.", ".5"]
VALUES += ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400"]
VALUES += ["3.4e38", "3.5e38", "1e-50", "inf", "+Inf", "-infinity", "nan", "NaN", "0x1p-2"]
VALUES += ["0x1.8p1", "1_0.5", "+.5e+3", "0", "-0", "00", "٣", "１", "true", "TRUE", "True"]
VALUES += ["tRUE", "t", "T", "F", "f", "false", "FALSE", "False", "yes", "2", "0.5", "1e", "e1"]
VALUES += ["0x", "_1", "1__0", "0_1", "0x_1", "1.5e3", "2147483648", '"0.5"', "'0.5'", "0,5"]
VALUES += ["0.5 # why", '" 7 "']
REQUIRES = ["0.1.0", "v0.1.0", "0.1", "1", "0.14.0-rc1", "x", "0.1.0+b", "00.1.0", "0.01.0"]
REQUIRES += ["0.1.0-", "0.1.0-01", "0.1.0-a.01", "0.1.0-a.b", "V0.1.0", "vv0.1.0", " 0.1.0"]


def cases(rng: random.Random) -> list[str]:
    """One file per name-and-value pair of each kind, then random mixes of several lines."""
    files = [f"FROM llama3.2\nPARAMETER {name} {value}\n" for name in (
        "num_ctx", "temperature", "use_mmap", "stop", "mirostat"
    ) for value in VALUES]  # fmt: skip
    files += [f"FROM llama3.2\nREQUIRES {version}\n" for version in REQUIRES]
    for _ in range(300):
        lines = ["FROM llama3.2"]
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(INTS + FLOATS + BOOLS + OTHERS)
            lines.append(f"PARAMETER {name} {rng.choice(VALUES)}")
        if rng.random() < 0.2:
            lines.append(f"REQUIRES {rng.choice(REQUIRES)}")
        files.append("\n".join(lines) + "\n")
    return files


def main() -> None:
    """Run Ollama's verdict on every case and write the cases with its verdicts."""
    verdict = sys.argv[1]
    table = []
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "Modelfile"
        for text in cases(random.Random(5)):
            path.write_text(text)
            ran = subprocess.run([verdict, str(path)], capture_output=True, check=True)
            table.append({"modelfile": text, **json.loads(ran.stdout)})
    made_by = "tests/ollama/gen/main.go (Ollama's ParseFile and CreateRequest) built with Go 1.26.6"
    text = json.dumps({"made_by": made_by, "cases": table}, indent=1, ensure_ascii=False)
    (HERE / "create_verdicts.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
