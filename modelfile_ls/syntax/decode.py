"""Bytes to text exactly as Ollama's `parser.ParseFile` decodes a Modelfile.

Ollama wraps the reader in `unicode.BOMOverride(unicode.UTF8.NewDecoder())`: a UTF-8 BOM is
dropped, `FF FE` / `FE FF` switch to UTF-16 LE / BE, anything else is UTF-8 in which every
invalid byte becomes one U+FFFD (Go's decoder consumes a single byte per invalid sequence).
UTF-16 without a BOM is read as UTF-8, NULs and all, and then fails as Ollama fails.
"""

from __future__ import annotations

import codecs
from typing import Literal, NamedTuple

Encoding = Literal["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"]

_GO_REPLACE = "modelfile-ls-go-replace"


def _replace_one_byte(error: UnicodeError) -> tuple[str, int]:
    """Replace exactly one undecodable byte with U+FFFD, as Go's UTF-8 decoder does."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "\ufffd", error.start + 1


codecs.register_error(_GO_REPLACE, _replace_one_byte)


class DecodedText(NamedTuple):
    """Decoded Modelfile text with what the decoder had to do to get it."""

    text: str
    encoding: Encoding
    replaced_bytes: int
    looks_like_utf16_without_bom: bool


def decode_modelfile(data: bytes) -> DecodedText:
    """Decode Modelfile bytes the way Ollama does (see module docstring)."""
    encoding: Encoding
    if data.startswith(codecs.BOM_UTF8):
        body, encoding = data[3:], "utf-8-bom"
    elif data.startswith(codecs.BOM_UTF16_LE):
        text = data[2:].decode("utf-16-le", errors="replace")
        return DecodedText(text, "utf-16-le", 0, False)
    elif data.startswith(codecs.BOM_UTF16_BE):
        text = data[2:].decode("utf-16-be", errors="replace")
        return DecodedText(text, "utf-16-be", 0, False)
    else:
        body, encoding = data, "utf-8"
    text = body.decode("utf-8", errors=_GO_REPLACE)
    replaced = text.count("\ufffd") - body.count("\ufffd".encode())
    return DecodedText(text, encoding, replaced, _looks_like_utf16(body))


def _looks_like_utf16(body: bytes) -> bool:
    """True when NUL bytes interleave ASCII like UTF-16 text saved without a BOM."""
    sample = body[:200]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) >= half * 0.8 and min(even_nuls, odd_nuls) <= half * 0.1
