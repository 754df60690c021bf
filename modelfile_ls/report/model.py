"""The input every report format renders: per-file findings with the text they point into."""

from modelfile_ls.analysis.finding import Finding
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.syntax.model import ParsedModelfile
from modelfile_ls.syntax.positions import LineIndex


class FileResult(NamedTuple):
    """The findings of one checked file; `path` is as the user should see it.

    `parsed`, when there is one, is the parse the findings came from, kept with them: a 10 MB
    file's parse is millions of small objects, and freeing them one by one as soon as the
    findings are made costs a tenth of the check, which `--check` saves by exiting without
    freeing anything (`cli._exit_now`)."""

    path: str
    text: str
    lines: LineIndex
    findings: tuple[Finding, ...]
    parsed: ParsedModelfile | None = None
