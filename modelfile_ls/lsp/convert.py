"""Between the analysis' character-offset spans and LSP ranges, findings and diagnostics.

Every conversion takes the position encoding negotiated at `initialize` (UTF-16 unless the
client offered UTF-8 or UTF-32), so columns are right with non-ASCII text and emoji.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsprotocol import types

from modelfile_ls.syntax.positions import LineIndex, PositionEncoding

if TYPE_CHECKING:
    from modelfile_ls.analysis.finding import Finding
    from modelfile_ls.syntax.model import Span

RULES_DOC_URL = "https://github.com/modelfile-ls/modelfile-ls/blob/main/README.md#{anchor}"
"""Where every rule is documented: its row of the README's generated table (anchor = code)."""
SOURCE = "modelfile-ls"

_ENCODINGS: dict[str, PositionEncoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
_TAGS = {
    "deprecated": types.DiagnosticTag.Deprecated,
    "unnecessary": types.DiagnosticTag.Unnecessary,
}


def encoding_of(kind: str | None) -> PositionEncoding:
    """Our name for a negotiated `PositionEncodingKind` (UTF-16 when absent or unknown)."""
    return _ENCODINGS.get(str(kind or "utf-16"), "utf-16")


def position(lines: LineIndex, offset: int, encoding: PositionEncoding) -> types.Position:
    """The LSP position of a character offset."""
    found = lines.position(offset, encoding)
    return types.Position(found.line, found.character)


def span_range(lines: LineIndex, span: Span, encoding: PositionEncoding) -> types.Range:
    """The LSP range of a span."""
    return types.Range(position(lines, span.start, encoding), position(lines, span.end, encoding))


@dataclass(frozen=True, slots=True)
class DiagnosticSupport:
    """What the client accepts in a diagnostic beyond range, severity, code and message."""

    tags: frozenset[types.DiagnosticTag] = frozenset()
    related_information: bool = False
    code_description: bool = False

    @classmethod
    def of(cls, capabilities: types.ClientCapabilities) -> DiagnosticSupport:
        """Read the support from the client's publish and pull diagnostic capabilities."""
        document = capabilities.text_document
        sources = [document.publish_diagnostics, document.diagnostic] if document else []
        tags: set[types.DiagnosticTag] = set()
        related = description = False
        for source in sources:
            if source is None:
                continue
            if source.tag_support is not None:
                tags.update(source.tag_support.value_set)
            related = related or bool(source.related_information)
            description = description or bool(source.code_description_support)
        return cls(frozenset(tags), related, description)


def severity(finding: Finding) -> types.DiagnosticSeverity:
    """Our ERROR=4..HINT=1 scale on the LSP's Error=1..Hint=4 scale."""
    return types.DiagnosticSeverity(5 - int(finding.severity))


def diagnostic(
    finding: Finding,
    uri: str,
    lines: LineIndex,
    encoding: PositionEncoding,
    support: DiagnosticSupport,
) -> types.Diagnostic:
    """One finding as an LSP diagnostic, with only what the client says it understands."""
    tags = [_TAGS[t] for t in sorted(finding.tags) if t in _TAGS and _TAGS[t] in support.tags]
    related = None
    if support.related_information and finding.related:
        related = [
            types.DiagnosticRelatedInformation(
                types.Location(uri, span_range(lines, r.span, encoding)), r.message
            )
            for r in finding.related
        ]
    return types.Diagnostic(
        range=span_range(lines, finding.span, encoding),
        message=finding.message,
        severity=severity(finding),
        code=finding.code,
        code_description=types.CodeDescription(RULES_DOC_URL.format(anchor=finding.code.lower()))
        if support.code_description
        else None,
        source=SOURCE,
        tags=tags or None,
        related_information=related,
    )
