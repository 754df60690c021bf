"""`show NAME` and `show NAME --modelfile`: a model's details, and its Modelfile exactly as
`ollama show --modelfile` prints it (shared spec modelfile.md §12: the server reconstructs the
text; the CLI prints it with Go's `fmt.Println`)."""

from __future__ import annotations

from modelfile_ls.ollama.errors import OllamaError, OllamaHTTPError
from modelfile_ls.ollama.hosts import Hosts
from modelfile_ls.ollama.responses import ShowResponse

LIST_HINT = "`modelfile-ls list` shows the installed models"


def add_hint(error: OllamaError, hint: str) -> None:
    """Give the error a hint, unless it already has one (or there is none to give)."""
    if hint and not error.hint:
        error.hint = hint


def not_found_hint(error: OllamaHTTPError) -> None:
    """A 404 (no such model) points at the list of installed models."""
    if error.status == 404:
        add_hint(error, LIST_HINT)


def show(hosts: Hosts, model: str) -> ShowResponse:
    """A model's details from the first host (`ollama show`)."""
    try:
        return hosts.primary().show(model)
    except OllamaHTTPError as exc:
        not_found_hint(exc)
        raise


def show_modelfile(hosts: Hosts, model: str) -> str:
    """Exactly what `ollama show --modelfile` prints: the server's reconstructed Modelfile
    followed by the newline of Go's `fmt.Println`."""
    shown = show(hosts, model)
    if "image" in shown.capabilities:
        # cmd.go refuses these before printing anything.
        raise OllamaError("image generation models are not currently supported")
    return shown.modelfile + "\n"
