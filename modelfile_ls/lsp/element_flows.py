"""What the element commands do (`element_commands` registers them): the prompt preview's
text, saving a selection as an element, previewing what a save stores, composing a new
Modelfile from elements, and drafts.

The registry does the work, with the code behind the CLI: `preview` is `registry save
--preview`, `save_element` is `registry save-element`, `compose` is `registry compose`, the
drafts are `modelfile-ls drafts`. Loaded on the first command, so it imports freely.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from lsprotocol import types

from modelfile_ls.atomic import write_atomically
from modelfile_ls.features.document import document_index
from modelfile_ls.features.elements import (
    KIND_TITLES,
    preview_summary,
    selected_text,
    stem_of,
    suggested_names,
)
from modelfile_ls.features.preview import preview_prompt
from modelfile_ls.lsp.answers import with_registry
from modelfile_ls.lsp.snapshot import Snapshot
from modelfile_ls.registry import NotFoundError, Registry, RegistryError
from modelfile_ls.registry.records import ElementRecord
from modelfile_ls.vocabulary import (
    NEW_FROM_ELEMENTS,
    OPEN_DRAFT,
    PREVIEW_ELEMENTS,
    SAVE_DRAFT,
    SAVE_ELEMENT,
)

ASKED_KINDS = ("template", "system", "parameters", "messages")
"""The kinds "New Modelfile from Elements" asks for, in this order, after the base model."""
MAX_CHOICES = 8
"""Choices per question: editors show them as buttons or a short list."""
NO_TAGS = "No tags"


class CommandFailed(Exception):
    """A command cannot do what was asked; the message says why and what to do."""


class Editor(Protocol):
    """The client and the server, as the flows use them (`element_commands.Editor`)."""

    @property
    def registry(self) -> Registry | None:
        """The open registry."""

    @property
    def registry_error(self) -> str:
        """Why there is no registry."""

    @property
    def root(self) -> Path | None:
        """The workspace folder."""

    def snapshot(self, uri: str) -> Snapshot | None:
        """The snapshot of an open document."""

    async def ask(self, message: str, choices: Sequence[str]) -> str | None:
        """The user's pick among `choices`, None when dismissed."""

    async def show(self, uri: str) -> bool:
        """Open a document in the client; False when the client cannot."""

    def inform(self, message: str) -> None:
        """Tell the user what was done."""

    def error(self, message: str) -> None:
        """Tell the user why it could not be done."""


Flow = Callable[[Editor, dict[str, Any]], Awaitable[dict[str, object]]]


def render_preview(snapshot: Snapshot, root: Path | None) -> dict[str, object]:
    """The prompt preview of an open Modelfile: text, error, sample, source and version."""
    document = snapshot.document
    base_dir = document.base_dir or (str(root) if root is not None else None)
    preview = with_registry(
        snapshot,
        lambda registry: preview_prompt(document.parsed, base_dir=base_dir, registry=registry),
    )
    return {
        "source": snapshot.uri,
        "version": snapshot.version,
        "text": preview.text,
        "error": preview.text if preview.error else None,
        "sample": preview.sample,
    }


