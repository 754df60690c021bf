"""The shapes completion produces, and what every completion handler receives."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from modelfile_ls.features.markup import Documentation
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.cursor import CursorContext
from modelfile_ls.syntax.model import ParsedModelfile, Span


class CandidateKind(Enum):
    """What a candidate is; values are the LSP `CompletionItemKind` member names."""

    KEYWORD = "Keyword"
    PROPERTY = "Property"
    VALUE = "Value"
    MODULE = "Module"
    FILE = "File"
    FOLDER = "Folder"
    VARIABLE = "Variable"
    FIELD = "Field"
    FUNCTION = "Function"
    ENUM_MEMBER = "EnumMember"
    SNIPPET = "Snippet"
    CONSTANT = "Constant"


@dataclass(frozen=True, slots=True)
class CompletionCandidate:
    """One completion item; `replace_span` is on the cursor's line and contains the cursor."""

    label: str
    kind: CandidateKind
    replace_span: Span
    insert_text: str
    detail: str = ""
    documentation: Documentation | None = None
    is_snippet: bool = False
    sort_text: str = ""
    filter_text: str = ""
    retrigger: bool = False
    """Accepting it leads to another completion (`PARAMETER ` then names): the server may
    attach the client's trigger-suggest command."""


@dataclass(frozen=True, slots=True)
class Completions:
    """The candidates for one request; `is_incomplete` asks the client to re-query as the
    user types (the registry had more matches than the limit)."""

    items: tuple[CompletionCandidate, ...]
    is_incomplete: bool = False


@dataclass(frozen=True, slots=True)
class CompletionRequest:
    """What a completion handler gets: the document, the cursor and the options."""

    parsed: ParsedModelfile
    context: CursorContext
    registry: Registry | None
    base_dir: str | None
    snippets: bool
    limit: int


EMPTY = Completions(())
"""No candidates."""


def line_rest(request: CompletionRequest) -> tuple[bool, Span]:
    """Whether text follows the token on its line, and the span to replace: the token, plus
    trailing blanks when nothing else follows (so `name ` never leaves two spaces)."""
    parsed, span = request.parsed, request.context.token_span
    line_end = parsed.lines.line_end(parsed.lines.line_of(request.context.offset))
    rest = parsed.text[span.end : line_end]
    if rest.strip(" \t"):
        return True, span
    return False, Span(span.start, max(line_end, span.end))
