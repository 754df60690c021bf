"""Writes name_verdicts.json: Ollama's server verdict (`names/main.go`) on FROM model names built
from the pieces its grammar turns on: separators, source suffixes (`:cloud`, `:local`, a tag's
`-cloud`), part lengths, leading characters and the whitespace Go trims and keeps. Run from the
repository root with `names/main.go` built (README.md):

    python3 tests/ollama/gen/make_name_cases.py /tmp/ollama-name-verdict
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PIECES = ["llama3.2", "qwen", "a", "A", "0", "_", "-", ".", ":", "/", "//", "://", "https://"]
PIECES += ["host", "host:1234", "ns", "my-ns", "latest", "8b", "q4_K_M", ":local", ":cloud"]
PIECES += [":Cloud", ":LOCAL", "-cloud", "-CLOUD", " -cloud", ":Local ", " ", "\t", "\n", "é"]
PIECES += ["@", "sha256:abc", "x" * 80, "y" * 130, "z" * 350, "..", "_x", "-x", ".x", ":80"]
PIECES += ["+", "\x1c", "\u3000", "\u2007", "\x85"]


def main() -> None:
    """Ask Ollama about every name and write the names with its verdicts."""
    rng = random.Random(3)
    names = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 5))) for _ in range(700)]
    names += ["", " ", "x:8b-cloud:cloud", "x:8b:cloud", "x: 8b-cloud", "\x1cllama3.2"]
    lines = "".join(json.dumps(name) + "\n" for name in names)
    ran = subprocess.run([sys.argv[1]], input=lines.encode(), capture_output=True, check=True)
    verdicts = [json.loads(line) for line in ran.stdout.decode().split("\n")[:-1]]
    made_by = "tests/ollama/gen/names/main.go (Ollama's parseAndValidateModelRef), Go 1.26.6"
    text = json.dumps({"made_by": made_by, "cases": verdicts}, indent=1, ensure_ascii=False)
    (HERE / "name_verdicts.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
