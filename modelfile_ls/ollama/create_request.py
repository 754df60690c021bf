"""The `POST /api/create` body exactly as `ollama create NAME -f FILE` builds it.

Mirrors the CLI (shared spec modelfile.md §8, §10): `parser.Modelfile.CreateRequest` walks the
commands in order (FROM/ADAPTER/DRAFT resolved against the Modelfile's directory, PARAMETER
values typed by `api.FormatParams`), then `CreateHandler` sets `model` and `quantize` and
rewrites the absolute-path keys of `files`, `adapters` and `draft_files` to relative names.
Nothing is sent when the analysis finds an error: those are exactly the files Ollama refuses.
"""

from __future__ import annotations

import math
import os
import posixpath
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from modelfile_ls.analysis.engine import run_rules
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.model_files import model_files
from modelfile_ls.analysis.references import Reference
from modelfile_ls.analysis.rule import RuleContext
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.analysis.values import convert
from modelfile_ls.facts import language_facts
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.ollama.digest import sha256_file
from modelfile_ls.ollama.errors import OllamaError
from modelfile_ls.settings import Settings
from modelfile_ls.syntax import parse
from modelfile_ls.syntax.decode import decode_modelfile

FileField = Literal["files", "adapters", "draft_files"]
_FIELD_OF: dict[str, FileField] = {"model": "files", "adapter": "adapters", "draft": "draft_files"}
_SCALARS = ("template", "system", "renderer", "parser", "requires")
# `api.CreateRequest`'s fields in declaration order: Go's encoder writes a struct's fields in
# that order (map keys sorted), so the body prints as the CLI would send it.
_ORDER = (
    "model",
    "quantize",
    "from",
    "files",
    "draft_files",
    "adapters",
    "template",
    "license",
    "system",
    "parameters",
    "messages",
    "renderer",
    "parser",
    "requires",
    "name",
)


class ModelfileRejected(OllamaError):
    """The Modelfile has errors `--check` reports; `ollama create` would fail on them."""

    def __init__(self, path: Path | None, findings: list[Finding]) -> None:
        count = len(findings)
        shown = f"`{path}`" if path is not None else "the Modelfile"
        plural = "error" if count == 1 else "errors"
        super().__init__(
            f"{shown} has {count} {plural}; fix them before creating",
            "run `modelfile-ls --check` on it to see each error with its fix",
        )
        self.findings = findings


class InvalidModelName(OllamaError):
    """The name to create is not a valid Ollama model name (the CLI's own early check)."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(
            f"invalid model name: {name}", f"{problem}; names look like `mymodel`, `me/bot:v1`"
        )


class LocalFilesError(OllamaError):
    """A FROM/ADAPTER/DRAFT directory the CLI's file selection refuses (Ollama's own text)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "fix the files in that directory, or name a single GGUF file")


@dataclass(frozen=True, slots=True)
class LocalFile:
    """One local file the request carries: read from `path`, sent as `field[name]`."""

    path: Path
    field: FileField
    name: str
    size: int


@dataclass(frozen=True)
class CreatePlan:
    """What `ollama create` would send: the body without the file digests, and the files
    whose digests complete it."""

    body: dict[str, object]
    files: list[LocalFile]
    warnings: list[str] = field(default_factory=list)
    """What the CLI prints on stdout while building (`warning: parameter x is deprecated`)."""


def build_create_request(
    text: str | bytes,
    modelfile_path: Path | None,
    *,
    model: str,
    quantize: str | None = None,
) -> CreatePlan:
    """The body `ollama create` sends (keys exactly as the CLI builds them) and the local
    files it must upload; raises ModelfileRejected on --check errors."""
    name = parse_model_name(model)
    if name.problem is not None:
        raise InvalidModelName(model, name.problem)
    decoded = decode_modelfile(text).text if isinstance(text, bytes) else text
    # Paths resolve against the Modelfile's directory; a buffer with no file behaves as
    # `ollama create` run here (its default `./Modelfile`).
    base_dir = str(modelfile_path.absolute().parent) if modelfile_path else os.getcwd()
    context = RuleContext(parse(decoded), language_facts(), base_dir)
    # Default severities, no suppressions: a quieted error still makes Ollama refuse the file.
    errors = [f for f in run_rules(ALL_RULES, context, Settings()) if f.severity is Severity.ERROR]
    if errors:
        errors.sort(key=lambda f: (f.span.start, f.code))
        raise ModelfileRejected(modelfile_path, errors)
    return _plan(context, model, quantize)


