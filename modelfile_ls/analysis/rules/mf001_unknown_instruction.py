"""MF001 unknown-instruction: a line starts with something that is not one of the 11 keywords.

Why: Ollama's parser stops at the first unknown word with `command must be one of "from",
"license", ...`, naming no column and, when the word ends the line, the *next* line's number.
Common causes: the old `PROMPT`, a misspelled `PARAMTER`, prose or `<!--` in the file, a
digit or colon glued to a keyword (`FROM: x`), a file saved as UTF-16 without a BOM, or a
`\"\"\"` value that ended early because one of its lines ended with `\"\"\"`.

Example: `PARAMTER temperature 0.7`
Fix: use one of FROM, PARAMETER, TEMPLATE, SYSTEM, ADAPTER, LICENSE, MESSAGE, REQUIRES, DRAFT,
RENDERER, PARSER; put prose in a `#` comment at the start of the line.
"""

from __future__ import annotations

from _bisect import bisect_right

from modelfile_ls.analysis.edits import change_to, replace
from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.suggest import closest
from modelfile_ls.syntax.model import KEYWORDS, ProblemKind, Quoting, Span, SyntaxProblem

if TYPE_CHECKING:
    from collections.abc import Iterator


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report unknown or malformed keywords with a suggestion."""
    for problem in context.problems(ProblemKind.UNKNOWN_KEYWORD, ProblemKind.BAD_KEYWORD_CHARACTER):
        yield _finding(context, rule, problem)


def _finding(context: RuleContext, rule: DocumentRule, problem: SyntaxProblem) -> Finding:
    parsed = context.parsed
    word = problem.detail
    letters = "".join(c for c in word if c.isascii() and c.isalpha()).upper()
    fixes: list[Fix] = []
    related: list[Related] = []
    if parsed.looks_like_utf16_without_bom and problem.span.start < 4:
        message = (
            "the file looks like UTF-16 saved without a byte-order mark; Ollama reads it as"
            " UTF-8 and fails: save it as UTF-8"
        )
    elif problem.kind is ProblemKind.BAD_KEYWORD_CHARACTER and letters in KEYWORDS:
        where = _describe(parsed.text, problem.related)
        message = f"`{word}`: `{letters}` must be followed by a space or tab, not {where}"
        fixes.append(replace(problem.span, letters, f"Write `{letters}`"))
    elif problem.kind is ProblemKind.BAD_KEYWORD_CHARACTER:
        message = f"`{word}` is not an instruction: keywords are letters followed by a space"
    else:
        message = f"`{word}` is not an instruction"
        guess = closest(word.upper(), KEYWORDS, cutoff=0.7)
        if word.upper() == "PROMPT":
            message += "; PROMPT was replaced by TEMPLATE"
            fixes.append(change_to(problem.span, "TEMPLATE"))
        elif guess:
            message += f"; did you mean `{guess}`?"
            fixes.append(change_to(problem.span, guess))
        else:
            message += "; to keep it as a note, start the line with `#`"
    early = _early_close(context, problem.span.start)
    if early is not None:
        message += ' (the """ value above ended early, on a line ending with """)'
        related.append(Related(early, 'the """ value ended here'))
    return rule.finding(
        problem.span, message, fixes=fixes, related=related, ollama_message=problem.ollama_error
    )


def _describe(text: str, span: Span | None) -> str:
    if span is None or span.start >= len(text):
        return "the end of the file"
    char = text[span.start]
    if char in "\r\n":
        return "a line break"
    return f"`{char}`" if char.isprintable() else f"the invisible character U+{ord(char):04X}"


def _early_close(context: RuleContext, offset: int) -> Span | None:
    """The close of a multi-line \"\"\" value right before `offset`, if there is one."""
    runs = context.parsed.runs
    # Instructions end in order: the last one ending by `offset`, found without reading all.
    index = bisect_right(range(len(runs)), offset, key=lambda i: runs.at(i).span.end)
    value = runs.at(index - 1).value if index else None
    if value is None or value.quoting is not Quoting.TRIPLE or value.close_span is None:
        return None
    lines = context.parsed.lines
    if lines.line_of(value.span.end) == lines.line_of(value.span.start):
        return None
    return value.close_span


RULE = DocumentRule("MF001", "unknown-instruction", Severity.ERROR, __doc__ or "", check)
