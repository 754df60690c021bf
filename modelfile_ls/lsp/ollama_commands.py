"""The Ollama commands: each reads its argument object (`command_args.py`), then runs one
operation of `modelfile_ls.ollama` through `operation.py`. The long ones (create, pull, push,
bench) run under a cancellable `$/progress`; create, pull, copy, delete and bench refresh the
registry afterwards, so lenses and diagnostics follow.

Loaded on the first command (`commands.py`), so it may import the analysis and the client.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from lsprotocol import types

from modelfile_ls.lsp.command_args import ArgumentError, CommandArguments
from modelfile_ls.lsp.host import CommandHost
from modelfile_ls.lsp.operation import CANCELLED, Runner
from modelfile_ls.lsp.source import Source, from_model, source
from modelfile_ls.modelname import parse_model_name
from modelfile_ls.naming import suggested_name
from modelfile_ls.ollama import bench as benchmark
from modelfile_ls.ollama import create as creation
from modelfile_ls.ollama import operations
from modelfile_ls.ollama.events import Cancel, Done, Event
from modelfile_ls.ollama.extract import default_output
from modelfile_ls.ollama.extract import extract as extract_modelfile
from modelfile_ls.ollama.hosts import Hosts


async def create(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{uri, name?, quantize?}`: create a model from the document (`ollama create`). Without
    a name the client is asked to confirm the one the file name suggests."""
    document = source(host, args)
    name = args.text("name") or await _ask_name(host, args, document)
    if name is None:
        return CANCELLED.as_json()
    problem = parse_model_name(name).problem
    if problem is not None:
        raise ArgumentError(f"{args.title}: `{name}` is not a valid model name: {problem}")
    quantize = args.text("quantize")

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        return creation.create(
            hosts, name, document.content, document.path, cancelled, quantize=quantize
        )

    runner = Runner(host)
    return await runner.run(f"creating {name}", start, title=f"Creating {name}", refresh=True)


async def _ask_name(host: CommandHost, args: CommandArguments, document: Source) -> str | None:
    """The name the file name suggests, confirmed with `window/showMessageRequest` when the
    client can ask; None when the user declined."""
    suggested = suggested_name(document.path) if document.path is not None else None
    if suggested is None:
        raise ArgumentError(
            f'{args.title} needs `name` ({{"uri": ..., "name": "mybot"}}): {document.uri}'
            " has no file name to take one from"
        )
    window = host.client_capabilities.window
    if window is None or window.show_message is None:
        return suggested
    assert document.path is not None
    confirm = f"Create {suggested}"
    answer = await host.window_show_message_request_async(
        types.ShowMessageRequestParams(
            types.MessageType.Info,
            f"Create the model `{suggested}` in Ollama from {document.path.name}?",
            [types.MessageActionItem(confirm), types.MessageActionItem("Cancel")],
        )
    )
    return suggested if answer is not None and answer.title == confirm else None


