"""Write sniff_cases.json: byte strings that probe every signature of Go's DetectContentType
(each one exact, cut short, behind whitespace, in other letter cases, with its masked bytes
varied) and the text/binary boundary, plus random bytes (see README.md)."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIGNATURES = [
    b"<!DOCTYPE HTML",
    b"<HTML",
    b"<HEAD",
    b"<SCRIPT",
    b"<IFRAME",
    b"<H1",
    b"<DIV",
    b"<FONT",
    b"<TABLE",
    b"<A",
    b"<STYLE",
    b"<TITLE",
    b"<B",
    b"<BODY",
    b"<BR",
    b"<P",
    b"<!--",
    b"<?xml",
    b"%PDF-",
    b"%!PS-Adobe-",
    b"\xfe\xff\x00\x00",
    b"\xff\xfe\x00\x00",
    b"\xef\xbb\xbf\x00",
    b"\xef\xbb\xbf",
    b"\x00\x00\x01\x00",
    b"\x00\x00\x02\x00",
    b"BM",
    b"GIF87a",
    b"GIF89a",
    b"RIFF\x10\x20\x30\x40WEBPVP",
    b"\x89PNG\x0d\x0a\x1a\x0a",
    b"\xff\xd8\xff",
    b"FORM\x01\x02\x03\x04AIFF",
    b"ID3",
    b"OggS\x00",
    b"MThd\x00\x00\x00\x06",
    b"RIFF\x01\x02\x03\x04AVI ",
    b"RIFF\x01\x02\x03\x04WAVE",
    b"\x1a\x45\xdf\xa3",
    b"\x07" * 34 + b"LP",
    b"\x00\x01\x00\x00",
    b"OTTO",
    b"ttcf",
    b"wOFF",
    b"wOF2",
    b"\x1f\x8b\x08",
    b"PK\x03\x04",
    b"Rar!\x1a\x07\x00",
    b"Rar!\x1a\x07\x01\x00",
    b"\x00asm",
    b"GGUF\x03\x00\x00\x00",
    b"version https://git-lfs.github.com/spec/v1\n",
    b'{"a": 1}',
]
TAILS = [b"", b" ", b">", b"x", b"\x00", b" rest of it", b"\n\x01"]
MP4 = [
    b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp41isom",
    b"\x00\x00\x00\x14ftypisom\x00\x00\x00\x00mp41",
    b"\x00\x00\x00\x10ftypmp42\x00\x00\x00\x00",
    b"\x00\x00\x00\x13ftypmp42\x00\x00\x00\x00mp41",
    b"\x00\x00\x01\x00ftypmp42",
]


def cases(rng: random.Random) -> list[bytes]:
    """Every probe, in a fixed order."""
    found: list[bytes] = [b"", b" ", b"\t\n\x0c\r ", b"plain text", b"\x7f\x80\xff", b"a" * 600]
    for signature in SIGNATURES:
        for tail in TAILS:
            found += [signature + tail, signature[:-1] + tail, b" \n\t" + signature + tail]
            found.append(signature.lower() + tail)
            found.append(bytes(b ^ rng.choice([0, 0, 0x20, 0x01]) for b in signature) + tail)
    for byte in range(256):
        found += [bytes([byte]), b"text" + bytes([byte]) + b"more", bytes([byte]) * 3]
    found += MP4 + [m[:11] for m in MP4]
    found += [b"x" * 511 + b"\x00", b"x" * 512 + b"\x00", b" " * 600 + b"<HTML>"]
    found += [rng.randbytes(rng.randint(0, 40)) for _ in range(300)]
    return found


def main() -> None:
    """Write the cases next to this script."""
    encoded = [base64.b64encode(case).decode() for case in cases(random.Random(8))]
    (HERE / "sniff_cases.json").write_text(json.dumps(encoded, indent=0) + "\n")


if __name__ == "__main__":
    main()
