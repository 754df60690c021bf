"""Semantic tokens for the whole document: keywords, parameter names, roles, typed values,
comments, and the inside of TEMPLATE actions.

Tokens come sorted, never overlap and never cross a line break (clients without
multi-line token support need that), so the server only converts spans to its encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from modelfile_ls.analysis.references import Reference
from modelfile_ls.analysis.values import convert
from modelfile_ls.facts import language_facts
from modelfile_ls.features import template_docs
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span
from modelfile_ls.template import BUILTIN_FUNCTIONS, OLLAMA_FUNCTIONS
from modelfile_ls.template.scan import actions
from modelfile_ls.vocabulary import TOKEN_MODIFIERS, TOKEN_TYPES

_TYPE_INDEX = {name: index for index, name in enumerate(TOKEN_TYPES)}
_MODIFIER_BIT = {name: 1 << index for index, name in enumerate(TOKEN_MODIFIERS)}


@dataclass(frozen=True, slots=True)
class SemanticToken:
    """A span of one line with its type and modifiers (names from the legends)."""

    span: Span
    type: str
    modifiers: tuple[str, ...] = ()

    @property
    def type_index(self) -> int:
        """The index of the type in `TOKEN_TYPES`."""
        return _TYPE_INDEX[self.type]

    @property
    def modifier_bits(self) -> int:
        """The modifiers as the LSP bit set over `TOKEN_MODIFIERS`."""
        bits = 0
        for modifier in self.modifiers:
            bits |= _MODIFIER_BIT[modifier]
        return bits


_ACTION_TOKEN = re.compile(
    r"""(?P<comment>/\*.*?\*/)
      | (?P<string>"(?:\\.|[^"\\])*"|`[^`]*`|'(?:\\.|[^'\\])*')
      | (?P<number>[+-]?[0-9][0-9A-Za-z_.]*)
      | (?P<field>\$?[A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+|\$[A-Za-z0-9_]*|\.)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<operator>:=|=|\||\(|\)|,)""",
    re.DOTALL | re.VERBOSE,
)
_CONSTANTS = frozenset({"true", "false", "nil"})
_KNOWN_FIELDS = frozenset(template_docs.VARIABLES) | frozenset(template_docs.FIELDS)


class _Collector:
    """Collects tokens, splitting spans at line breaks."""

    def __init__(self, parsed: ParsedModelfile) -> None:
        self.parsed = parsed
        self.tokens: list[SemanticToken] = []

    def add(self, start: int, end: int, kind: str, modifiers: tuple[str, ...] = ()) -> None:
        if end <= start:
            return
        lines = self.parsed.lines
        first, last = lines.line_of(start), lines.line_of(end)
        if first == last:
            self.tokens.append(SemanticToken(Span(start, end), kind, modifiers))
            return
        for line in range(first, last + 1):
            piece_start = max(start, lines.line_start(line))
            piece_end = min(end, lines.line_end(line))
            if piece_end > piece_start:
                self.tokens.append(SemanticToken(Span(piece_start, piece_end), kind, modifiers))


def semantic_tokens(parsed: ParsedModelfile) -> list[SemanticToken]:
    """All tokens of the document, sorted by position."""
    out = _Collector(parsed)
    for comment in parsed.comments:
        out.add(comment.span.start, comment.span.end, "comment")
    for instruction in parsed.instructions:
        _instruction(out, instruction)
    out.tokens.sort(key=lambda t: t.span.start)
    return out.tokens


def _instruction(out: _Collector, instruction: Instruction) -> None:
    facts = language_facts()
    if instruction.keyword:
        out.add(*instruction.keyword_span, "keyword")
    if instruction.name_span is not None:
        fact = facts.parameter(instruction.name or "")
        retired = fact is not None and fact.status != "current"
        out.add(*instruction.name_span, "property", ("deprecated",) if retired else ())
    if instruction.role_span is not None:
        out.add(*instruction.role_span, "enumMember")
    value = instruction.value
    if value is None or not instruction.keyword:
        return
    start = value.open_span.start if value.open_span else value.content_span.start
    end = value.close_span.end if value.close_span else value.content_span.end
    keyword = instruction.effective_keyword
    if keyword == "TEMPLATE":
        if value.open_span is not None:
            out.add(*value.open_span, "string")
        _template(out, value.content_span)
        if value.close_span is not None:
            out.add(*value.close_span, "string")
        return
    out.add(start, end, _value_type(instruction, keyword))


def _value_type(instruction: Instruction, keyword: str) -> str:
    value = instruction.value
    assert value is not None
    if keyword == "FROM":
        reference = Reference(instruction, keyword, value.text, None, None)
        return "string" if reference.looks_like_path else "namespace"
    if keyword == "PARAMETER":
        fact = language_facts().parameter(instruction.name or "")
        typed = fact is not None and fact.type != "string_list"
        if fact is not None and typed and convert(fact.type, value.text).error is None:
            return "keyword" if fact.type == "bool" else "number"
    return "string"


def _template(out: _Collector, content: Span) -> None:
    text = out.parsed.text
    base = content.start
    found, _ = actions(text[content.start : content.end])
    position = base
    for action in found:
        out.add(position, base + action.start, "string")
        body_start = base + action.body_start
        body_end = body_start + len(action.body)
        out.add(base + action.start, body_start, "macro")
        _action(out, body_start, body_end)
        out.add(body_end, base + action.end, "macro")
        position = base + action.end
    out.add(position, content.end, "string")


def _action(out: _Collector, start: int, end: int) -> None:
    for match in _ACTION_TOKEN.finditer(out.parsed.text, start, end):
        kind = match.lastgroup or "operator"
        token_start, token_end = match.span()
        if kind == "field":
            word = match.group().lstrip("$").split(".")
            known = len(word) > 1 and word[1] in _KNOWN_FIELDS
            out.add(token_start, token_end, "variable", ("defaultLibrary",) if known else ())
        elif kind == "word":
            out.add(token_start, token_end, *_word(match.group()))
        else:
            out.add(token_start, token_end, kind)


def _word(word: str) -> tuple[str, tuple[str, ...]]:
    if word in template_docs.ACTIONS or word in _CONSTANTS:
        return "keyword", ()
    if word in BUILTIN_FUNCTIONS or word in OLLAMA_FUNCTIONS:
        return "function", ("defaultLibrary",)
    return "function", ()
