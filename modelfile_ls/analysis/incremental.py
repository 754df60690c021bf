"""The analysis of a document version that reuses what it can from the version before.

An editor analyses the document on every keystroke, and most rules look at one instruction
at a time (`InstructionRule`: its check gets one instruction and nothing else it could
read stale). Their findings are kept per instruction, so after an edit
only the instructions the incremental parse scanned again, and the one on each side of them
(their lines may share the edited text), are checked again; the findings of every other
instruction are reused, moved by the edit's length when they lie after it. Rules that relate
instructions to each other (duplicates, a missing FROM) or read the file system run over the
whole document every time, except those that say which keywords they read
(`DocumentRule.reads`: MF108 over the PARAMETERs of a few-shot file, ~300 findings): when the
edit touched no instruction of those keywords, their findings are the previous ones, moved.
Property tests check the result equals a full `analyze()`.
"""

from __future__ import annotations

from _bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.analysis.edits import newline_of
from modelfile_ls.analysis.engine import INTERNAL_ERROR, finish, run_on_window, run_rules
from modelfile_ls.analysis.finding import Finding, Fix, Related, TextEdit
from modelfile_ls.analysis.rule import (
    DocumentRule,
    InstructionRule,
    InstructionWindow,
    ModelCatalog,
    Rule,
    RuleContext,
)
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.facts import language_facts
from modelfile_ls.settings import Settings
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Reuse, Span

PerInstruction = tuple[tuple[Finding, ...], ...]
_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class Analysis:
    """The findings of one parse under one configuration, kept for the next version."""

    parsed: ParsedModelfile
    settings: Settings
    catalog: ModelCatalog | None
    base_dir: str | None
    per_instruction: PerInstruction | None
    """Findings of the per-instruction rules, one tuple per instruction; None when they cannot
    be reused (a rule crashed, so its MF901 finding belongs to no instruction)."""
    findings: list[Finding]
    """All findings, after configuration and suppressions, sorted by position."""
    answers: RememberedCatalog | None = None
    """The catalog's answers so far, shared with the next version's analysis."""
    by_rule: dict[str, list[Finding]] | None = None
    """Findings of the document rules that say what they read (`DocumentRule.reads`), by
    code, for the next version to reuse when its edit touched none of it."""


class RememberedCatalog:
    """The registry's answers about models, asked once for all the versions of a document
    analysed under one configuration generation (the server starts a new generation, and so
    a new analysis chain, when the registry changes): the FROM model is looked up on every
    keystroke otherwise."""

    def __init__(self, catalog: ModelCatalog) -> None:
        self.catalog = catalog
        self._exists: dict[str, bool | None] = {}
        self._facts: dict[str, ModelFacts | None] = {}

    def model_exists(self, name: str) -> bool | None:
        """`ModelCatalog.model_exists`, remembered."""
        if name not in self._exists:
            self._exists[name] = self.catalog.model_exists(name)
        return self._exists[name]

    def model_facts(self, name: str) -> ModelFacts | None:
        """`ModelCatalog.model_facts`, remembered."""
        if name not in self._facts:
            self._facts[name] = self.catalog.model_facts(name)
        return self._facts[name]


def analysis_of(
    parsed: ParsedModelfile,
    settings: Settings,
    catalog: ModelCatalog | None = None,
    base_dir: str | None = None,
    previous: Analysis | None = None,
    rules: tuple[Rule, ...] = ALL_RULES,
) -> Analysis:
    """Analyse `parsed`, reusing `previous` (the analysis of the parse it was derived from,
    under the same configuration) for the instructions an edit left alone."""
    answers = None
    if catalog is not None:
        shared = previous is not None and previous.catalog is catalog and previous.answers
        answers = shared or RememberedCatalog(catalog)
    context = RuleContext(parsed, language_facts(), base_dir, answers)
    document_rules = [r for r in rules if not isinstance(r, InstructionRule)]
    instruction_rules = [r for r in rules if isinstance(r, InstructionRule)]
    scoped = [r for r in document_rules if isinstance(r, DocumentRule) and r.reads is not None]
    findings = run_rules([r for r in document_rules if r not in scoped], context, settings)
    reusable = previous is not None and _reusable(previous, parsed, settings, catalog, base_dir)
    by_rule = _scoped_findings(scoped, context, settings, previous if reusable else None)
    findings.extend(chain.from_iterable(by_rule.values()))
    per_instruction = None
    if previous is not None and reusable:
        per_instruction = _updated(previous, parsed, instruction_rules, context, settings)
    if per_instruction is None:
        found = run_rules(instruction_rules, context, settings)
        per_instruction = _by_instruction(parsed.instructions, found)
        if per_instruction is None:
            findings.extend(found)
    if per_instruction is not None:
        findings.extend(chain.from_iterable(per_instruction))
    findings = finish(findings, parsed)
    return Analysis(
        parsed, settings, catalog, base_dir, per_instruction, findings, answers, by_rule
    )


