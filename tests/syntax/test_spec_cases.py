"""Every parser-level case of spec section 14, with Ollama's verdict."""

from __future__ import annotations

import pytest

from modelfile_ls.syntax import parse, parse_bytes
from modelfile_ls.syntax.ollama_view import ollama_verdict

INV = (
    'command must be one of "from", "license", "template", "system", "adapter", "draft",'
    ' "renderer", "parser", "parameter", "message", or "requires"'
)
ROLE = 'message role must be one of "system", "user", or "assistant"'
M = ("model", "llama3.2")

# (spec number, input, expected commands or error string)
CASES: list[tuple[int, str | bytes, list[tuple[str, str]] | str]] = [
    (1, "FROM llama3.2\n", [M]),
    (2, "from llama3.2\nParameter temperature 0.5\n", [M, ("temperature", "0.5")]),
    (3, "FROM llama3.2\nPARAMETER Temperature 0.5\n", [M, ("Temperature", "0.5")]),
    (4, "FROM llama3.2\nMESSAGE User hi\n", f"(line 2): {ROLE}"),
    (5, "", "no FROM line"),
    (6, "# only a comment\n", "no FROM line"),
    (7, "PARAMETER model llama3.2\n", [M]),
    (8, "FROM llama3.2\nPARAMETER system You are terse.\n", [M, ("system", "You are terse.")]),
    (9, "FROM\n", f"(line 2): {INV}"),
    (10, "FROM", "unexpected EOF"),
    (11, "FROM \n", [("model", "")]),
    (12, "FROM llama3.2\nSYSTEM \n", [M, ("system", "")]),
    (13, "FROM llama3.2\nBADCMD x\n", f"(line 2): {INV}"),
    (14, "FROM llama3.2\nBADCMD\n", f"(line 3): {INV}"),
    (15, "FROM llama3.2\nBADCMD", "unexpected EOF"),
    (16, "FROM llama3.2\r\nBADCMD x\r\n", f"(line 3): {INV}"),
    (17, "FROM2 llama3.2\n", f"(line 1): {INV}"),
    (18, "FROM: llama3.2\n", f"(line 1): {INV}"),
    (19, "FROM llama3.2 # base\n", [("model", "llama3.2 # base")]),
    (20, "  # indented comment\n\tFROM llama3.2\n", [M]),
    (21, "FROM llama3.2\nPARAMETER  temperature 0.5\n", [M, ("", "temperature 0.5")]),
    (22, "FROM llama3.2\nMESSAGE  user hi\n", f"(line 2): {ROLE}"),
    (23, "FROM llama3.2\nPARAMETER\ttemperature\t0.5\n", [M, ("temperature", "0.5")]),
    (24, "FROM llama3.2\nPARAMETER top-k 5\n", "unexpected EOF: top"),
    (25, "FROM llama3.2\nPARAMETER temperature0.5\n", "unexpected EOF: temperature0"),
    (26, "FROM llama3.2\nPARAMETER stop\n", "unexpected EOF: stop"),
    (27, "FROM llama3.2\nPARAMETER stop ", [M, ("stop", "")]),
    (28, "FROM llama3.2\nPARAMETER -x 1\n", "unexpected EOF: "),
    (29, "FROM llama3.2\nMESSAGE user\n", "unexpected EOF: user"),
    (30, "FROM llama3.2\nMESSAGE user: hi\n", "unexpected EOF: user"),
    (31, "FROM llama3.2\nMESSAGE tool result\n", f"(line 2): {ROLE}"),
    (32, "FROM llama3.2\nMESSAGE user \n", [M, ("message", "user: ")]),
    (33, "FROM llama3.2\nPARAMETER temperature 0.5 # hot\n", [M, ("temperature", "0.5 # hot")]),
    (34, "FROM llama3.2\nPARAMETER num_ctx 4096.0\n", [M, ("num_ctx", "4096.0")]),
    (35, "FROM llama3.2\nPARAMETER num_ctx +4096\n", [M, ("num_ctx", "+4096")]),
    (36, 'FROM llama3.2\nPARAMETER temperature " 0.5"\n', [M, ("temperature", " 0.5")]),
    (37, "FROM llama3.2\nPARAMETER use_mmap yes\n", [M, ("use_mmap", "yes")]),
    (38, "FROM llama3.2\nPARAMETER use_mmap T\n", [M, ("use_mmap", "T")]),
    (39, "FROM llama3.2\nPARAMETER numa true\n", [M, ("numa", "true")]),
    (40, "FROM llama3.2\nPARAMETER mirostat 2\n", [M, ("mirostat", "2")]),
    (
        41,
        'FROM llama3.2\nPARAMETER stop <|a|>\nPARAMETER stop "<|b|>"\n'
        "PARAMETER temperature 0.1\nPARAMETER temperature 0.9\n",
        [M, ("stop", "<|a|>"), ("stop", "<|b|>"), ("temperature", "0.1"), ("temperature", "0.9")],
    ),
    (42, 'FROM llama3.2\nPARAMETER stop "a" "b"\n', [M, ("stop", 'a" "b')]),
    (43, 'FROM llama3.2\nSYSTEM "hello\nworld"\n', [M, ("system", "hello\nworld")]),
    (44, 'FROM llama3.2\nSYSTEM "abc" def\n', "unexpected EOF"),
    (45, 'FROM llama3.2\nSYSTEM "abc" def\nLICENSE "x"\n', [M, ("system", 'abc" def\nLICENSE "x')]),
    (46, 'FROM llama3.2\nLICENSE """\nquote: """\nmore\n"""\n', f"(line 5): {INV}"),
    (47, 'FROM llama3.2\nSYSTEM "a\\"b"\n', [M, ("system", 'a\\"b')]),
    (48, "FROM llama3.2\nSYSTEM 'single'\n", [M, ("system", "'single'")]),
    (49, 'FROM llama3.2\nSYSTEM """a"\n', "unexpected EOF"),
    (50, 'FROM llama3.2\nSYSTEM """"\n', "unexpected EOF"),
    (51, 'FROM llama3.2\nSYSTEM """""""\n', [M, ("system", '"')]),
    (52, 'FROM llama3.2\nSYSTEM """"quoted""""\n', [M, ("system", '"quoted"')]),
    (53, 'FROM llama3.2\nSYSTEM """ spaced """\n', [M, ("system", " spaced ")]),
    (
        54,
        "FROM llama3.2\nSYSTEM abc \\\nPARAMETER temperature 1\n",
        [M, ("system", "abc \\"), ("temperature", "1")],
    ),
    (55, "FROM llama3.2\nSYSTEM a\u00a0b\u200bc\u0007d\te\n", [M, ("system", "abcd\te")]),
    (56, "FROM llama3.2\nSYSTEM\u00a0x\n", f"(line 2): {INV}"),
    (57, "\u00a0FROM llama3.2\n", [M]),
    (
        58,
        'FROM llama3.2\r\nSYSTEM """line1\r\nline2"""\r\n',
        [M, ("system", "line1\r\nline2")],
    ),
    (59, "FROM llama3.2\nREQUIRES v0.14\n", [M, ("requires", "v0.14")]),
    (60, "FROM llama3.2\nREQUIRES >=0.14.0\n", [M, ("requires", ">=0.14.0")]),
    (61, "FROM llama3.2\nPARAMETER temperature inf\n", [M, ("temperature", "inf")]),
    (62, b"\xff\xfe" + "FROM bob\r\n".encode("utf-16-le"), [("model", "bob")]),
    (63, "FROM bob\n".encode("utf-16-le"), f"(line 1): {INV}"),
    (
        64,
        "FROM ./model.gguf\nFROM ./mmproj.gguf\n",
        [("model", "./model.gguf"), ("model", "./mmproj.gguf")],
    ),
    (65, "FROM llama3.2\nFROM ./model.gguf\n", [M, ("model", "./model.gguf")]),
    (66, "FROM ./missing.gguf\n", [("model", "./missing.gguf")]),
    (67, "FROM ./m.gguf\nDRAFT ./m.gguf\n", [("model", "./m.gguf"), ("draft", "./m.gguf")]),
    (68, "FROM llama3.2\nADAPTER ./nope\n", [M, ("adapter", "./nope")]),
    (69, "FROM ~nosuchuser/m.gguf\n", [("model", "~nosuchuser/m.gguf")]),
    (70, 'FROM llama3.2\nTEMPLATE {{ template "x" }}\n', [M, ("template", '{{ template "x" }}')]),
    (71, "FROM llama3.2\nTEMPLATE {{ if .System }}\n", [M, ("template", "{{ if .System }}")]),
    (72, 'FROM llama3.2\nSYSTEM ""\n', [M, ("system", "")]),
]


@pytest.mark.parametrize(
    ("number", "source", "expected"), CASES, ids=[f"case{c[0]}" for c in CASES]
)
def test_spec_case(number: int, source: str | bytes, expected: list[tuple[str, str]] | str) -> None:
    parsed = parse_bytes(source) if isinstance(source, bytes) else parse(source)
    verdict = ollama_verdict(parsed)
    if isinstance(expected, str):
        assert verdict == {"ok": False, "error": expected}
    else:
        want = [{"name": name, "args": args} for name, args in expected]
        assert verdict == {"ok": True, "commands": want}


def test_every_spec_case_is_covered() -> None:
    assert [c[0] for c in CASES] == list(range(1, 73))


def test_utf8_text_and_bytes_agree_on_bom() -> None:
    assert ollama_verdict(parse_bytes(b"\xef\xbb\xbfFROM x\n")) == {
        "ok": True,
        "commands": [{"name": "model", "args": "x"}],
    }
