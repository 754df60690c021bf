"""`create`: a Modelfile to an installed model, as `ollama create NAME -f FILE` does it.

Build the body exactly as the CLI does (`create_request`), hash every local file by streaming
it, upload only the blobs the server lacks (`HEAD /api/blobs/<digest>` first; the CLI POSTs
every file, which costs a full read of each on the server even when it has it), then stream
`POST /api/create`'s own status lines. Every step yields events and polls `cancelled` after
each chunk or line.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterator
from pathlib import Path

from modelfile_ls.ollama.client import OllamaClient
from modelfile_ls.ollama.create_request import (
    CreatePlan,
    LocalFile,
    ModelfileRejected,
    build_create_request,
    dry_run_body,
    with_digests,
)
from modelfile_ls.ollama.digest import hash_chunks, sha256_file
from modelfile_ls.ollama.events import Cancel, Done, Event, Notice, Progress
from modelfile_ls.ollama.hosts import Hosts

__all__ = [
    "CreatePlan",
    "ModelfileRejected",
    "build_create_request",
    "create",
    "dry_run_body",
    "sha256_file",
]


def create(
    hosts: Hosts,
    model: str,
    text: str | bytes,
    modelfile_path: Path | None,
    cancelled: Cancel,
    *,
    quantize: str | None = None,
) -> Iterator[Event]:
    """Create `model` from a Modelfile on the primary host: hashing and upload progress, the
    server's status lines, then Done("created <model>", ...)."""
    plan = build_create_request(text, modelfile_path, model=model, quantize=quantize)
    for warning in plan.warnings:
        yield Notice(warning)
    digests: dict[Path, str] = {}
    for file in plan.files:
        if file.path not in digests:
            digests[file.path] = yield from _hash(file, cancelled)
    client = hosts.primary()
    uploaded: list[str] = []
    present: list[str] = []
    for file in plan.files:
        digest = digests[file.path]
        if digest in uploaded or digest in present:
            continue
        if client.blob_exists(digest):
            present.append(digest)
            yield Progress(f"using existing blob {digest}", digest, file.size, file.size)
            continue
        yield from _upload(client, file, digest, cancelled)
        uploaded.append(digest)
    body = with_digests(plan, lambda file: digests[file.path])
    yield from client.create(body, cancelled)
    data = {"model": model, "uploaded": uploaded, "existing": present, "request": body}
    yield Done(f"created {model}", data)


def _hash(file: LocalFile, cancelled: Cancel) -> Generator[Progress, None, str]:
    """Progress of hashing one file, a chunk at a time; returns its digest."""
    status = f"hashing {file.name}"
    yield Progress(status, total=file.size, completed=0)
    steps = hash_chunks(file.path, cancelled)
    done = 0
    while True:
        try:
            done += next(steps)
        except StopIteration as finished:
            digest: str = finished.value
            return digest
        yield Progress(status, total=file.size, completed=done)


def _upload(
    client: OllamaClient, file: LocalFile, digest: str, cancelled: Cancel
) -> Iterator[Progress]:
    """Upload one blob, yielding its byte progress while a worker thread sends it (httpx
    sends a body from inside one blocking call, and a generator cannot yield from there)."""
    status = f"uploading {digest}"
    yield Progress(status, digest, file.size, 0)
    reports: queue.SimpleQueue[int | Exception | None] = queue.SimpleQueue()
    stop = threading.Event()

    def send() -> None:
        try:
            client.upload_blob(digest, file.path, lambda: stop.is_set() or cancelled(), reports.put)
        except Exception as exc:  # handed over to the generator, which raises it
            reports.put(exc)
        else:
            reports.put(None)

    worker = threading.Thread(target=send, name=f"upload {file.name}", daemon=True)
    worker.start()
    done = 0
    try:
        while True:
            item = reports.get()
            # Coalesce the chunks reported meanwhile: one event per wake-up, not per chunk.
            batch = 0
            while isinstance(item, int):
                batch += item
                if reports.empty():
                    break
                item = reports.get()
            if batch:
                done += batch
                yield Progress(status, digest, file.size, done)
            if item is None:
                return
            if isinstance(item, Exception):
                raise item
    finally:
        # A consumer that stops iterating (or a cancel) stops the upload within one chunk.
        stop.set()
        worker.join()