def _scoped_findings(
    rules: Sequence[DocumentRule],
    context: RuleContext,
    settings: Settings,
    previous: Analysis | None,
) -> dict[str, list[Finding]]:
    """The findings of each document rule that says what it reads: the previous version's,
    moved, when the edit touched none of its keywords; its own run otherwise."""
    result: dict[str, list[Finding]] = {}
    touched: set[str] | None = None
    for rule in rules:
        reused = None
        if previous is not None and previous.by_rule is not None and rule.code in previous.by_rule:
            if touched is None:
                touched = _touched_keywords(previous.parsed, context.parsed)
            assert rule.reads is not None and context.parsed.reuse is not None
            if touched.isdisjoint(rule.reads):
                reused = _moved_findings(previous.by_rule[rule.code], context.parsed.reuse)
        if reused is None:
            reused = run_rules([rule], context, settings)
        crashed = any(finding.code == INTERNAL_ERROR for finding in reused)
        # Kept under another key, so that a crash is reported but never reused.
        result[f"{rule.code} crashed" if crashed else rule.code] = reused
    return result


def _touched_keywords(old: ParsedModelfile, new: ParsedModelfile) -> set[str]:
    """The keywords, as written and as acted, of the instructions the edit replaced or added."""
    assert new.reuse is not None
    kept, removed, added = new.reuse[:3]
    touched = set()
    for parsed, count in ((old, removed), (new, added)):
        for index in range(kept, kept + count):
            instruction = parsed.runs.at(index)
            touched.add(instruction.keyword)
            touched.add(instruction.effective_keyword)
    return touched


def _moved_findings(findings: list[Finding], reuse: Reuse) -> list[Finding] | None:
    """`findings` with every span moved to the new text; None when one covers or touches the
    edited text. A span that ends before the edit's first character, or starts after its last,
    covers the same text, and lines the same way: the characters around its ends are
    unchanged too (a CR just before the edit could join an LF typed after it)."""
    delta, first, last = reuse.delta, reuse.start, reuse.end
    related: dict[int, tuple[Related, ...]] = {}
    result = []
    try:
        for code, severity, message, span, fixes, places, ollama, tags in findings:
            if fixes:
                moved_fixes = []
                for title, edits in fixes:
                    moved_edits = []
                    for edit_span, new_text in edits:
                        moved_edits.append(
                            _new(TextEdit, (_moved(edit_span, delta, first, last), new_text))
                        )
                    moved_fixes.append(_new(Fix, (title, tuple(moved_edits))))
                fixes = tuple(moved_fixes)
            # MF108 shares one related location among the lines of a parameter: so do these.
            shared = related.get(id(places))
            if shared is None:
                shared = related[id(places)] = tuple(
                    [_new(Related, (_moved(r.span, delta, first, last), r.message)) for r in places]
                )
            span = _moved(span, delta, first, last)
            result.append(
                _new(Finding, (code, severity, message, span, fixes, shared, ollama, tags))
            )
    except _InEdit:
        return None
    return result


class _InEdit(Exception):
    """A span covers or touches the edited text."""


def _moved(span: Span, delta: int, first: int, last: int) -> Span:
    """`span` in the new text (`_moved_findings`)."""
    start, end = span
    if end < first:
        return span
    if start > last:
        return _new(Span, (start + delta, end + delta))
    raise _InEdit


def _reusable(
    previous: Analysis,
    parsed: ParsedModelfile,
    settings: Settings,
    catalog: ModelCatalog | None,
    base_dir: str | None,
) -> bool:
    """Whether `previous` describes the parse `parsed` was derived from, checked the same way.

    The line-break style is the one document-wide fact a per-instruction rule reads (a fix
    that adds a line writes the document's own line break).
    """
    return (
        parsed.reuse is not None
        and previous.per_instruction is not None
        and previous.settings == settings
        and previous.catalog is catalog
        and previous.base_dir == base_dir
        and newline_of(previous.parsed) == newline_of(parsed)
    )


def _updated(
    previous: Analysis,
    parsed: ParsedModelfile,
    rules: Sequence[InstructionRule],
    context: RuleContext,
    settings: Settings,
) -> PerInstruction | None:
    """The previous per-instruction findings with the edited instructions checked again."""
    assert parsed.reuse is not None and previous.per_instruction is not None
    kept, removed, added, delta, _start, _end = parsed.reuse
    old = previous.per_instruction
    # The neighbours of the edited run share lines with the edited text: check them again.
    first = max(kept - 1, 0)
    stop = min(kept + added + 1, len(parsed.runs))
    window = [parsed.runs.at(index) for index in range(first, stop)]
    clean = [instruction for instruction in window if not instruction.has_error]
    found = run_on_window(rules, InstructionWindow(clean, context.scope), settings)
    checked = _by_instruction(window, found)
    if checked is None:
        return None
    right_neighbour = stop - (kept + added)  # 1 when there is one, 0 at the end
    after = old[kept + removed + right_neighbour :]
    moved = tuple(group if not group else tuple(f.moved(delta) for f in group) for group in after)
    return (*old[:first], *checked, *moved)


def _by_instruction(
    instructions: Sequence[Instruction], findings: list[Finding]
) -> PerInstruction | None:
    """Findings grouped by the instruction each ends in (a per-instruction rule's finding
    lies on its instruction's lines and ends inside it); None if a rule crashed."""
    groups: list[list[Finding]] = [[] for _ in instructions]
    if findings:
        ends = [i.span.end for i in instructions]
        for finding in findings:
            index = bisect_left(ends, finding.span.end)
            if index == len(instructions) or finding.code == INTERNAL_ERROR:
                return None
            groups[index].append(finding)
    return tuple(tuple(group) for group in groups)
