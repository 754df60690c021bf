"""The syntax layer: decoding, parsing, positions. Nothing outside it touches tree-sitter."""

from __future__ import annotations

from modelfile_ls.syntax.decode import decode_modelfile
from modelfile_ls.syntax.lexer import scan
from modelfile_ls.syntax.model import (
    KEYWORDS,
    Comment,
    Instruction,
    ParsedModelfile,
    ProblemKind,
    Quoting,
    Span,
    SyntaxProblem,
    Value,
)
from modelfile_ls.syntax.positions import LineIndex, Position
from modelfile_ls.syntax.runs import InstructionRuns

__all__ = [
    "KEYWORDS",
    "Comment",
    "Instruction",
    "LineIndex",
    "ParsedModelfile",
    "Position",
    "ProblemKind",
    "Quoting",
    "Span",
    "SyntaxProblem",
    "Value",
    "parse",
    "parse_bytes",
]


def parse(text: str) -> ParsedModelfile:
    """Parse already-decoded Modelfile text (an editor buffer)."""
    instructions, comments, problems = scan(text)
    return ParsedModelfile(
        text,
        InstructionRuns.of(tuple(instructions), clean=not problems),
        tuple(comments),
        tuple(problems),
    )


def parse_bytes(data: bytes) -> ParsedModelfile:
    """Parse Modelfile bytes, decoding them exactly as Ollama does."""
    decoded = decode_modelfile(data)
    instructions, comments, problems = scan(decoded.text)
    return ParsedModelfile(
        decoded.text,
        # Without a problem no instruction failed (tests/syntax/test_fuzz.py holds it).
        InstructionRuns.of(tuple(instructions), clean=not problems),
        tuple(comments),
        tuple(problems),
        encoding=decoded.encoding,
        replaced_bytes=decoded.replaced_bytes,
        looks_like_utf16_without_bom=decoded.looks_like_utf16_without_bom,
    )
