"""`analyze()`: run every enabled rule over a parsed document; the CLI and the server share it."""

from __future__ import annotations

from _operator import attrgetter

from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import (
    InstructionRule,
    InstructionWindow,
    ModelCatalog,
    Rule,
    RuleContext,
)
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.analysis.suppressions import apply_suppressions
from modelfile_ls.facts import language_facts
from modelfile_ls.settings import Settings
from modelfile_ls.static_types import TYPE_CHECKING, TypeVar
from modelfile_ls.syntax.model import ParsedModelfile, Span

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

INTERNAL_ERROR = "MF901"
_CODE = attrgetter("code")
_SPAN = attrgetter("span")
RuleT = TypeVar("RuleT", bound=Rule)


def analyze(
    parsed: ParsedModelfile,
    settings: Settings | None = None,
    registry: ModelCatalog | None = None,
    base_dir: str | None = None,
    rules: tuple[Rule, ...] = ALL_RULES,
) -> list[Finding]:
    """Findings for one document, sorted by position, after suppressions and configuration."""
    if settings is None:
        settings = Settings()
    context = RuleContext(parsed, language_facts(), base_dir, registry)
    return finish(run_rules(rules, context, settings), parsed)


def run_rules(rules: Iterable[Rule], context: RuleContext, settings: Settings) -> list[Finding]:
    """The findings of the enabled rules at their configured severities; a rule that crashes
    gives one MF901 finding instead of stopping the others."""
    return _collect(rules, settings, lambda rule: rule.run(context))


def run_on_window(
    rules: Iterable[InstructionRule], window: InstructionWindow, settings: Settings
) -> list[Finding]:
    """`run_rules` for rules over one instruction, on the instructions of `window` only."""
    return _collect(rules, settings, lambda rule: rule.run_window(window))


def _collect(
    rules: Iterable[RuleT], settings: Settings, produce: Callable[[RuleT], Iterable[Finding]]
) -> list[Finding]:
    findings: list[Finding] = []
    # The configuration's verdict per (code, default severity), asked once: a document can
    # carry hundreds of findings of one code, and the editor analyses it on every keystroke.
    verdicts: dict[tuple[str, Severity], Severity | None] = {}
    # Without a selection, an ignore list or severities, every finding stays as it is.
    as_found = settings.select is None and not settings.ignore and not settings.severity
    for rule in rules:
        if not settings.enabled(rule.code):
            continue
        try:
            produced = list(produce(rule))
        except Exception:
            findings.append(_crash_finding(rule))
            continue
        if as_found:
            findings += produced
            continue
        for finding in produced:
            asked = (finding.code, finding.severity)
            if asked in verdicts:
                severity = verdicts[asked]
            else:
                severity = verdicts[asked] = (
                    settings.severity_of(*asked) if settings.enabled(finding.code) else None
                )
            if severity is None:
                continue
            if severity is not finding.severity:
                finding = finding._replace(severity=severity)
            findings.append(finding)
    return findings


def finish(findings: list[Finding], parsed: ParsedModelfile) -> list[Finding]:
    """Apply suppression comments and sort by position: the last step of every analysis."""
    findings = apply_suppressions(findings, parsed)
    # By code, then stably by span: the order of (start, end, code), in two sorts whose keys
    # are read in C and compared without a tuple around them, and the first is nearly free
    # (the rules run in code order). A 10 MB few-shot file has a hundred thousand findings.
    findings.sort(key=_CODE)
    findings.sort(key=_SPAN)
    return findings


def _crash_finding(rule: Rule) -> Finding:
    # Lazy: only a crashed rule needs it, and it adds 3% to the `--check` imports
    # (bench/lazy_imports.py).
    import traceback

    last = traceback.format_exc().strip().splitlines()[-1]
    return Finding(
        code=INTERNAL_ERROR,
        severity=Severity.ERROR,
        message=f"internal error in rule {rule.code} ({rule.name}): {last}; please report this",
        span=Span(0, 0),
    )
