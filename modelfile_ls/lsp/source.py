"""The Modelfile a command acts on, named by its `uri`: the editor's text when the document is
open, else the file's bytes; and the model its FROM names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from modelfile_ls.analysis.references import resolve_references
from modelfile_ls.lsp.command_args import ArgumentError, CommandArguments
from modelfile_ls.lsp.documents import document_path
from modelfile_ls.lsp.host import CommandHost
from modelfile_ls.syntax import parse_bytes
from modelfile_ls.syntax.model import ParsedModelfile


@dataclass(frozen=True, slots=True)
class Source:
    """One Modelfile as the command sees it."""

    uri: str
    content: str | bytes
    """What `ollama create` reads: the editor's text, or the file as it is on disk."""
    parsed: ParsedModelfile
    path: Path | None
    """The file, None for an unsaved document."""

    @property
    def base_dir(self) -> str | None:
        """The directory its relative paths resolve against."""
        return str(self.path.parent) if self.path is not None else None


def source(host: CommandHost, args: CommandArguments) -> Source:
    """The document the command's `uri` names."""
    uri = args.document()
    path = document_path(uri)
    snapshot = host.snapshot(uri)
    if snapshot is not None:
        document = snapshot.document
        return Source(uri, document.text, document.parsed, path)
    if path is None:
        raise ArgumentError(f"{args.title}: {uri} is neither open nor a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArgumentError(f"{args.title}: cannot read {path}: {exc.strerror}") from exc
    return Source(uri, data, parse_bytes(data), path)


def from_model(host: CommandHost, args: CommandArguments) -> str:
    """The model the document's FROM names: the one `ollama create` sends, the last FROM
    that is not a local file."""
    document = source(host, args)
    clean = [i for i in document.parsed.instructions if not i.has_error]
    names = [
        r
        for r in resolve_references(clean, document.base_dir)
        if r.keyword == "FROM" and r.name is not None and not r.is_local
    ]
    if not names or names[-1].looks_like_path:
        raise ArgumentError(f"{args.title}: the Modelfile has no FROM naming a model")
    reference = names[-1]
    assert reference.name is not None
    if reference.name.problem is not None:
        raise ArgumentError(
            f"{args.title}: `{reference.text}` is not a model name: {reference.name.problem}"
        )
    return reference.name.short
