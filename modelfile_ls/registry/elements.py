"""Modelfile elements: split a parsed Modelfile into reusable pieces and put pieces together.

An element is one instruction's content (a FROM, a SYSTEM prompt, a TEMPLATE, a LICENSE...)
or, for PARAMETER and MESSAGE, the whole set of them in the file (a parameter set, a
conversation). Its content is canonical Modelfile text: values are re-quoted in the simplest
form that Ollama reads back as the same value, so the same SYSTEM prompt written with `"`
in one file and `\"\"\"` in another is stored once (elements are keyed by a content hash).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from modelfile_ls.syntax import Instruction, ParsedModelfile, parse

KIND_ORDER = (
    "from",
    "adapter",
    "draft",
    "requires",
    "template",
    "system",
    "renderer",
    "parser",
    "parameters",
    "license",
    "messages",
)
"""Kinds in the order `compose` writes them (the order of `ollama show --modelfile`)."""
GROUPED = frozenset({"parameters", "messages"})
ACCUMULATING = frozenset({"license"})
"""Kinds where a composed element is added to the base's rather than replacing them."""


def kind_of(instruction: Instruction) -> str:
    """The element kind an instruction belongs to (`PARAMETER system x` is a SYSTEM)."""
    keyword = instruction.effective_keyword
    if keyword == "PARAMETER":
        return "parameters"
    if keyword == "MESSAGE":
        return "messages"
    return keyword.lower()


@dataclass(frozen=True, slots=True)
class ElementDraft:
    """An element before it is stored: its kind and canonical content."""

    kind: str
    content: str

    @property
    def hash(self) -> str:
        """Content hash; the same kind and content always give the same element."""
        return hashlib.sha256(f"{self.kind}\n{self.content}".encode()).hexdigest()


def _signature(instruction: Instruction) -> tuple[str, str | None, str | None, str]:
    return (
        instruction.keyword,
        instruction.name,
        instruction.role,
        instruction.value.text if instruction.value else "",
    )


def _quotings(text: str) -> list[str]:
    candidates = []
    if text and "\n" not in text and text == text.strip() and not text.startswith('"'):
        candidates.append(text)
    # Like `ollama show`: triple quotes when the value itself contains a quote.
    quoted = [f'"{text}"', f'"""{text}"""']
    if '"' in text:
        quoted.reverse()
    return candidates + quoted + [text]


def render_instruction(instruction: Instruction) -> str:
    """The instruction as one canonical Modelfile line (or block) with the same meaning."""
    if instruction.keyword == "PARAMETER":
        head = f"PARAMETER {instruction.name or ''} "
    elif instruction.keyword == "MESSAGE":
        head = f"MESSAGE {instruction.role or ''} "
    else:
        head = f"{instruction.keyword} "
    text = instruction.value.text if instruction.value else ""
    wanted = _signature(instruction)
    for value in _quotings(text):
        # Ollama's quoting rules have corner cases (a line ending in a quote ends a quoted
        # value early); reading the candidate back with the real parser settles them all.
        candidate = head + value
        parsed = parse(candidate + "\n")
        if (
            not parsed.problems
            and len(parsed.instructions) == 1
            and _signature(parsed.instructions[0]) == wanted
        ):
            return candidate
    raise ValueError(f"cannot write the value of {instruction.keyword} so that it reads back")


def split(parsed: ParsedModelfile) -> list[ElementDraft]:
    """The elements of an accepted Modelfile, in order of first appearance."""
    drafts: list[tuple[str, list[str]]] = []
    groups: dict[str, list[str]] = {}
    for instruction in parsed.instructions:
        kind = kind_of(instruction)
        line = render_instruction(instruction)
        if kind in GROUPED:
            if kind not in groups:
                groups[kind] = []
                drafts.append((kind, groups[kind]))
            groups[kind].append(line)
        else:
            drafts.append((kind, [line]))
    return [ElementDraft(kind, "\n".join(lines)) for kind, lines in drafts]


def compose(base: list[ElementDraft], overrides: list[ElementDraft]) -> list[ElementDraft]:
    """Base elements with overrides applied: same kind replaces, LICENSE adds; canonical order."""
    result = list(base)
    replaced: set[str] = set()
    for element in overrides:
        if element.kind not in ACCUMULATING and element.kind not in replaced:
            result = [e for e in result if e.kind != element.kind]
            replaced.add(element.kind)
        result.append(element)
    return sorted(result, key=lambda e: KIND_ORDER.index(e.kind))


def to_text(elements: list[ElementDraft]) -> str:
    """Modelfile text for elements, one blank line between kinds."""
    blocks: list[str] = []
    previous = ""
    for element in elements:
        if blocks and element.kind != previous:
            blocks.append("")
        blocks.append(element.content)
        previous = element.kind
    return "\n".join(blocks) + "\n"


def from_reference(reference: str) -> ElementDraft:
    """A FROM element for a model name or path given on the command line."""
    parsed = parse(f"FROM {reference}\n")
    if parsed.problems or len(parsed.instructions) != 1:
        raise ValueError(f"cannot use {reference!r} after FROM")
    return ElementDraft("from", render_instruction(parsed.instructions[0]))