def _plan(context: RuleContext, model: str, quantize: str | None) -> CreatePlan:
    references = {r.instruction.span.start: r for r in context.references}
    scalars: dict[str, str] = {}
    licenses: list[str] = []
    messages: list[dict[str, str]] = []
    parameters: dict[str, object] = {}
    paths: dict[FileField, list[Path]] = {"files": [], "adapters": [], "draft_files": []}
    warnings: list[str] = []
    source = ""
    for instruction in context.valid_instructions:
        command, args = instruction.command_name, instruction.args
        if command in _FIELD_OF:
            local = _local_files(references[instruction.span.start])
            if local is None:
                source = args  # a FROM that is not a local path: the last one wins
            elif command == "adapter":
                paths["adapters"] = local  # each ADAPTER replaces the map
            else:
                group = paths[_FIELD_OF[command]]  # FROM and DRAFT files merge into one map
                group += [p for p in local if p not in group]
        elif command in _SCALARS:
            scalars[command] = args.removeprefix("v") if command == "requires" else args
        elif command == "license":
            licenses.append(args)
        elif command == "message":
            role, _, content = args.partition(": ")
            messages.append({"role": role, "content": content})
        else:
            fact = context.facts.parameters[command]
            if fact.status == "deprecated":
                warnings.append(f"warning: parameter {command} is deprecated")
                continue
            value = convert(fact.type, args).value
            if fact.type == "string_list":
                listed = parameters.setdefault(command, [])
                assert isinstance(listed, list)
                listed.append(args)
            else:
                parameters[command] = go_float32(value) if fact.type == "float" else value
    # `name` is the deprecated alias of `model` and has no `omitempty`: the CLI always sends it
    # empty.
    body: dict[str, object] = {"model": model, "name": ""}
    if quantize:
        body["quantize"] = quantize
    if source:
        body["from"] = source
    # Empty strings and collections are omitted (`omitempty`): `SYSTEM ""` clears nothing.
    body.update({k: v for k, v in scalars.items() if v})
    if licenses:
        body["license"] = licenses
    if parameters:
        body["parameters"] = dict(sorted(parameters.items()))
    if messages:
        body["messages"] = messages
    files = [
        LocalFile(path, key, name, path.stat().st_size)
        for key, group in paths.items()
        for path, name in request_file_names(group).items()
    ]
    return CreatePlan(_ordered(body), files, warnings)


def _local_files(reference: Reference) -> list[Path] | None:
    """The files a FROM/ADAPTER/DRAFT contributes, keyed as `fileDigestMap` keys them (a
    single file by its path, a directory's files symlink-resolved); None for a model name."""
    local = reference.local
    if local is None or local.path is None or local.kind not in ("file", "directory"):
        return None
    if local.kind == "file":
        return [Path(local.path)]
    selected = model_files(local.path)
    if selected.error is not None:
        raise LocalFilesError(selected.error)
    return [Path(os.path.realpath(p)) for p in selected.files]


def request_file_names(paths: list[Path]) -> dict[Path, str]:
    """`createRequestFileNames`: one file is sent by its base name, several by their path
    relative to their deepest common directory, slash-separated and cleaned."""
    root = _common_root(paths)
    names = {}
    for path in paths:
        name = path.name
        if root is not None:
            relative = os.path.relpath(path, root)
            if relative not in (".", "..") and not relative.startswith(".." + os.sep):
                name = relative
        names[path] = posixpath.normpath(name.replace(os.sep, "/"))
    return names


def _common_root(paths: list[Path]) -> str | None:
    """`commonFileRoot`: the deepest directory holding every file (None for fewer than two)."""
    if len(paths) < 2:
        return None
    root = ""
    for path in paths:
        directory = os.path.dirname(path)
        if not root:
            root = directory
            continue
        while os.path.commonpath([root, directory]) != root:
            parent = os.path.dirname(root)
            if parent == root:
                return None
            root = parent
    return root or None


def go_float32(value: object) -> float:
    """A float32 as Go's JSON encoder writes it: the shortest decimal that reads back as the
    same float32 (`0.3`, not `0.30000001192092896`)."""
    assert isinstance(value, float)
    if not math.isfinite(value):
        return value
    for digits in range(1, 10):
        shortest = float(f"{value:.{digits}g}")
        if struct.unpack("f", struct.pack("f", shortest))[0] == value:
            return shortest
    return value


def with_digests(plan: CreatePlan, digest_of: Callable[[LocalFile], str]) -> dict[str, object]:
    """The body to send once every local file's digest is known (`sha256:<hex>`)."""
    groups: dict[str, dict[str, str]] = {}
    for file in sorted(plan.files, key=lambda f: f.name):
        groups.setdefault(file.field, {})[file.name] = digest_of(file)
    return _ordered({**plan.body, **groups})


def dry_run_body(plan: CreatePlan) -> dict[str, object]:
    """What `--dry-run` prints: the body with each local file hashed (no network)."""
    return with_digests(plan, lambda file: sha256_file(file.path, lambda: False, lambda _: None))


def _ordered(body: Mapping[str, object]) -> dict[str, object]:
    return {key: body[key] for key in _ORDER if key in body}
