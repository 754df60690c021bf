"""The fake Ollama's blob store and `POST /api/create`, as server/routes.go and
server/create.go answer them (shared spec ollama-api.md §3.5-3.7).

Blobs are streamed to files in a temporary directory while they are hashed, never held in
memory (runs of zero bytes become holes, so a 2 GB sparse upload costs no disk either); a
digest that does not match the bytes is refused with Ollama's own text, and the bytes are
kept under their real digest, as Ollama keeps them. Create validates what the real server
validates, in its order (file keys, digests, the model name, the base, GGUF magic, adapters,
drafts, quantization, the template as `template.Parse` parses it), streams its status lines
and installs the model, so `/api/tags` and `/api/show` see it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelfile_ls.analysis.gguf import gguf_architecture
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.template import check_template
from tests.fake_ollama_base import BLOB_DIR, Exchange, FakeModel, display_name

if TYPE_CHECKING:
    from tests.fake_ollama import FakeOllama

_DIGEST = re.compile(r"sha256[:-][0-9a-fA-F]{64}")
_ZEROS = bytes(1 << 20)
QUANTIZE_STEPS = 4
"""Progress lines of a fake quantization."""
_QUANTIZE_TYPES = {"q4_k_m": "Q4_K_M", "q4_k": "Q4_K_M", "q4_k_s": "Q4_K_S", "q8_0": "Q8_0"}
_QUANTIZE_TYPES |= {"f16": "F16", "f32": "F32", "bf16": "BF16"}


class BlobStore:
    """The blobs the fake holds, as files named `sha256-<hex>` in a temporary directory."""

    def __init__(self) -> None:
        self._directory: Path | None = None
        self.received: list[str] = []
        """Digests of the uploads stored (in order; a repeated upload is listed again)."""
        self.cut: list[int] = []
        """Bytes received of each upload the client abandoned."""

    @property
    def directory(self) -> Path:
        """Where the blobs live (created on first use)."""
        if self._directory is None:
            self._directory = Path(tempfile.mkdtemp(prefix="fake-ollama-blobs-"))
        return self._directory

    def path(self, digest: str) -> Path:
        """The file of a blob (`sha256:<hex>` -> `sha256-<hex>`, as Ollama names it)."""
        return self.directory / digest.replace(":", "-")

    def has(self, digest: str) -> bool:
        """Whether the blob is stored (exact case: only lower-case hex is ever found)."""
        return self.path(digest).is_file()

    def receive(self, chunks: Iterable[bytes], length: int) -> str | None:
        """Store an upload as it arrives, hashing it; its real digest, or None when the
        client hung up before `length` bytes (nothing is kept, as NewLayer's failed copy)."""
        digest = hashlib.sha256()
        size = 0
        with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as handle:
            for chunk in chunks:
                digest.update(chunk)
                if chunk == _ZEROS[: len(chunk)]:
                    handle.seek(len(chunk), 1)  # a hole instead of written zeros
                else:
                    handle.write(chunk)
                size += len(chunk)
            handle.truncate(size)
        if size < length:
            Path(handle.name).unlink()
            self.cut.append(size)
            return None
        name = f"sha256:{digest.hexdigest()}"
        Path(handle.name).replace(self.path(name))
        self.received.append(name)
        return name

    def put(self, content: bytes) -> tuple[str, bool]:
        """Store a small layer the server writes itself; (digest, whether it is new)."""
        name = f"sha256:{hashlib.sha256(content).hexdigest()}"
        new = not self.has(name)
        if new:
            self.path(name).write_bytes(content)
        return name, new

    def close(self) -> None:
        """Remove every blob."""
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None


def _known(owner: FakeOllama, digest: str) -> bool:
    """A blob the server has: uploaded, or a layer of an installed model."""
    if owner.blobs.has(digest):
        return True
    return any(digest == layer for m in owner.models.values() for layer, _ in m.layers())


def head_blob(exchange: Exchange) -> None:
    """`HEAD /api/blobs/:digest`: 200 when present, 404 when not, 400 for a bad digest."""
    digest = exchange.path.removeprefix("/api/blobs/")
    if not _DIGEST.fullmatch(digest):
        exchange.send(400, {"error": "invalid digest format"})
    elif _known(exchange.owner, digest.replace("-", ":", 1)) and digest == digest.lower():
        exchange.send_empty(200)
    else:
        exchange.send(404, {"error": f"blob {_go_q(digest)} not found"})


def post_blob(exchange: Exchange) -> None:
    """`POST /api/blobs/:digest`: 201 once stored, 200 when already present, 400 for a bad
    digest or bytes that hash to another digest."""
    digest = exchange.path.removeprefix("/api/blobs/")
    if not _DIGEST.fullmatch(digest):
        exchange.send(400, {"error": "invalid digest format"})
        return
    owner = exchange.owner
    if _known(owner, digest.replace("-", ":", 1)) and digest == digest.lower():
        for _ in exchange.chunks():
            pass  # Ollama answers without reading; drained so the connection stays usable
        exchange.send_empty(200)
        return
    actual = owner.blobs.receive(exchange.chunks(), exchange.content_length)
    if actual is None:
        exchange.handler.close_connection = True
        return
    if actual != digest:
        message = f"digest mismatch, expected {_go_q(digest)}, got {_go_q(actual)}"
        exchange.send(400, {"error": message})
        return
    exchange.send_empty(201)


class _Failed(Exception):
    """A create error: Ollama's text and the status it has when nothing was streamed yet."""

    def __init__(self, message: str, status: int = 500) -> None:
        super().__init__(message)
        self.status = status


def create_model(exchange: Exchange) -> None:
    """`POST /api/create`: up-front checks as plain HTTP errors, then the build's status
    lines; an error before the first line is an HTTP error, after it an `{"error"}` line."""
    found = exchange.json_request("invalid model name")
    if found is None:
        return
    request, name = found
    problem = _upfront(request)
    if problem is None and not parse_model_name(name).is_valid:
        problem = "invalid model name"
    if problem is not None:
        exchange.send(400, {"error": problem})
        return
    owner = exchange.owner
    existing = owner.installed(name)
    target = existing.name if existing is not None else display_name(name)
    lines: list[dict[str, Any]] = []
    try:
        model = _build(owner, request, target, lines)
    except _Failed as failed:
        if not lines:
            exchange.send(failed.status, {"error": str(failed)})
            return
        lines.append({"error": str(failed)})
        exchange.answer(request, lines)
        return

    def stream() -> Iterator[dict[str, Any]]:
        yield from lines
        yield {"status": "success"}
        owner.add(model)

    exchange.answer(request, stream())


def _upfront(request: dict[str, Any]) -> str | None:
    """The checks CreateHandler makes before it streams anything."""
    for key in ("files", "draft_files"):
        for path, digest in (request.get(key) or {}).items():
            if not _valid_path(path):
                return "file path must be relative"
            if not digest:
                return "invalid digest format"
    if request.get("draft_quantize") and not request.get("draft_files"):
        return "--draft-quantize requires a DRAFT model"
    if any(not digest for digest in (request.get("adapters") or {}).values()):
        return "invalid digest format"
    return None


def _valid_path(path: str) -> bool:
    """Go's `fs.ValidPath`: slash-separated, unrooted, no empty, `.` or `..` element."""
    if path == ".":
        return True
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _build(
    owner: FakeOllama, request: dict[str, Any], target: str, lines: list[dict[str, Any]]
) -> FakeModel:
    """Run create.go's steps, appending the status lines; the model to install."""
    source = request.get("from") or ""
    files = request.get("files") or {}
    layers: list[tuple[str, int]]
    if source:
        base = _base_model(owner, source, lines)
        layers = base.layers()[:1]
        model = replace(base, name=target)
    elif files:
        layers = _gguf_layers(owner, files, lines, adapter=False)
        path = owner.blobs.path(layers[0][0])
        family = gguf_architecture(path) or "llama"
        model = FakeModel(target, family=family, families=[family], quantization_level="F16")
    else:
        raise _Failed("neither 'from' or 'files' was specified", 400)
    if request.get("draft_files") and parse_model_name(source).is_remote:
        raise _Failed("DRAFT cannot be used with remote models", 400)
    for key in ("draft_files", "adapters"):
        if request.get(key):
            layers += _gguf_layers(owner, request[key], lines, adapter=key == "adapters")
    quantize = request.get("quantize") or request.get("quantization") or ""
    if quantize:
        model = _quantize(model, quantize, lines)
    return _with_layers(owner, model, request, layers, lines)


def _base_model(owner: FakeOllama, source: str, lines: list[dict[str, Any]]) -> FakeModel:
    """The FROM model: installed, else pulled first (its pull lines join the stream)."""
    if not parse_model_name(source).is_valid:
        raise _Failed("invalid model name", 400)
    installed = owner.installed(source)
    if installed is not None:
        return installed
    lines.append({"status": "pulling manifest"})
    model = owner.library.get(display_name(source).lower())
    if model is None:
        raise _Failed("pull model manifest: file does not exist")
    for digest, size in model.layers():
        line = {"status": f"pulling {digest[7:19]}", "digest": digest, "total": size}
        lines.append({**line, "completed": size})
    # PullModel ends with its own `success` mid-stream; the create's lines follow it.
    lines += [{"status": s} for s in ("verifying sha256 digest", "writing manifest", "success")]
    owner.add(model)
    return model


def _gguf_layers(
    owner: FakeOllama, files: dict[str, str], lines: list[dict[str, Any]], *, adapter: bool
) -> list[tuple[str, int]]:
    """convertModelFromFiles for GGUF uploads: `parsing GGUF` per file, in name order."""
    if any(name.endswith(".safetensors") for name in files):
        lines.append({"status": "converting model"})
        content = json.dumps(files, sort_keys=True).encode()
        return [(owner.blobs.put(content)[0], len(content))]
    if not any(name.endswith(".gguf") or _magic(owner, d) for name, d in files.items()):
        raise _Failed("unknown type", 400)
    if adapter and len(files) > 1:
        raise _Failed("only one adapter is currently supported", 400)
    layers = []
    for name in sorted(files):
        digest = files[name]
        lines.append({"status": "parsing GGUF"})
        if not _DIGEST.fullmatch(digest):
            raise _Failed("invalid digest format")
        if not owner.blobs.has(digest):
            hex_digest = digest.split(":")[-1].split("-")[-1]
            raise _Failed(f"open {BLOB_DIR}/sha256-{hex_digest}: no such file or directory")
        if not _magic(owner, digest):
            raise _Failed("supplied file was not in GGUF format", 400)
        layers.append((digest, owner.blobs.path(digest).stat().st_size))
    return layers


def _magic(owner: FakeOllama, digest: str) -> bool:
    """Whether a stored blob starts with the GGUF magic (ggml.DetectContentType)."""
    if not owner.blobs.has(digest):
        return False
    with owner.blobs.path(digest).open("rb") as handle:
        return handle.read(4) == b"GGUF"


def _quantize(model: FakeModel, quantize: str, lines: list[dict[str, Any]]) -> FakeModel:
    """Quantization of F16/BF16/F32 weights, with its progress lines."""
    target = _QUANTIZE_TYPES.get(quantize.lower())
    if target is None:
        raise _Failed(
            f"unsupported quantization type {quantize} - supported types are F32, F16,"
            " Q4_K_S, Q4_K_M, Q8_0"
        )
    if model.quantization_level not in ("F16", "BF16", "F32"):
        raise _Failed("quantization is only supported for F16, BF16 and F32 models")
    status = f"quantizing {model.quantization_level} model to {target}"
    lines.append({"status": status})
    # Ollama's quantize progress carries a placeholder digest and counts tensors.
    progress = {"status": status, "digest": "0000000000000000000", "total": QUANTIZE_STEPS}
    lines += [{**progress, "completed": step} for step in range(1, QUANTIZE_STEPS + 1)]
    lines.append({"status": "verifying conversion"})
    return replace(model, quantization_level=target)


def _with_layers(
    owner: FakeOllama,
    model: FakeModel,
    request: dict[str, Any],
    layers: list[tuple[str, int]],
    lines: list[dict[str, Any]],
) -> FakeModel:
    """createModel: template (parsed), system, licences, parameters, messages, then a status
    line per layer and `writing manifest`."""
    template = request.get("template") or ""
    if template:
        error = check_template(template)
        if error is not None:
            raise _Failed(f"template error: {error.message}", 400)
        model = replace(model, template=template)
    if request.get("system"):
        model = replace(model, system=request["system"])
    licenses = request.get("license") or []
    licenses = [licenses] if isinstance(licenses, str) else licenses
    if licenses:
        model = replace(model, license="\n".join([model.license, *licenses]).strip("\n"))
    parameters = dict(_grouped(model.parameters))
    parameters.update(request.get("parameters") or {})
    model = replace(model, parameters=list(_flattened(parameters)))
    if request.get("messages"):
        model = replace(model, messages=list(request["messages"]))
    texts = [model.template, model.system, model.license, json.dumps(parameters)]
    texts += [json.dumps(model.messages)] if model.messages else []
    statuses = [f"using existing layer {digest}" for digest, _ in layers]
    size = sum(size for _, size in layers)
    for text in filter(None, texts):
        digest, new = owner.blobs.put(text.encode())
        statuses.append(f"{'creating new' if new else 'using existing'} layer {digest}")
        size += len(text.encode())
    lines += [{"status": status} for status in statuses]
    lines.append({"status": "writing manifest"})
    manifest = json.dumps([statuses, model.name]).encode()
    return replace(model, size=size, digest=hashlib.sha256(manifest).hexdigest())


def _grouped(parameters: list[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """A model's (name, value) pairs as the params layer's JSON object (`stop` a list)."""
    stops = [value for name, value in parameters if name == "stop"]
    yield from ((name, value) for name, value in parameters if name != "stop")
    if stops:
        yield "stop", stops


def _flattened(parameters: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The params object as FakeModel pairs: one per `stop` entry, as `/api/show` lists them."""
    for name, value in sorted(parameters.items()):
        if isinstance(value, list):
            yield from ((name, item) for item in value)
        else:
            yield name, value


def _go_q(text: str) -> str:
    """Go's `%q` for the digests these errors quote."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
