"""Hover: instruction docs, parameter facts, model facts, template names, rule docs, and what
Ollama actually reads from a value when that differs from what is written."""

from __future__ import annotations

import os
from dataclasses import dataclass

from modelfile_ls.analysis.inline_comment import find_inline_comment
from modelfile_ls.analysis.paths import resolve
from modelfile_ls.analysis.references import Reference
from modelfile_ls.analysis.rules import RULES_BY_CODE
from modelfile_ls.analysis.suppression_comment import is_directive
from modelfile_ls.analysis.values import convert
from modelfile_ls.facts import language_facts
from modelfile_ls.features import template_docs
from modelfile_ls.features.docs import (
    converted_text,
    instruction_markup,
    is_default,
    model_markup,
    parameter_markup,
    rule_markup,
    template_markup,
)
from modelfile_ls.features.markup import Markup, code, fenced
from modelfile_ls.features.models import model_info
from modelfile_ls.features.preview import preview_markup, preview_prompt
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.cursor import CursorContext, CursorKind, cursor_context
from modelfile_ls.syntax.lexer import invisible_offsets
from modelfile_ls.syntax.model import (
    COMMAND_TO_KEYWORD,
    Instruction,
    ParsedModelfile,
    Quoting,
    Span,
)


@dataclass(frozen=True, slots=True)
class HoverResult:
    """Hover text in both forms and the span it describes."""

    span: Span
    markdown: str
    plaintext: str


def hover(
    parsed: ParsedModelfile,
    offset: int,
    *,
    registry: Registry | None = None,
    base_dir: str | None = None,
) -> HoverResult | None:
    """The hover at a character offset, or None where there is nothing to say."""
    context = cursor_context(parsed, offset)
    instruction = context.instruction
    found: tuple[Span, Markup] | None = None
    if context.kind is CursorKind.COMMENT:
        found = _comment(parsed, context)
    elif instruction is None:
        return None
    elif context.kind is CursorKind.KEYWORD:
        found = _keyword(instruction)
        if found is not None and instruction.effective_keyword == "TEMPLATE":
            found = found[0], _with_preview(found[1], parsed, registry, base_dir)
    elif context.kind is CursorKind.PARAMETER_NAME:
        found = _parameter_name(instruction)
    elif context.kind is CursorKind.MESSAGE_ROLE:
        found = _role(instruction)
    elif context.kind is CursorKind.TEMPLATE_ACTION:
        found = _template(parsed, context) or _template_value(
            parsed, instruction, registry, base_dir
        )
    elif context.kind is CursorKind.TEMPLATE:
        found = _template_value(parsed, instruction, registry, base_dir)
    elif context.kind is CursorKind.REFERENCE:
        found = _reference(parsed, instruction, registry, base_dir)
    elif context.kind is CursorKind.PARAMETER_VALUE:
        found = _parameter_value(parsed, instruction)
    elif context.kind is not CursorKind.NONE:
        found = _reading(parsed, instruction)
    if found is None:
        return None
    span, doc = found
    return HoverResult(span, doc.markdown, doc.plaintext)


def _keyword(instruction: Instruction) -> tuple[Span, Markup] | None:
    fact = language_facts().instructions.get(instruction.keyword)
    if fact is None:
        return None
    return instruction.keyword_span, instruction_markup(fact)


def _parameter_name(instruction: Instruction) -> tuple[Span, Markup] | None:
    facts = language_facts()
    name = instruction.name or ""
    span = instruction.name_span or instruction.keyword_span
    if name in COMMAND_TO_KEYWORD:
        # Ollama stores instructions under these names: the PARAMETER is that instruction.
        target = COMMAND_TO_KEYWORD[name]
        doc = Markup()
        doc.add(f"`PARAMETER {name}` is not a parameter: Ollama applies it as **{target}**.")
        fact = facts.instructions.get(target)
        if fact is not None:
            doc.add(fact.summary)
        return span, doc
    found = facts.parameter(name)
    if found is not None:
        return span, parameter_markup(found)
    doc = Markup()
    doc.add(
        f"Ollama has no parameter {code(name)}: `ollama create` fails with"
        f" {code(f'unknown parameter {name!r}')}.",
        f"Ollama has no parameter {name!r}: `ollama create` fails.",
    )
    alias = facts.alias_of(name)
    if alias is not None:
        doc.add(f"Ollama's name for it is {code(alias.name)}.")
    return span, doc


def _role(instruction: Instruction) -> tuple[Span, Markup] | None:
    roles = language_facts().message_roles
    span = instruction.role_span or instruction.keyword_span
    role = instruction.role or ""
    doc = Markup()
    if role in roles:
        doc.add(f"Message role {code(role)}: a {role} turn of the conversation history.")
    else:
        allowed = ", ".join(code(r) for r in roles)
        doc.add(f"{code(role)} is not a role: Ollama accepts exactly {allowed} (case-sensitive).")
    return span, doc


def _template(parsed: ParsedModelfile, context: CursorContext) -> tuple[Span, Markup] | None:
    span = context.token_span
    entry = template_docs.lookup(parsed.text[span.start : span.end])
    if entry is None:
        return None
    return span, template_markup(entry)


