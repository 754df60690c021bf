"""Bytes to text exactly as Ollama's `parser.ParseFile` decodes a Modelfile.

Ollama wraps the reader in `unicode.BOMOverride(unicode.UTF8.NewDecoder())` and reads runes
from it with `bufio.Reader.ReadRune`:
- no BOM: `golang.org/x/text`'s UTF-8 decoder replaces "the maximal subpart of an ill-formed
  subsequence according to the W3C standard way instead of the Go way" with one U+FFFD (a cut
  `E2 80` before ASCII is one U+FFFD), which is also Python's own `replace`;
- `EF BB BF`: the BOM is dropped and the rest passes through `transform.Nop` unchecked, so
  `ReadRune` decodes it the Go way: every byte that does not start a valid rune is one U+FFFD
  (that `E2 80` is two);
- `FF FE` / `FE FF`: UTF-16 LE / BE, decoded as `x/text`'s UTF-16 decoder does, whose handling
  of broken surrogates differs from Python's (`_utf16`).
UTF-16 without a BOM is read as UTF-8, NULs and all, and then fails as Ollama fails.
"""

import codecs

from modelfile_ls.static_types import Literal, NamedTuple

Encoding = Literal["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"]

_REPLACEMENT = "\ufffd"
_REPLACEMENT_BYTES = _REPLACEMENT.encode()
_EACH_BYTE = "modelfile-ls-each-byte"


def _replace_each_byte(error: UnicodeError) -> tuple[str, int]:
    """One U+FFFD for the first undecodable byte, resuming after it: Go's `utf8.DecodeRune`."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _REPLACEMENT, error.start + 1


codecs.register_error(_EACH_BYTE, _replace_each_byte)


class DecodedText(NamedTuple):
    """Decoded Modelfile text with what the decoder had to do to get it."""

    text: str
    encoding: Encoding
    replaced_bytes: int
    """How many bytes of the file were not valid UTF-8 and so became U+FFFD."""
    looks_like_utf16_without_bom: bool


def decode_modelfile(data: bytes) -> DecodedText:
    """Decode Modelfile bytes the way Ollama does (see module docstring)."""
    encoding: Encoding
    errors = "replace"
    if data.startswith(codecs.BOM_UTF8):
        body, encoding, errors = data[3:], "utf-8-bom", _EACH_BYTE
    elif data.startswith(codecs.BOM_UTF16_LE):
        return DecodedText(_utf16(data[2:], "little"), "utf-16-le", 0, False)
    elif data.startswith(codecs.BOM_UTF16_BE):
        return DecodedText(_utf16(data[2:], "big"), "utf-16-be", 0, False)
    else:
        body, encoding = data, "utf-8"
    text = body.decode("utf-8", errors=errors)
    inserted = text.count(_REPLACEMENT) - body.count(_REPLACEMENT_BYTES)
    # The bytes that decoded are the text's UTF-8 less the U+FFFDs put in; the rest did not.
    replaced = len(body) - (len(text.encode()) - inserted * 3) if inserted else 0
    return DecodedText(text, encoding, replaced, _looks_like_utf16(body))


def _utf16(body: bytes, byteorder: Literal["little", "big"]) -> str:
    """UTF-16 as `x/text`'s `utf16Decoder.Transform` decodes it; well-formed text (the usual
    case) is Python's own decoding, which then agrees with it."""
    try:
        return body.decode("utf-16-le" if byteorder == "little" else "utf-16-be")
    except UnicodeDecodeError:
        pass
    units = [int.from_bytes(body[i : i + 2], byteorder) for i in range(0, len(body) - 1, 2)]
    out: list[str] = []
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if 0xD800 <= unit <= 0xDFFF:
            # Go takes the next unit along when it is in DC00-DFFF (its `isHighSurrogate`
            # tests that range), whatever this one is: a high and a low make one rune, two
            # lows one U+FFFD. A surrogate not followed by a low is one U+FFFD on its own.
            following = units[index] if index < len(units) else -1
            if 0xDC00 <= following <= 0xDFFF:
                index += 1
                if unit <= 0xDBFF:
                    out.append(chr(0x10000 + ((unit - 0xD800) << 10) + following - 0xDC00))
                    continue
            out.append(_REPLACEMENT)
        else:
            out.append(chr(unit))
    if len(body) % 2:
        out.append(_REPLACEMENT)  # "Single trailing byte."
    return "".join(out)


def _looks_like_utf16(body: bytes) -> bool:
    """True when NUL bytes interleave ASCII like UTF-16 text saved without a BOM."""
    sample = body[:200]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) >= half * 0.8 and min(even_nuls, odd_nuls) <= half * 0.1
