"""MF407 requires-too-old: REQUIRES names an Ollama older than a feature the file uses.

Why: REQUIRES tells users (and `ollama show`) the oldest Ollama the model works with, but
Ollama only stores it. An instruction or parameter newer than that version (DRAFT and
`draft_num_predict` since 0.30.0; REQUIRES itself since 0.14.0, so an older Ollama cannot
even read the line) means the file does not work on the version it promises. The versions
come from the facts files.

Example: `REQUIRES 0.14.0` with `DRAFT ./draft.gguf`
Fix: raise REQUIRES to the newest version the file needs.
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.analysis.rules.mf013_invalid_requires import is_valid_requires
from modelfile_ls.lazy_pattern import LazyPattern
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator

_CORE = LazyPattern(r"v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(-[^+]*)?")

Version = tuple[int, int, int, int]


def version_key(text: str) -> Version:
    """A sortable semantic version: `0.14` is 0.14.0, a pre-release sorts before its release."""
    match = _CORE.match(text)
    assert match is not None
    major, minor, patch, pre = match.groups()
    return (int(major), int(minor or 0), int(patch or 0), 0 if pre else 1)


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the REQUIRES that is sent when something the file uses is newer."""
    requires = context.last("REQUIRES")
    if requires is None or requires.value is None or not is_valid_requires(requires.value.text):
        return
    needs: list[tuple[Version, str, str, Span]] = []
    for keyword, instruction_fact in context.facts.instructions.items():
        user = context.first(keyword) if instruction_fact.added else None
        if instruction_fact.added and user is not None:
            added = instruction_fact.added
            needs.append((version_key(added), added, keyword, user.keyword_span))
    for parameter in context.parameters():
        fact = context.facts.parameter(parameter.name or "")
        if fact is not None and fact.added:
            span = parameter.name_span or parameter.keyword_span
            needs.append((version_key(fact.added), fact.added, f"`{fact.name}`", span))
    if not needs:
        return
    key, newest, what, where = max(needs, key=lambda need: need[0])
    value = requires.value
    if version_key(value.text) >= key:
        return
    yield rule.finding(
        value.content_span,
        f"REQUIRES {value.text} is older than Ollama {newest}, which introduced {what}",
        related=[Related(where, f"{what} needs Ollama {newest} or later")],
        fixes=[change_to(value.content_span, newest)],
    )


RULE = DocumentRule("MF407", "requires-too-old", Severity.WARNING, __doc__ or "", check)