def _template_value(
    parsed: ParsedModelfile,
    instruction: Instruction,
    registry: Registry | None,
    base_dir: str | None,
) -> tuple[Span, Markup]:
    """A TEMPLATE value: what Ollama reads when that differs, then the prompt preview."""
    reading = _reading(parsed, instruction)
    doc = reading[1] if reading is not None else Markup()
    return _value_span(instruction), _with_preview(doc, parsed, registry, base_dir)


def _with_preview(
    doc: Markup, parsed: ParsedModelfile, registry: Registry | None, base_dir: str | None
) -> Markup:
    preview = preview_markup(preview_prompt(parsed, base_dir=base_dir, registry=registry))
    doc.add(preview.markdown, preview.plaintext)
    return doc


def _comment(parsed: ParsedModelfile, context: CursorContext) -> tuple[Span, Markup] | None:
    comment = context.comment
    if comment is None or not is_directive(comment.text):
        return None
    span = context.token_span
    rule = RULES_BY_CODE.get(parsed.text[span.start : span.end].upper())
    if rule is None:
        return None
    return span, rule_markup(rule)


def _reference(
    parsed: ParsedModelfile,
    instruction: Instruction,
    registry: Registry | None,
    base_dir: str | None,
) -> tuple[Span, Markup] | None:
    value = instruction.value
    if value is None:
        return None
    keyword = instruction.effective_keyword
    span = value.content_span
    local = resolve(value.text, base_dir) if base_dir is not None else None
    reference = Reference(instruction, keyword, value.text, local, None)
    doc = Markup()
    if keyword == "FROM" and not value.text and local is None:
        doc.add("An empty FROM is the Modelfile's own directory (Ollama resolves the empty path).")
    elif keyword == "FROM" and not reference.is_local and not reference.looks_like_path:
        name = parse_model_name(value.text)
        if not name.is_valid:
            doc.add(f"{code(value.text)} is not a valid model name: {name.problem}.")
        else:
            info = model_info(registry, name) if registry is not None else None
            doc = model_markup(value.text, name, info)
    elif local is not None:
        doc.add(_local_text(local.kind, local.path, local.error, keyword))
    else:
        doc.add(f"A path, resolved relative to the Modelfile's directory: {code(value.text)}.")
    reading = _reading(parsed, instruction)
    if reading is not None:
        doc.add(reading[1].markdown, reading[1].plaintext)
    return span, doc


def _local_text(kind: str, path: str | None, error: str | None, keyword: str) -> str:
    shown = code(path) if path is not None else ""
    if kind == "file" and path is not None:
        try:
            size = f" ({os.stat(path).st_size / 1e9:.2f} GB)"
        except OSError:
            size = ""
        return f"Local file {shown}{size}: Ollama uploads it."
    if kind == "directory":
        return f"Local directory {shown}: Ollama picks the model files in it."
    if kind == "missing" and keyword == "FROM":
        return f"{shown} does not exist, so Ollama treats the value as a model name."
    return f"{error}: `ollama create` fails."


def _parameter_value(
    parsed: ParsedModelfile, instruction: Instruction
) -> tuple[Span, Markup] | None:
    value = instruction.value
    fact = language_facts().parameter(instruction.name or "")
    if value is None or fact is None or fact.status == "removed":
        return _reading(parsed, instruction)
    doc = Markup()
    if fact.type == "string_list":
        doc.add(f"Stop sequence {code(value.text)}; each `PARAMETER stop` adds one.")
    else:
        converted = convert(fact.type, value.text)
        if converted.error is not None:
            doc.add(f"`ollama create` fails: {code(converted.error)}.")
        else:
            shown = converted_text(fact.type, converted.value)
            doc.add(f"Ollama reads {fact.name} = {code(shown)} ({fact.type}).")
            if is_default(fact, converted.value):
                doc.add("This is Ollama's default, so the line changes nothing.")
    reading = _reading(parsed, instruction)
    if reading is not None:
        doc.add(reading[1].markdown, reading[1].plaintext)
    return _value_span(instruction), doc


def _value_span(instruction: Instruction) -> Span:
    value = instruction.value
    assert value is not None
    start = value.open_span.start if value.open_span else value.content_span.start
    end = value.close_span.end if value.close_span else value.content_span.end
    return Span(start, end)


def _reading(parsed: ParsedModelfile, instruction: Instruction) -> tuple[Span, Markup] | None:
    """What Ollama reads from the value, when that is not simply what is written."""
    value = instruction.value
    if value is None:
        return None
    text = parsed.text
    notes = []
    dropped = invisible_offsets(text, value.span.start, value.span.end)
    if dropped:
        names = ", ".join(sorted({f"U+{ord(text[i]):04X}" for i in dropped}))
        notes.append(f"{len(dropped)} invisible character(s) ({names}) are dropped.")
    if value.quoting is Quoting.NONE:
        found = find_inline_comment(text, value.content_span.start, value.content_span.end)
        if found is not None:
            comment = text[found.end - 1 : value.content_span.end]
            notes.append(
                f"{code(comment)} is part of the value, not a comment: comments must start a line."
            )
    if not notes:
        return None
    doc = Markup()
    doc.add("**Ollama reads:**\n\n" + fenced(value.text), "Ollama reads:\n\n" + value.text)
    for note in notes:
        doc.add(note)
    return _value_span(instruction), doc
