"""Writes decode_verdicts.json: Ollama's own `parser.ParseFile` verdict on Modelfiles whose bytes
or runes Go and Python judge differently unless the parser mirrors Go exactly: invalid UTF-8
with and without a UTF-8 BOM, broken UTF-16, and runes whose Unicode version matters; and
random files of quoted values over lines (quotes, separators, CR and LF, invisible runes), which
the lexer reads in C when they are plain and in Python otherwise.

Run from the repository root with the parser built by Go (see README.md):

    python3 tests/syntax/gen/make_decode_cases.py /tmp/ollama-parse
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Runes assigned in Unicode 15.0.0, printable to Go 1.21-1.26 and unknown to Python 3.11, and
# runes assigned later (15.1.0, 16.0.0), printable to newer Pythons but unknown to Go 1.26.
NEWER_RUNES = {
    "\U0001fa77": "PINK HEART (15.0)",
    "\U0001fae8": "SHAKING FACE (15.0)",
    "\U00031350": "CJK Ext H ideograph (15.0)",
    "\u0cf3": "KANNADA SIGN COMBINING ANUSVARA ABOVE RIGHT (15.0)",
    "\U00011f04": "KAWI LETTER A (15.0)",
    "\U0002ebf0": "CJK Ext I ideograph (15.1)",
    "\u2ffc": "IDEOGRAPHIC DESCRIPTION CHARACTER (15.1)",
    "\U0001fae9": "FACE WITH BAGS UNDER EYES (16.0)",
    "\U0001cc00": "UP-POINTING GO-KART (16.0)",
    "\U0001fa76": "unassigned in 15.0",
}


def rune_cases() -> list[tuple[bytes, str]]:
    """Each newer rune inside a value, a quoted value, a PARAMETER name and a keyword."""
    cases = []
    for rune, name in NEWER_RUNES.items():
        for template, where in (
            ("FROM x\nSYSTEM a{r}b\n", "in a value"),
            ('FROM x\nSYSTEM """a {r}\n b"""\n', "in a quoted value"),
            ("FROM x\nPARAMETER t{r}op 1\n", "in a parameter name"),
            ("FROM x\n{r}SYSTEM hi\n", "before a keyword"),
            ("FROM x\nMESSAGE user {r}\n", "alone in a message"),
        ):
            cases.append((template.format(r=rune).encode(), f"{name} {where}"))
    return cases


def byte_cases(rng: random.Random) -> list[tuple[bytes, str]]:
    """Ill-formed UTF-8 with and without a BOM, and UTF-16 with broken surrogates."""
    pool = [0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED]
    pool += [0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF, 0x61, 0x20, 0xBB, 0xBD]
    cases = []
    for _ in range(150):
        body = bytes(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        cases.append((b"FROM x\nSYSTEM a" + body + b"a\n", "ill-formed UTF-8"))
        with_bom = b"\xef\xbb\xbfFROM x\nSYSTEM a" + body + b"a\n"
        cases.append((with_bom, "ill-formed UTF-8 after a BOM"))
    cases.append((b"FROM x\nSYSTEM a\xe2\x80", "a cut sequence at the end"))
    cases.append((b"\xef\xbb\xbfFROM x\nSYSTEM a\xe2\x80", "a cut sequence at the end after a BOM"))
    units = [0xD8, 0xDB, 0xDC, 0xDF, 0x00, 0x41, 0x20]
    for _ in range(100):
        encoding = rng.choice(["utf-16-le", "utf-16-be"])
        bom = b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff"
        body = bytes(rng.choice(units) for _ in range(rng.randint(1, 9)))
        tail = ("b" if rng.random() < 0.5 else "b\n").encode(encoding)[: rng.randint(1, 4)]
        cases.append((bom + "FROM x\nSYSTEM a".encode(encoding) + body + tail, encoding))
    return cases


QUOTED_HEADS = ["FROM", "SYSTEM", "TEMPLATE", "PARAMETER stop", "MESSAGE user", "MESSAGE assistant"]
QUOTED_HEADS += ["ADAPTER", "LICENSE", "from", "System", "MESSAGE system", "REQUIRES"]
QUOTED_PIECES = ['"', '""', '"""', '""""', " ", "\t", "\n", "\r\n", "\r", "x", "a b", "#"]
QUOTED_PIECES += ["\u200b", "\ufeff", "\x00", "é", "{{ .Prompt }}", "\\", "'", "\n\n"]


def quoted_cases(rng: random.Random) -> list[tuple[bytes, str]]:
    """Instructions with quoted values spread over random lines."""
    cases = []
    for _ in range(250):
        parts = ["FROM x\n"]  # without a FROM line ParseFile fails whatever follows
        for _ in range(rng.randint(1, 5)):
            parts.append(rng.choice(QUOTED_HEADS) + rng.choice([" ", "\t", "  ", " \t"]))
            opening = rng.choice(['"', '"""', '""'])
            parts.append(opening)
            # Half of them plain (what the C path reads), closed as they were opened.
            plain = rng.random() < 0.5
            pieces = [p for p in QUOTED_PIECES if p.isprintable() or p in "\t\n"]
            count = rng.randint(0, 10)
            parts.extend(rng.choice(pieces if plain else QUOTED_PIECES) for _ in range(count))
            closing = ['"', '"""', '""""', '"""  ', "", "x"]
            parts.append(opening[:3] if plain else rng.choice(closing))
            parts.append(rng.choice(["\n", "", "\r\n", " \n"]))
        cases.append(("".join(parts).encode(), "quoted values over lines"))
    return cases


def main() -> None:
    """Run Ollama's parser on every case and write the cases with its verdicts."""
    parser = sys.argv[1]
    cases = rune_cases() + byte_cases(random.Random(8)) + quoted_cases(random.Random(9))
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for index, (data, _) in enumerate(cases):
            path = Path(scratch) / f"{index}.Modelfile"
            path.write_bytes(data)
            paths.append(str(path))
        lines = subprocess.run([parser, "-json", *paths], capture_output=True, check=True)
    verdicts = [json.loads(line) for line in lines.stdout.decode().splitlines()]
    table = {
        "made_by": "bench/ollama_parser (Ollama's parser.ParseFile) built with Go 1.26.6",
        "cases": [
            {"why": why, "hex": data.hex(), "verdict": verdict}
            for (data, why), verdict in zip(cases, verdicts, strict=True)
        ],
    }
    text = json.dumps(table, indent=1, ensure_ascii=False)
    (HERE / "decode_verdicts.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