async def run(command: str, editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """Run one element command; a failure is shown to the user and answered as `error`."""
    try:
        return await FLOWS[command](editor, fields)
    except (CommandFailed, NotFoundError, ValueError) as exc:
        message = str(exc)
    except (RegistryError, sqlite3.Error) as exc:
        message = f"the registry failed: {exc}"
    editor.error(message)
    return {"error": message}


def _registry(editor: Editor) -> Registry:
    registry = editor.registry
    if registry is None:
        raise CommandFailed(f"the registry is not available: {editor.registry_error}")
    return registry


def _string(fields: dict[str, Any], key: str) -> str | None:
    value = fields.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CommandFailed(f"`{key}` must be a non-empty string, got {value!r}")
    return value.strip()


def _strings(fields: dict[str, Any], key: str) -> list[str]:
    """A list of strings, or one string of comma-separated ones (`"style, terse"`)."""
    value = fields.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise CommandFailed(f"`{key}` must be a list of strings, got {value!r}")
    return [str(v).strip() for v in value if str(v).strip()]


def _position(value: object) -> types.Position:
    if isinstance(value, dict):
        line, character = value.get("line"), value.get("character")
        if isinstance(line, int) and isinstance(character, int) and line >= 0 <= character:
            return types.Position(line, character)
    raise CommandFailed(f'`range` needs {{"line": N, "character": N}} positions, got {value!r}')


def _document(editor: Editor, fields: dict[str, Any]) -> Snapshot:
    uri = _string(fields, "uri")
    if uri is None:
        raise CommandFailed('give the Modelfile: {"uri": "file:..."} (or the text: {"text": ...})')
    snapshot = editor.snapshot(uri)
    if snapshot is None:
        raise CommandFailed(f"{uri} is not open in the editor")
    return snapshot


def _text(editor: Editor, fields: dict[str, Any]) -> tuple[str, str, Snapshot | None]:
    """The text a command stores (`text`, or the document or the instructions of its
    `range`), the URI it came from, and the document's snapshot when there is one."""
    text = fields.get("text")
    if isinstance(text, str):
        return text, _string(fields, "uri") or "", None
    snapshot = _document(editor, fields)
    selection = fields.get("range")
    if selection is None:
        return snapshot.document.text, snapshot.uri, snapshot
    if not isinstance(selection, dict):
        raise CommandFailed(f"`range` must be an LSP range, got {selection!r}")
    start, end = _position(selection.get("start")), _position(selection.get("end"))
    selected = selected_text(snapshot.document.parsed, snapshot.span(types.Range(start, end)))
    if selected is None:
        raise CommandFailed("the selection holds no instruction")
    return selected[1], snapshot.uri, snapshot


async def _open(editor: Editor, text: str, fields: dict[str, Any], label: str) -> tuple[str, bool]:
    """Write `text` to `path` (refusing to overwrite) or to a new temporary Modelfile, and
    open it; the file's URI and whether the client opened it."""
    wanted = _string(fields, "path")
    if wanted is not None:
        path = Path(wanted).expanduser()
        if path.exists():
            raise CommandFailed(f"{path} exists; give another path")
    else:
        path = Path(tempfile.mkdtemp(prefix=f"modelfile-ls-{label}-")) / "Modelfile"
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise CommandFailed(f"cannot write {path}: {exc.strerror}") from exc
    uri = path.resolve().as_uri()
    return uri, await editor.show(uri)


async def save_element(editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """Store the selection (or `text`) as one named, tagged element."""
    registry = _registry(editor)
    text, source, snapshot = _text(editor, fields)
    found = registry.preview(text)
    if len(found) != 1:
        kinds = ", ".join(p.kind for p in found) or "nothing"
        raise CommandFailed(
            f"an element is one kind of instruction; the selection holds {kinds}"
            " (select one instruction, or only PARAMETERs, or only MESSAGEs)"
        )
    element = found[0]
    title = KIND_TITLES.get(element.kind, element.kind)
    name = _string(fields, "name")
    if name is None and element.existing is not None:
        name = element.existing.name  # identical content is stored once, under its name
    if name is None:
        stem = stem_of(source) if source else "element"
        choices = suggested_names(stem, element.kind, element.hash, _taken(registry))
        first = element.content.split("\n")[0]
        name = await editor.ask(f"Save this {title} ({first}) as the element:", choices)
        if name is None:
            return {"cancelled": True}
    tags = _strings(fields, "tags")
    if "tags" not in fields:
        offered = [t for t in _tag_choices(registry, snapshot, source) if t]
        if element.existing is not None:
            offered = [t for t in offered if t not in element.existing.tags]
        picked = await editor.ask(f"Tag the element {name}:", [*offered, NO_TAGS])
        if picked is None:
            return {"cancelled": True}
        tags = [] if picked == NO_TAGS else [picked]
    saved = registry.save_element(text, name, tags=tags, source=source)
    stored = saved.element
    state = "saved" if saved.created else "already stored as"
    editor.inform(f"{state} {title} element {stored.name} (id {stored.id})")
    return {**stored.to_json(), "created": saved.created}


def _taken(registry: Registry) -> Callable[[str], bool]:
    def taken(name: str) -> bool:
        try:
            registry.element(name)
        except NotFoundError:
            return False
        return True

    return taken


def _tag_choices(registry: Registry, snapshot: Snapshot | None, source: str) -> list[str]:
    """Tags to offer: the FROM model's family and the file's name stem."""
    offered: list[str] = []
    if snapshot is not None:
        base = document_index(snapshot.document.parsed).base_model
        facts = registry.model_facts(base.text) if base is not None else None
        if facts is not None and facts.family:
            offered.append(facts.family.lower())
    if source:
        offered.append(stem_of(source))
    return list(dict.fromkeys(offered))


async def preview_elements(editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """What saving the document or selection would store, storing nothing."""
    registry = _registry(editor)
    text, _source, _snapshot = _text(editor, fields)
    found = registry.preview(text)
    editor.inform(preview_summary(found))
    return {
        "elements": [p.to_json() for p in found],
        "new": sum(p.existing is None for p in found),
    }


async def new_from_elements(editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """Compose a Modelfile from a base model and stored elements, and open it."""
    registry = _registry(editor)
    base, modelfile = _string(fields, "base"), _string(fields, "modelfile")
    given = [registry.element(ref) for ref in _strings(fields, "elements")]
    has_from = any(e.kind == "from" for e in given)
    if base is None and modelfile is None and not has_from:
        base = await editor.ask("New Modelfile from elements: the base model", _bases(registry))
        if base is None:
            return {"cancelled": True}
    chosen = given
    if "elements" not in fields:
        picked = await _ask_elements(editor, registry)
        if picked is None:
            return {"cancelled": True}
        chosen = picked
    text = registry.compose([str(e.id) for e in chosen], modelfile=modelfile, from_=base)
    uri, shown = await _open(editor, text, fields, "new")
    names = [e.name for e in chosen]
    editor.inform(f"composed {uri} from {base or modelfile or 'its FROM'}: {', '.join(names)}")
    return {"uri": uri, "text": text, "base": base, "elements": names, "shown": shown}


def _bases(registry: Registry) -> list[str]:
    """Base models to offer: installed ones, then the models stored FROM elements name."""
    names = [m.name for m in registry.installed_models()]
    names += [e.content.partition(" ")[2] for e in registry.elements("from")]
    choices = list(dict.fromkeys(n for n in names if n))[:MAX_CHOICES]
    if not choices:
        raise CommandFailed(
            'no installed model or stored FROM to offer: give the base, {"base": "llama3.2"}'
        )
    return choices


async def _ask_elements(editor: Editor, registry: Registry) -> list[ElementRecord] | None:
    """One question per kind with stored elements; None when the user dismissed one."""
    chosen: list[ElementRecord] = []
    for kind in ASKED_KINDS:
        stored = registry.elements(kind)[: MAX_CHOICES - 1]
        if not stored:
            continue
        title = KIND_TITLES.get(kind, kind)
        skip = f"No {title}"
        choices = [e.name for e in stored] + [skip]
        picked = await editor.ask(f"{title} for the new Modelfile:", choices)
        if picked is None:
            return None
        chosen += [e for e in stored if e.name == picked]
    return chosen


async def save_draft(editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """Keep an open (unsaved or untitled) Modelfile's text as a draft."""
    registry = _registry(editor)
    snapshot = _document(editor, fields)
    name = _string(fields, "name")
    if name is None:
        # Saving the same document again updates its draft rather than adding another.
        earlier = [d for d in registry.drafts() if d.source_uri == snapshot.uri]
        name = earlier[0].name if earlier else None
    draft = registry.save_draft(snapshot.document.text, name, snapshot.uri)
    editor.inform(f"saved draft {draft.name} (id {draft.id}); Open Draft reopens it")
    return draft.to_json()


async def open_draft(editor: Editor, fields: dict[str, Any]) -> dict[str, object]:
    """Reopen a draft (asking which when none is named) as a new temporary Modelfile."""
    registry = _registry(editor)
    name = _string(fields, "name")
    if name is None:
        drafts = registry.drafts()
        if not drafts:
            raise CommandFailed("no drafts yet: Save as Draft keeps an open Modelfile")
        name = await editor.ask("Open the draft:", [d.name for d in drafts[:MAX_CHOICES]])
        if name is None:
            return {"cancelled": True}
    draft = registry.draft(name)
    uri, shown = await _open(editor, draft.text, fields, "draft")
    return {**draft.to_json(), "uri": uri, "shown": shown}


FLOWS: dict[str, Flow] = {
    SAVE_ELEMENT: save_element,
    PREVIEW_ELEMENTS: preview_elements,
    NEW_FROM_ELEMENTS: new_from_elements,
    SAVE_DRAFT: save_draft,
    OPEN_DRAFT: open_draft,
}
"""The flow of each command."""
