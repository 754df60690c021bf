"""Editor features as pure functions over a parsed document: no protocol types in here.

Inputs are a `ParsedModelfile`, character offsets and `Span`s (code points), the findings of
`analysis.analyze`, an optional `Registry` (None: features work from the language facts
alone) and the Modelfile's directory (None for unsaved documents). Outputs are the frozen
dataclasses below; the language server converts them to LSP types and positions.

- `complete(parsed, offset, registry=, base_dir=, snippets=, limit=)` -> `Completions`
- `hover(parsed, offset, registry=, base_dir=)` -> `HoverResult | None`
- `document_symbols(parsed)` -> `list[Symbol]`
- `folding_ranges(parsed)` -> `list[Fold]`
- `semantic_tokens(parsed)` -> `list[SemanticToken]` with `TOKEN_TYPES` / `TOKEN_MODIFIERS`
- `format_edits(parsed, span=None)` -> `list[TextEdit]`; `format_text(parsed)` -> `str`
- `code_actions(parsed, span, findings, only=)` -> `list[CodeActionResult]`
- `element_actions(parsed, span, only=)` -> `list[ElementAction]` ("Save as element")
- `document_links(parsed, base_dir)` -> `list[Link]`
- `code_lenses(parsed, registry=, base_dir=)` -> `list[Lens]`
- `inlay_hints(parsed, span, registry=)` -> `list[InlayHintResult]`
- `preview_prompt(parsed, base_dir=, registry=)` -> `Preview` (the prompt for the sample
  conversation, or Go's error text)
- `cursor_context(parsed, offset)` -> `CursorContext` (from `syntax.cursor`)
"""

from __future__ import annotations

from modelfile_ls.features.candidates import CandidateKind, CompletionCandidate, Completions
from modelfile_ls.features.code_actions import CodeActionResult, code_actions
from modelfile_ls.features.code_lens import Lens, code_lenses
from modelfile_ls.features.completion import complete
from modelfile_ls.features.document import DocumentIndex, document_index
from modelfile_ls.features.elements import ElementAction, element_actions
from modelfile_ls.features.folding import Fold, folding_ranges
from modelfile_ls.features.formatting import apply_edits, format_edits, format_text
from modelfile_ls.features.hover import HoverResult, hover
from modelfile_ls.features.inlay_hints import InlayHintResult, inlay_hints
from modelfile_ls.features.links import Link, document_links
from modelfile_ls.features.markup import Documentation
from modelfile_ls.features.preview import Preview, preview_prompt
from modelfile_ls.features.semantic_tokens import SemanticToken, semantic_tokens
from modelfile_ls.features.symbols import Symbol, SymbolKind, document_symbols
from modelfile_ls.syntax.cursor import CursorContext, CursorKind, cursor_context
from modelfile_ls.vocabulary import FIX_ALL, QUICK_FIX, TOKEN_MODIFIERS, TOKEN_TYPES

__all__ = [
    "FIX_ALL",
    "QUICK_FIX",
    "TOKEN_MODIFIERS",
    "TOKEN_TYPES",
    "CandidateKind",
    "CodeActionResult",
    "CompletionCandidate",
    "Completions",
    "CursorContext",
    "CursorKind",
    "DocumentIndex",
    "Documentation",
    "ElementAction",
    "Fold",
    "HoverResult",
    "InlayHintResult",
    "Lens",
    "Link",
    "Preview",
    "SemanticToken",
    "Symbol",
    "SymbolKind",
    "apply_edits",
    "code_actions",
    "code_lenses",
    "complete",
    "cursor_context",
    "document_index",
    "document_links",
    "document_symbols",
    "element_actions",
    "folding_ranges",
    "format_edits",
    "format_text",
    "hover",
    "inlay_hints",
    "preview_prompt",
    "semantic_tokens",
]