async def pull(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{model}` or `{uri}` (+ `insecure`): pull that model, or the document's FROM model."""
    model = args.text("model") or from_model(host, args)
    insecure = args.flag("insecure")

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        return operations.pull(hosts, model, cancelled, insecure=insecure)

    runner = Runner(host)
    return await runner.run(f"pulling {model}", start, title=f"Pulling {model}", refresh=True)


async def push(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{model}` (+ `insecure`): push an installed model to its registry."""
    model = args.required("model", '"model": "you/mybot"')
    insecure = args.flag("insecure")

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        return operations.push(hosts, model, cancelled, insecure=insecure)

    return await Runner(host).run(f"pushing {model}", start, title=f"Pushing {model}")


async def bench(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{model}` or `{uri}`: time a short generation and store the speeds in the registry."""
    model = args.text("model") or from_model(host, args)
    registry = host.catalog.path if host.catalog.registry is not None else None

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        return benchmark.bench(hosts, model, registry, cancelled)

    runner = Runner(host)
    # The registry refresh re-publishes what shows the stored speeds (hover, hints).
    return await runner.run(
        f"benchmarking {model}", start, title=f"Benchmarking {model}", refresh=True
    )


async def copy(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{source, destination}`: copy a model under a new name (`ollama cp`)."""
    origin = args.required("source", '"source": "llama3.2", "destination": "mybase"')
    destination = args.required("destination", '"source": "llama3.2", "destination": "mybase"')

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        operations.copy(hosts, origin, destination)
        yield Done(
            f"copied {origin} to {destination}", {"source": origin, "destination": destination}
        )

    return await Runner(host).run(f"copying {origin}", start, refresh=True)


async def delete(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{model}` or `{models: [...]}`: delete models, stopping at the first failure."""
    models = args.texts("models") or [args.required("model", '"model": "mybot"')]

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        deleted = operations.delete(hosts, models)
        yield Done(f"deleted {', '.join(deleted)}", {"deleted": deleted})

    return await Runner(host).run(f"deleting {', '.join(models)}", start, refresh=True)


async def list_models(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """No argument: the installed models, `{models: [{name, details, ...}]}`."""

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        models, notices = operations.list_models(hosts)
        yield from notices
        listed = [
            {
                "name": m.name,
                "model": m.model,
                "size": m.size,
                "modified_at": m.modified_at,
                "details": asdict(m.details),
            }
            for m in models
        ]
        yield Done(f"{len(listed)} models installed", {"models": listed})

    return await Runner(host).run("listing the installed models", start)


async def extract(host: CommandHost, args: CommandArguments) -> dict[str, object]:
    """`{model, path?, uri?}`: write the installed model's Modelfile as a new file (next to
    the document `uri`, else in the workspace folder), store it in the registry and open it."""
    model = args.required("model", '"model": "llama3.2"')
    target = _extract_target(host, args, model)
    registry = host.catalog.path if host.catalog.registry is not None else None

    def start(hosts: Hosts, cancelled: Cancel) -> Iterator[Event]:
        result = extract_modelfile(hosts, model, target, registry)
        data = {**result.to_json(), "uri": result.path.resolve().as_uri()}
        yield Done(f"extracted {model} to {result.path}", data)

    answer = await Runner(host).run(f"extracting {model}", start)
    uri = answer.get("uri")
    if isinstance(uri, str):
        await _open(host, uri, str(answer["path"]))
    return answer


def _extract_target(host: CommandHost, args: CommandArguments, model: str) -> Path:
    """Where an extract writes: `path`, else a free `<model>.Modelfile` name in the folder."""
    folder: Path | None = None
    uri = args.text("uri")
    if uri is not None:
        folder = args.file(uri).parent
    elif host.workspace.root_path:
        folder = Path(host.workspace.root_path)
    given = args.text("path")
    if given is not None:
        path = Path(given).expanduser()
        if path.is_absolute():
            return path
        if folder is None:
            raise ArgumentError(f"{args.title}: `path` must be absolute (no workspace folder)")
        return folder / path
    if folder is None:
        raise ArgumentError(
            f'{args.title} needs `path` ({{"model": ..., "path": "/.../x.Modelfile"}}):'
            " no workspace folder to write it in"
        )
    name = default_output(model)
    path, serial = folder / name, 1
    while path.exists():  # never replace a file: the next free `<model>-N.Modelfile`
        serial += 1
        path = folder / f"{name.stem}-{serial}{name.suffix}"
    return path


async def _open(host: CommandHost, uri: str, path: str) -> None:
    """Open the extracted file in the editor, or say where it is when the client cannot."""
    window = host.client_capabilities.window
    if window is not None and window.show_document is not None and window.show_document.support:
        await host.window_show_document_async(types.ShowDocumentParams(uri, take_focus=True))
    else:
        host.window_show_message(
            types.ShowMessageParams(types.MessageType.Info, f"modelfile-ls: extracted to {path}")
        )
