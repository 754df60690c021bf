"""`modelfile-ls show NAME`: a model's details as `ollama show` prints them (Model: architecture,
parameters, context and embedding length, quantization; Capabilities; Parameters; the first
lines of System and License), or one part of it with `--modelfile`, `--parameters`,
`--template`, `--system` or `--license`, printed exactly as Ollama's CLI prints it."""

from __future__ import annotations

from collections.abc import Sequence

from modelfile_ls.commands.ollama.common import Context, run, verb_parser
from modelfile_ls.commands.ollama.text import table
from modelfile_ls.ollama import operations
from modelfile_ls.ollama.responses import ShowResponse

PARTS = ("modelfile", "parameters", "template", "system", "license")
HEAD_LINES = 2
"""Lines of System and License that `ollama show` prints before `...`."""


def human_number(count: int) -> str:
    """Go's `format.HumanNumber`: `8B`, `3.2B`, `494.03M`, `768K`."""
    if count >= 10**9:
        value = count / 10**9
        return f"{value:.0f}B" if value == int(value) else f"{value:.1f}B"
    if count >= 10**6:
        value = count / 10**6
        return f"{value:.0f}M" if value == int(value) else f"{value:.2f}M"
    if count >= 10**3:
        return f"{count / 10**3:.0f}K"
    return str(count)


def _number(value: object) -> str:
    """A JSON number as Go's `FormatFloat(f, 'f', -1, 64)` writes it (`131072`, `0.5`)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def model_rows(show: ShowResponse) -> list[list[str]]:
    """The Model section: what the model is, from `model_info` where Ollama reads it."""
    rows: list[list[str]] = []
    if show.remote_host:
        rows += [["", "Remote model", show.remote_model], ["", "Remote URL", show.remote_host]]
    info = show.model_info
    arch = info.get("general.architecture")
    arch = arch if isinstance(arch, str) and arch else show.details.family
    if arch:
        rows.append(["", "architecture", arch])
    parameters = show.details.parameter_size
    count = info.get("general.parameter_count")
    if not parameters and isinstance(count, int | float) and not isinstance(count, bool):
        parameters = human_number(int(count))
    if parameters:
        rows.append(["", "parameters", parameters])
    context = _number(info.get(f"{arch}.context_length")) or _number(show.details.context_length)
    if context:
        rows.append(["", "context length", context])
    embedding = _number(info.get(f"{arch}.embedding_length")) or _number(
        show.details.embedding_length
    )
    if embedding:
        rows.append(["", "embedding length", embedding])
    rows.append(["", "quantization", show.details.quantization_level])
    if show.requires:
        rows.append(["", "requires", show.requires])
    return rows


def _head(text: str, count: int) -> list[list[str]]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    rows = [["", line] for line in lines[:count]]
    return [*rows, ["", "..."]] if len(lines) > count else rows


def render_show(show: ShowResponse) -> str:
    """The whole `ollama show NAME` text."""
    sections: list[tuple[str, list[list[str]]]] = [("Model", model_rows(show))]
    if show.capabilities:
        sections.append(("Capabilities", [["", c] for c in show.capabilities]))
    if show.parameters:
        rows = [["", *line.split()] for line in show.parameters.splitlines() if line.strip()]
        sections.append(("Parameters", rows))
    if show.system:
        sections.append(("System", _head(show.system, HEAD_LINES)))
    if show.license:
        sections.append(("License", _head(show.license, HEAD_LINES)))
    return "".join(f"  {title}\n{table([], rows)}\n" for title, rows in sections)


def _show(context: Context) -> int:
    args = context.args
    part = next((name for name in PARTS if getattr(args, name)), None)
    with context.hosts() as hosts:
        if part == "modelfile":
            # Exactly `ollama show --modelfile`'s output (with its Println newline).
            context.out.write(operations.show_modelfile(hosts, args.name))
            return 0
        show = operations.show(hosts, args.name)
    if part is None:
        context.out.write(render_show(show))
    elif part in ("template", "system"):
        context.out.write(getattr(show, part))  # printed with Print: no newline added
    else:
        context.out.write(getattr(show, part) + "\n")
    return 0


def main(argv: Sequence[str]) -> int:
    """`modelfile-ls show NAME`."""
    parser = verb_parser("show", "Show a model's details, or one part of it (as `ollama show`).")
    parser.add_argument("name", metavar="NAME", help="the model, e.g. llama3.2")
    parts = parser.add_mutually_exclusive_group()
    parts.add_argument("--modelfile", action="store_true", help="the model's Modelfile")
    parts.add_argument("--parameters", action="store_true", help="its parameters")
    parts.add_argument("--template", action="store_true", help="its template")
    parts.add_argument("--system", action="store_true", help="its system message")
    parts.add_argument("--license", action="store_true", help="its licence")
    return run(parser, argv, _show)
