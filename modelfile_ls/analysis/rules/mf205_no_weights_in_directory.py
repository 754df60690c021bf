"""MF205 no-weights-in-directory: a FROM, ADAPTER or DRAFT directory holds no model files.

Why: for a directory the CLI picks weights by pattern (`model*.safetensors`,
`consolidated*.safetensors`, `pytorch_model*.bin`, `consolidated*.pth`, `*.gguf`, `*.bin`);
with none present it fails with `no Modelfile or safetensors files found`. An empty `FROM`
names the Modelfile's own directory.

Example: `FROM ./` in a folder that only holds the Modelfile.
Fix: point at the directory (or file) that holds the weights, or use a model name.
"""

from __future__ import annotations

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report directories without recognised weight files."""
    for reference in context.references:
        directory = reference.directory
        if directory is None or context.model_files(directory).weights:
            continue
        what = f"`{reference.text}`" if reference.text else "an empty value, i.e. this directory"
        yield rule.finding(
            reference.span,
            f"{reference.keyword} names {what}, but {directory} holds no .gguf, .safetensors"
            " or .bin weights",
            ollama_message="no Modelfile or safetensors files found",
        )


RULE = DocumentRule("MF205", "no-weights-in-directory", Severity.ERROR, __doc__ or "", check)
