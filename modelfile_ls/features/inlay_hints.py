"""Inlay hints where they help: a PARAMETER set to Ollama's default, and the base model's
context length after `num_ctx`."""

from __future__ import annotations

from _bisect import bisect_right
from dataclasses import dataclass

from modelfile_ls.analysis.values import convert
from modelfile_ls.facts import language_facts, number_text
from modelfile_ls.features.docs import is_default
from modelfile_ls.features.document import document_index
from modelfile_ls.features.models import context_text, model_info
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span


@dataclass(frozen=True, slots=True)
class InlayHintResult:
    """A hint shown at `offset` (after a value); `kind` is an LSP `InlayHintKind` name."""

    offset: int
    label: str
    kind: str
    tooltip: str
    padding_left: bool = True


def inlay_hints(
    parsed: ParsedModelfile, span: Span, *, registry: Registry | None = None
) -> list[InlayHintResult]:
    """Hints for the PARAMETER lines overlapping `span` (the visible range)."""
    items = parsed.instructions
    first = max(bisect_right(items, span.start, key=lambda i: i.span.start) - 1, 0)
    visible = []
    for instruction in items[first:]:
        if instruction.span.start > span.end:
            break
        if instruction.keyword != "PARAMETER" or instruction.has_error:
            continue
        if instruction.span.end >= span.start and instruction.value is not None:
            visible.append(instruction)
    hints = [hint for hint in map(_default_hint, visible) if hint is not None]
    num_ctx = [i for i in visible if i.name == "num_ctx"]
    if num_ctx and registry is not None:
        # One registry lookup per request, and only when a num_ctx line is visible.
        tokens = _model_context(parsed, registry)
        if tokens is not None:
            hints += [_context_hint(parsed, i, tokens) for i in num_ctx]
    hints.sort(key=lambda h: h.offset)
    return hints


def _end(instruction: Instruction) -> int:
    value = instruction.value
    assert value is not None
    return value.close_span.end if value.close_span else value.content_span.end


def _default_hint(instruction: Instruction) -> InlayHintResult | None:
    fact = language_facts().parameter(instruction.name or "")
    value = instruction.value
    if fact is None or value is None or fact.default is None or fact.status != "current":
        return None
    converted = convert(fact.type, value.text)
    if converted.error is not None or not is_default(fact, converted.value):
        return None
    return InlayHintResult(
        _end(instruction),
        "default",
        "Parameter",
        f"{number_text(fact.default)} is Ollama's default for {fact.name}: this line is not needed",
    )


def _model_context(parsed: ParsedModelfile, registry: Registry) -> int | None:
    base = document_index(parsed).base_model
    if base is None or base.name.is_remote:
        return None
    return model_info(registry, base.name).context_length


def _context_hint(
    parsed: ParsedModelfile, instruction: Instruction, tokens: int
) -> InlayHintResult:
    base = document_index(parsed).base_model
    model = base.name.short if base is not None else "the model"
    return InlayHintResult(
        _end(instruction),
        f"model max {context_text(tokens)}",
        "Type",
        f"{model} supports a context of up to {tokens:,} tokens",
    )
