"""Code actions: the fixes findings carry, suppression comments, fix-all where it is safe, and
"Pull this model" on a FROM model that is not installed.

Every edit comes from the finding's own fixes (the rules know the exact repair) except the
suppression comment, which follows `analysis.suppressions`: `# modelfile-ls: ignore[CODE]`
on its own line covers the next instruction. The pull is a command, not an edit: its
arguments are the one named-field object the command takes (`vocabulary.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from modelfile_ls.analysis.edits import line_indent, newline_of
from modelfile_ls.analysis.engine import INTERNAL_ERROR
from modelfile_ls.analysis.finding import Finding, TextEdit
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.analysis.suppression_comment import (
    directive_codes,
    directive_comment,
    parse_directive,
)
from modelfile_ls.syntax.cursor import instruction_at
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span
from modelfile_ls.vocabulary import FIX_ALL, PULL, QUICK_FIX

SAFE_TO_FIX_ALL = frozenset(rule.code for rule in ALL_RULES if rule.fix_all)
"""Codes whose rules declare their fix mechanical (a case correction, an exact instruction,
dropping what Ollama drops anyway); did-you-mean fixes stay one at a time."""
NOT_INSTALLED = "MF209"
"""The finding on a FROM model Ollama does not have: "Pull this model" is offered on it."""


@dataclass(frozen=True, slots=True)
class CodeActionResult:
    """One action: edits to apply, or a command to run, and the findings it resolves (for the
    client's diagnostics)."""

    title: str
    kind: str
    edits: tuple[TextEdit, ...]
    findings: tuple[Finding, ...] = ()
    is_preferred: bool = False
    command: str | None = None
    arguments: Mapping[str, str] = field(default_factory=dict)


def code_actions(
    parsed: ParsedModelfile,
    span: Span,
    findings: Sequence[Finding],
    *,
    only: Sequence[str] | None = None,
) -> list[CodeActionResult]:
    """Actions for the findings touching `span`, then fix-alls; `only` filters by kind prefix."""
    here = [f for f in findings if f.span.start <= span.end and span.start <= f.span.end]
    actions: list[CodeActionResult] = []
    for finding in here:
        for index, fix in enumerate(finding.fixes):
            preferred = index == 0 and len(finding.fixes) == 1
            actions.append(CodeActionResult(fix.title, QUICK_FIX, fix.edits, (finding,), preferred))
        if finding.code == NOT_INSTALLED:
            actions.append(_pull(parsed, finding))
    for code in dict.fromkeys(f.code for f in here if f.code in SAFE_TO_FIX_ALL and f.fixes):
        same = [f for f in findings if f.code == code]
        if len(same) > 1:
            merged, fixed = _merge(same)
            if len(fixed) > 1:
                title = f"Fix all {code} problems in the file"
                actions.append(CodeActionResult(title, QUICK_FIX, merged, fixed))
    ignored: set[tuple[str, int]] = set()
    for finding in here:
        instruction = instruction_at(parsed, finding.span.start)
        if finding.code == INTERNAL_ERROR or instruction is None:
            continue
        key = (finding.code, instruction.span.start)
        ignore = _suppress(parsed, finding, instruction) if key not in ignored else None
        if ignore is not None:
            ignored.add(key)
            actions.append(ignore)
    merged, fixed = _merge(f for f in findings if f.code in SAFE_TO_FIX_ALL)
    if fixed:
        actions.append(CodeActionResult("Fix all safely fixable problems", FIX_ALL, merged, fixed))
    if only is not None:
        actions = [a for a in actions if any(kind_matches(a.kind, k) for k in only)]
    return actions


def _pull(parsed: ParsedModelfile, finding: Finding) -> CodeActionResult:
    """Pull the model the finding is about (its span is the FROM value)."""
    model = parsed.text[finding.span.start : finding.span.end]
    return CodeActionResult(
        "Pull this model", QUICK_FIX, (), (finding,), command=PULL, arguments={"model": model}
    )


def kind_matches(kind: str, wanted: str) -> bool:
    """Whether an action kind is the kind a client asked for, or one below it."""
    return kind == wanted or kind.startswith(wanted + ".")


def _merge(findings: Iterable[Finding]) -> tuple[tuple[TextEdit, ...], tuple[Finding, ...]]:
    """The single fixes of these findings that combine without conflict, as one edit list."""
    taken: list[TextEdit] = []
    fixed: list[Finding] = []
    for finding in findings:
        if len(finding.fixes) != 1:
            continue
        combined = _combine(taken, finding.fixes[0].edits)
        if combined is not None:
            taken = combined
            fixed.append(finding)
    taken.sort(key=lambda e: (e.span.start, e.span.end))
    return tuple(taken), tuple(fixed)


def _combine(taken: list[TextEdit], edits: Iterable[TextEdit]) -> list[TextEdit] | None:
    """`taken` plus `edits`, or None on a conflict. Overlapping deletions are joined into one
    (removing two adjacent last lines: each deletion also takes the line break between them)."""
    result = list(taken)
    for edit in edits:
        clashes = [other for other in result if _overlaps(edit, other)]
        if clashes and (edit.new_text or any(other.new_text for other in clashes)):
            return None
        if clashes:
            start = min(edit.span.start, *(other.span.start for other in clashes))
            end = max(edit.span.end, *(other.span.end for other in clashes))
            result = [other for other in result if other not in clashes]
            edit = TextEdit(Span(start, end), "")
        result.append(edit)
    return result


def _overlaps(first: TextEdit, second: TextEdit) -> bool:
    """Edits conflict when their spans overlap or both insert at the same place."""
    a, b = first.span, second.span
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def _suppress(
    parsed: ParsedModelfile, finding: Finding, instruction: Instruction
) -> CodeActionResult | None:
    """`# modelfile-ls: ignore[CODE]` above the instruction, or CODE added to the comment
    already there."""
    lines = parsed.lines
    line = lines.line_of(instruction.span.start)
    title = f"Ignore {finding.code} for this instruction"
    if line > 0:
        above = lines.line_text(line - 1)
        body = above.lstrip(" \t")
        directive = parse_directive(body[1:]) if body.startswith("#") else None
        if directive is not None:
            if finding.code in directive.codes:
                return None
            start = lines.line_start(line - 1) + len(above) - len(body) + 1
            codes = Span(start + directive.codes_start, start + directive.codes_end)
            edit = TextEdit(codes, directive_codes([*directive.codes, finding.code]))
            return CodeActionResult(title, QUICK_FIX, (edit,), (finding,))
    indent = line_indent(parsed, instruction.span.start)
    start = lines.line_start(line)
    comment = f"{indent}{directive_comment([finding.code])}{newline_of(parsed)}"
    return CodeActionResult(title, QUICK_FIX, (TextEdit(Span(start, start), comment),), (finding,))
