"""Registry elements in the editor, without the protocol: which text a selection stores, the
"Save as element" actions on it, suggested names, and how stored elements are described.

A selection stores the whole instructions it touches (a PARAMETER half selected is the whole
PARAMETER line), exactly as `registry save-element --lines` stores whole lines; the registry's
`preview` and `save_element` then split that text as `registry save` does (one implementation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from modelfile_ls.features.code_actions import kind_matches
from modelfile_ls.registry.elements import kind_of
from modelfile_ls.registry.records import ElementPreview
from modelfile_ls.syntax.cursor import instruction_at
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span
from modelfile_ls.vocabulary import PREVIEW_ELEMENTS, SAVE_AS_ELEMENT, SAVE_ELEMENT

KIND_TITLES = {
    "from": "FROM",
    "adapter": "ADAPTER",
    "draft": "DRAFT",
    "requires": "REQUIRES",
    "template": "TEMPLATE",
    "system": "SYSTEM prompt",
    "renderer": "RENDERER",
    "parser": "PARSER",
    "parameters": "PARAMETER set",
    "license": "LICENSE",
    "messages": "MESSAGE conversation",
}
"""How each element kind is named to the user."""


def instructions_in(parsed: ParsedModelfile, span: Span) -> list[Instruction]:
    """The instructions a selection touches; for an empty one, the instruction at the cursor."""
    if span.start == span.end:
        found = instruction_at(parsed, span.start)
        return [found] if found is not None else []
    return [i for i in parsed.instructions if i.span.start < span.end and span.start < i.span.end]


def selected_text(parsed: ParsedModelfile, span: Span) -> tuple[Span, str] | None:
    """The whole instructions a selection touches, as a span and its text (None: none)."""
    found = instructions_in(parsed, span)
    if not found:
        return None
    whole = Span(found[0].span.start, found[-1].span.end)
    return whole, parsed.text[whole.start : whole.end]


@dataclass(frozen=True, slots=True)
class ElementAction:
    """A code action that runs a server command on the instructions of `span`."""

    title: str
    kind: str
    command: str
    span: Span


def element_actions(
    parsed: ParsedModelfile, span: Span, *, only: Sequence[str] | None = None
) -> list[ElementAction]:
    """ "Save as element" when the selection is one element (one instruction, or PARAMETERs
    or MESSAGEs only), and a preview of what saving would store for any selection; `only`
    filters by kind prefix as for the quick fixes."""
    if only is not None and not any(kind_matches(SAVE_AS_ELEMENT, k) for k in only):
        return []
    found = [i for i in instructions_in(parsed, span) if not i.has_error and i.keyword]
    if not found:
        return []
    whole = Span(found[0].span.start, found[-1].span.end)
    kinds = {kind_of(i) for i in found}
    actions = []
    if len(kinds) == 1:
        (kind,) = kinds
        count = f" ({len(found)} lines)" if len(found) > 1 else ""
        title = f"Save {KIND_TITLES.get(kind, kind)}{count} as element…"
        actions.append(ElementAction(title, SAVE_AS_ELEMENT, SAVE_ELEMENT, whole))
    if len(found) > 1:
        title = "Preview elements to save"
        actions.append(ElementAction(title, SAVE_AS_ELEMENT, PREVIEW_ELEMENTS, whole))
    return actions


def source_label(source: str) -> str:
    """Where an element came from, short: the last two parts of a path or file URI."""
    if not source:
        return "unknown source"
    path = source
    if source.startswith("file:"):
        path = unquote(urlsplit(source).path)
    elif ":" in source.split("/", 1)[0]:
        return source  # another scheme (`untitled:Untitled-1`): as the editor names it
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return "/".join(parts[-2:]) if len(parts) > 1 else path


def stem_of(uri: str) -> str:
    """A name stem for what a document stores, as `registry save` names a Modelfile from its
    path (`coder/Modelfile` and `coder.Modelfile` are `coder`)."""
    path = PurePosixPath(unquote(urlsplit(uri).path) or uri)
    name = path.name
    if name.lower() == "modelfile":
        return path.parent.name or "modelfile"
    stem, _, suffix = name.partition(".")
    if stem.lower() == "modelfile" and suffix:
        return suffix
    return stem or "modelfile"


def suggested_names(
    stem: str, kind: str, digest: str, taken: Callable[[str], bool], count: int = 3
) -> list[str]:
    """Free element names to offer: `STEM/KIND`, then numbered ones, then the kind and hash."""
    wanted = [f"{stem}/{kind}", *(f"{stem}/{kind}-{n}" for n in range(2, 10))]
    wanted.append(f"{kind}-{digest[:8]}")
    free = [name for name in dict.fromkeys(wanted) if not taken(name)]
    return free[:count]


def preview_summary(found: Sequence[ElementPreview]) -> str:
    """One line per element a save would store: its kind, first line, and whether it exists."""
    new = sum(p.existing is None for p in found)
    lines = [f"{len(found)} elements, {new} new (nothing stored yet):"]
    for p in found:
        state = f"stored as {p.existing.name}" if p.existing else "new"
        first = p.content.split("\n")[0]
        more = f" (+{p.content.count(chr(10))} lines)" if "\n" in p.content else ""
        lines.append(f"{p.kind}: {state}: {first}{more}")
    return "\n".join(lines)
