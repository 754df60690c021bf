"""The prompt preview: what the model this Modelfile creates sees for a sample conversation.

The template is the file's last TEMPLATE (else the FROM model's, from the registry's installs
table, as the created model inherits it), with its SYSTEM and MESSAGE instructions put in as
Ollama's chat handler does; `template.render.render_prompt` renders it exactly as Ollama
would. The sample is `.modelfile-ls/sample-messages.json` in the document's folder or the
nearest one above it (a JSON list of chat messages, or `{"messages": [...], "tools": [...]}`
as in Ollama's chat API), else `DEFAULT_SAMPLE`. When rendering fails, the preview is Go's
own error text, which is what `ollama run` would show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from modelfile_ls.features.markup import Markup, fenced
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.registry import Registry
from modelfile_ls.syntax.model import ParsedModelfile
from modelfile_ls.template import TemplateError
from modelfile_ls.template.execute import ExecError
from modelfile_ls.template.render import render_prompt

SAMPLE_FILE = Path(".modelfile-ls") / "sample-messages.json"
"""Where a workspace keeps its own sample conversation (relative to a folder)."""

DEFAULT_SAMPLE: tuple[dict[str, Any], ...] = (
    {"role": "user", "content": "Hello! What can you do?"},
    {"role": "assistant", "content": "I can answer questions and help with code."},
    {"role": "user", "content": "Write a haiku about Modelfiles."},
)
"""The built-in sample: two user turns around an answer, so per-turn templates show twice."""

BUILT_IN = "built-in sample"


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample chat request: its messages, tools, and where it came from."""

    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]] | None
    source: str


@dataclass(frozen=True, slots=True)
class Preview:
    """The rendered prompt, or the error that stopped it (`text` is then that error)."""

    text: str
    error: bool
    sample: str
    """Where the messages came from: `built-in sample` or the sample file's path."""


def find_sample(base_dir: str | None) -> Path | None:
    """The nearest `.modelfile-ls/sample-messages.json` at or above `base_dir`."""
    if base_dir is None:
        return None
    start = Path(base_dir)
    for folder in (start, *start.parents):
        candidate = folder / SAMPLE_FILE
        if candidate.is_file():
            return candidate
    return None


class SampleError(Exception):
    """A sample file that cannot be used; the message names the file and the place."""


def load_sample(path: Path | None) -> Sample:
    """The sample in `path` (the built-in one for None); raises `SampleError`."""
    if path is None:
        return Sample([dict(m) for m in DEFAULT_SAMPLE], None, BUILT_IN)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SampleError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise SampleError(f"{path}: not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise SampleError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from exc
    tools = None
    if isinstance(data, dict):
        tools = data.get("tools")
        data = data.get("messages")
    if not _objects(data):
        raise SampleError(
            f'{path}: expected a JSON list of messages or {{"messages": [...]}}, each an object'
            ' like {"role": "user", "content": "..."}'
        )
    if tools is not None and not _objects(tools):
        raise SampleError(f'{path}: "tools" must be a list of objects (Ollama\'s tool format)')
    return Sample(data, tools, str(path))


def _objects(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def preview_prompt(
    parsed: ParsedModelfile, *, base_dir: str | None = None, registry: Registry | None = None
) -> Preview:
    """The prompt Ollama would build for the sample conversation, or why it cannot."""
    sample_path = find_sample(base_dir)
    source = str(sample_path) if sample_path is not None else BUILT_IN
    try:
        sample = load_sample(sample_path)
    except SampleError as error:
        return Preview(str(error), True, source)
    renderer = _last(parsed, "RENDERER")
    if renderer:
        # Ollama's renderPrompt hands such models to a built-in Go renderer, not TEMPLATE.
        text = f"RENDERER {renderer} is set: Ollama builds the prompt with its built-in renderer"
        return Preview(text, True, source)
    template, system = _last(parsed, "TEMPLATE"), _last(parsed, "SYSTEM")
    if not template:
        inherited = _inherited(_last(parsed, "FROM"), registry)
        if inherited is None:
            text = (
                "The Modelfile has no TEMPLATE and the FROM model's template is unknown"
                " (not among the registry's installed models): add a TEMPLATE or sync the"
                " registry."
            )
            return Preview(text, True, source)
        template, system = inherited[0], system or inherited[1]
    history = [
        {"role": i.role, "content": i.value.text if i.value else ""}
        for i in parsed.instructions
        if i.effective_keyword == "MESSAGE" and i.role
    ]
    try:
        prompt = render_prompt(
            template, sample.messages, system=system, tools=sample.tools, history=history
        )
    except TemplateError as error:
        return Preview(f"template error: {error.message}", True, source)
    except ExecError as error:
        return Preview(str(error), True, source)
    return Preview(prompt, False, source)


def _last(parsed: ParsedModelfile, keyword: str) -> str:
    """The last non-empty value of an instruction (Ollama ignores empty ones)."""
    for instruction in reversed(parsed.instructions):
        value = instruction.value
        if instruction.effective_keyword == keyword and value is not None and value.text:
            return value.text
    return ""


def _inherited(base: str, registry: Registry | None) -> tuple[str, str] | None:
    """(template, system) of the installed model FROM names, when the registry has it."""
    if not base or registry is None:
        return None
    name = parse_model_name(base)
    wanted = {base.lower(), name.short.lower()} if name.is_valid else {base.lower()}
    for model in registry.installed_models():
        if model.name.lower() in wanted and model.template:
            return model.template, model.system
    return None


PREVIEW_LINES = 8
"""How many lines of the preview a hover shows."""


def preview_markup(preview: Preview, lines: int = PREVIEW_LINES) -> Markup:
    """The first `lines` lines of a preview, for hover on TEMPLATE."""
    shown = preview.text.split("\n")
    head = "\n".join(shown[:lines])
    more = f" (first {lines} of {len(shown)} lines)" if len(shown) > lines else ""
    doc = Markup()
    if preview.error:
        doc.add(
            f"**Prompt preview fails** ({preview.sample}):",
            f"Prompt preview fails ({preview.sample}):",
        )
    else:
        doc.add(
            f"**Prompt preview** ({preview.sample}){more}:",
            f"Prompt preview ({preview.sample}){more}:",
        )
    doc.add(fenced(head), head)
    return doc
