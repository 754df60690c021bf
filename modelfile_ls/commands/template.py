"""`modelfile-ls template render FILE`: the prompt Ollama would build for a chat request.

The Modelfile's last TEMPLATE (or, without one, the FROM model's template from the registry's
installs table), its SYSTEM and MESSAGE instructions, and the request's messages and tools
are put together as Ollama's chat handler does, then rendered by `modelfile_ls.template`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from modelfile_ls.locations import resolve_registry_path
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.registry.db import RegistryError
from modelfile_ls.registry.store import open_registry
from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.model import ParsedModelfile
from modelfile_ls.template import TemplateError
from modelfile_ls.template.execute import ExecError
from modelfile_ls.template.render import render_prompt

DEFAULT_MESSAGES = [{"role": "user", "content": "Hello!"}]
"""The chat request when `--messages` is not given."""


class CommandError(Exception):
    """A problem with the command's input, reported as `modelfile-ls: ...`, exit code 2."""


def main(args: list[str]) -> int:
    """Run `modelfile-ls template`; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="modelfile-ls template",
        description="Work with a Modelfile's TEMPLATE as Ollama's server does.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser(
        "render",
        help="print the prompt Ollama builds for a chat request",
        description="Print exactly the prompt Ollama would build for a chat request to the"
        " model this Modelfile creates.",
    )
    render.add_argument("file", metavar="FILE", help="the Modelfile, or - for stdin")
    render.add_argument(
        "--messages",
        metavar="FILE.json",
        help='the request\'s messages: a JSON list (or {"messages": [...]}) of {"role",'
        ' "content", ...}; default: one user message "Hello!"',
    )
    render.add_argument("--system", metavar="TEXT", help="the system prompt instead of SYSTEM")
    render.add_argument("--tools", metavar="FILE.json", help="the request's tools (JSON list)")
    render.add_argument("--think", action="store_true", help="the request sets think: true")
    render.add_argument("--registry", metavar="PATH", help="the model registry (for FROM)")
    options = parser.parse_args(args)
    try:
        parsed = _read_modelfile(options.file)
        renderer = _last(parsed, "RENDERER")
        if renderer:
            # Ollama's renderPrompt hands such models to a built-in Go renderer; TEMPLATE is
            # not used for chat prompts at all.
            raise CommandError(
                f"{options.file}: RENDERER {renderer} is set: Ollama builds this model's prompts"
                " with its built-in renderer, not with TEMPLATE"
            )
        messages = _json_list(options.messages, "messages") if options.messages else None
        tools = _json_list(options.tools, "tools") if options.tools else None
        template, system = _template_and_system(parsed, options.registry)
    except CommandError as error:
        print(f"modelfile-ls: {error}", file=sys.stderr)
        return 2
    try:
        prompt = render_prompt(
            template,
            messages or DEFAULT_MESSAGES,
            system=options.system if options.system is not None else system,
            tools=tools,
            think=True if options.think else None,
            history=_modelfile_messages(parsed),
        )
    except TemplateError as error:
        print(f"{options.file}: template error: {error.message}", file=sys.stderr)
        return 1
    except ExecError as error:
        print(f"{options.file}: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(prompt)
    return 0


def _read_modelfile(name: str) -> ParsedModelfile:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise CommandError(f"{name}: cannot read: {exc.strerror}") from exc
    parsed = parse_bytes(data)
    if parsed.ollama_error is not None:
        raise CommandError(f"{name}: Ollama cannot parse this Modelfile: {parsed.ollama_error}")
    return parsed


def _json_list(path: str, key: str) -> list[dict[str, Any]]:
    """A JSON file holding a list of objects, or an object with that list under `key`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"{path}: cannot read: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise CommandError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from exc
    if isinstance(data, dict) and key in data:
        data = data[key]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise CommandError(f"{path}: expected a JSON list of {key} (objects)")
    return data


def _last(parsed: ParsedModelfile, keyword: str) -> str:
    """The last non-empty value of an instruction: Ollama does not send empty ones."""
    values = [
        i.value.text
        for i in parsed.instructions
        if i.effective_keyword == keyword and i.value is not None and i.value.text
    ]
    return values[-1] if values else ""


def _modelfile_messages(parsed: ParsedModelfile) -> list[dict[str, Any]]:
    """MESSAGE instructions: the conversation Ollama puts before the request's messages."""
    return [
        {"role": i.role, "content": i.value.text if i.value else ""}
        for i in parsed.instructions
        if i.effective_keyword == "MESSAGE" and i.role
    ]


def _template_and_system(parsed: ParsedModelfile, registry: str | None) -> tuple[str, str]:
    """The TEMPLATE and SYSTEM the created model has: the file's, else the FROM model's."""
    template, system = _last(parsed, "TEMPLATE"), _last(parsed, "SYSTEM")
    if template and system:
        return template, system
    # What the file does not set, the created model inherits from the FROM model.
    base = _last(parsed, "FROM")
    installed = _installed_template(base, registry)
    if template:
        return template, installed[1] if installed else ""
    if installed is None:
        raise CommandError(
            f"the Modelfile has no TEMPLATE and the template of {base!r} is unknown: it is not"
            " in the registry's installed models (run `modelfile-ls registry sync`, or add a"
            " TEMPLATE)"
        )
    return installed[0], system or installed[1]


def _installed_template(base: str, registry: str | None) -> tuple[str, str] | None:
    """(template, system) of an installed model named like FROM, from the registry."""
    path = resolve_registry_path(registry)
    if not path.exists():
        return None
    name = parse_model_name(base)
    wanted = {base.lower(), name.short.lower()} if name.is_valid else {base.lower()}
    try:
        with open_registry(path) as store:
            installed = store.installed_models()
    except RegistryError as error:
        raise CommandError(f"{path}: {error}") from error
    for model in installed:
        if model.name.lower() in wanted and model.template:
            return model.template, model.system
    return None
