"""Go's `http.DetectContentType` (net/http/sniff.go, Go 1.26), which the CLI's file selection
asks of every file it takes from a model directory.

The signatures are Go's, in Go's order: HTML tags and comments, XML, PDF and PostScript, the
UTF-16 and UTF-8 byte order marks, images, audio and video, fonts, archives, WebAssembly, then
text (no control byte) and the binary fallback. The CLI compares the type before any `;`.
"""

SNIFF_LENGTH = 512
"""How many leading bytes Go looks at."""

_WHITESPACE = b"\t\n\x0c\r "
_HTML_TAGS = (
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
)
_HTML = "text/html; charset=utf-8"
# (mask, pattern, skip leading whitespace, content type); an exact signature is a full mask.
_AFTER_HTML: tuple[tuple[bytes, bytes, bool, str], ...] = (
    (b"\xff" * 5, b"<?xml", True, "text/xml; charset=utf-8"),
    (b"\xff" * 5, b"%PDF-", False, "application/pdf"),
    (b"\xff" * 11, b"%!PS-Adobe-", False, "application/postscript"),
    (b"\xff\xff\x00\x00", b"\xfe\xff\x00\x00", False, "text/plain; charset=utf-16be"),
    (b"\xff\xff\x00\x00", b"\xff\xfe\x00\x00", False, "text/plain; charset=utf-16le"),
    (b"\xff\xff\xff\x00", b"\xef\xbb\xbf\x00", False, "text/plain; charset=utf-8"),
    (b"\xff" * 4, b"\x00\x00\x01\x00", False, "image/x-icon"),
    (b"\xff" * 4, b"\x00\x00\x02\x00", False, "image/x-icon"),
    (b"\xff" * 2, b"BM", False, "image/bmp"),
    (b"\xff" * 6, b"GIF87a", False, "image/gif"),
    (b"\xff" * 6, b"GIF89a", False, "image/gif"),
    (b"\xff" * 4 + b"\x00" * 4 + b"\xff" * 6, b"RIFF\x00\x00\x00\x00WEBPVP", False, "image/webp"),
    (b"\xff" * 8, b"\x89PNG\x0d\x0a\x1a\x0a", False, "image/png"),
    (b"\xff" * 3, b"\xff\xd8\xff", False, "image/jpeg"),
    (b"\xff" * 4 + b"\x00" * 4 + b"\xff" * 4, b"FORM\x00\x00\x00\x00AIFF", False, "audio/aiff"),
    (b"\xff" * 3, b"ID3", False, "audio/mpeg"),
    (b"\xff" * 5, b"OggS\x00", False, "application/ogg"),
    (b"\xff" * 8, b"MThd\x00\x00\x00\x06", False, "audio/midi"),
    (b"\xff" * 4 + b"\x00" * 4 + b"\xff" * 4, b"RIFF\x00\x00\x00\x00AVI ", False, "video/avi"),
    (b"\xff" * 4 + b"\x00" * 4 + b"\xff" * 4, b"RIFF\x00\x00\x00\x00WAVE", False, "audio/wave"),
)
_AFTER_MP4: tuple[tuple[bytes, bytes, bool, str], ...] = (
    (b"\xff" * 4, b"\x1a\x45\xdf\xa3", False, "video/webm"),
    (b"\x00" * 34 + b"\xff\xff", b"\x00" * 34 + b"LP", False, "application/vnd.ms-fontobject"),
    (b"\xff" * 4, b"\x00\x01\x00\x00", False, "font/ttf"),
    (b"\xff" * 4, b"OTTO", False, "font/otf"),
    (b"\xff" * 4, b"ttcf", False, "font/collection"),
    (b"\xff" * 4, b"wOFF", False, "font/woff"),
    (b"\xff" * 4, b"wOF2", False, "font/woff2"),
    (b"\xff" * 3, b"\x1f\x8b\x08", False, "application/x-gzip"),
    (b"\xff" * 4, b"PK\x03\x04", False, "application/zip"),
    (b"\xff" * 7, b"Rar!\x1a\x07\x00", False, "application/x-rar-compressed"),
    (b"\xff" * 8, b"Rar!\x1a\x07\x01\x00", False, "application/x-rar-compressed"),
    (b"\xff" * 4, b"\x00\x61\x73\x6d", False, "application/wasm"),
)
_CONTROL = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
"""The bytes that make data binary for Go's text signature."""


def detect_content_type(data: bytes) -> str:
    """Go's `http.DetectContentType` of the data's first 512 bytes."""
    data = data[:SNIFF_LENGTH]
    first = len(data) - len(data.lstrip(_WHITESPACE))
    for tag in _HTML_TAGS:
        if _is_html(data[first:], tag):
            return _HTML
    for masked in _AFTER_HTML:
        if _masked_match(data, first, *masked):
            return masked[3]
    if _is_mp4(data):
        return "video/mp4"
    for masked in _AFTER_MP4:
        if _masked_match(data, first, *masked):
            return masked[3]
    if not any(byte in _CONTROL for byte in data[first:]):
        return "text/plain; charset=utf-8"
    return "application/octet-stream"


def _is_html(data: bytes, tag: bytes) -> bool:
    """Go's `htmlSig`: the tag, letters in any case, then a space or `>`."""
    if len(data) < len(tag) + 1:
        return False
    for expected, byte in zip(tag, data, strict=False):
        if ord("A") <= expected <= ord("Z"):
            byte &= 0xDF
        if expected != byte:
            return False
    return data[len(tag)] in b" >"


def _masked_match(data: bytes, first: int, mask: bytes, pattern: bytes, skip: bool, _: str) -> bool:
    """Go's `maskedSig` (and `exactSig`, a full mask)."""
    if skip:
        data = data[first:]
    if len(data) < len(pattern):
        return False
    return all(byte & bits == want for byte, bits, want in zip(data, mask, pattern, strict=False))


def _is_mp4(data: bytes) -> bool:
    """Go's `mp4Sig`: an `ftyp` box naming an `mp4` brand."""
    if len(data) < 12:
        return False
    box_size = int.from_bytes(data[:4], "big")
    if len(data) < box_size or box_size % 4 != 0 or data[4:8] != b"ftyp":
        return False
    return any(data[start : start + 3] == b"mp4" for start in range(8, box_size, 4) if start != 12)
