"""MF013 invalid-requires: REQUIRES is not a semantic version.

Why: the CLI prefixes `v` when missing and validates with Go's `semver.IsValid`, failing with
`requires must be a valid semver (e.g. 0.14.0)`. Accepted: `0.14.0`, `v0.14.0`, `0.14`, `1`,
`0.14.0-rc1`, `1.2.3+meta`; rejected: ranges (`>=0.14.0`), `latest`, four parts.

Example: `REQUIRES >= 0.1.24`
Fix: `REQUIRES 0.1.24`
"""

from __future__ import annotations

from modelfile_ls.analysis.edits import change_to
from modelfile_ls.analysis.finding import Finding, Severity
from modelfile_ls.analysis.rule import InstructionRule, InstructionScope
from modelfile_ls.lazy_pattern import LazyPattern
from modelfile_ls.static_types import TYPE_CHECKING
from modelfile_ls.syntax.model import Instruction

if TYPE_CHECKING:
    from collections.abc import Iterator

_NUM = r"(?:0|[1-9][0-9]*)"
_IDENT = r"(?:[0-9A-Za-z-]+)"
_SEMVER = LazyPattern(
    rf"v{_NUM}(?:\.{_NUM}(?:\.{_NUM}(?:-{_IDENT}(?:\.{_IDENT})*)?(?:\+{_IDENT}(?:\.{_IDENT})*)?)?)?"
)
_PRERELEASE_NUMERIC = LazyPattern(r"(?:^|\.)0[0-9]+(?:\.|$)")
_VERSION_INSIDE = LazyPattern(r"v?[0-9]+(?:\.[0-9]+){0,2}")


def is_valid_requires(value: str) -> bool:
    """Go `semver.IsValid` after the CLI's `v` prefixing."""
    candidate = value if value.startswith("v") else "v" + value
    if not _SEMVER.fullmatch(candidate):
        return False
    prerelease = candidate.partition("-")[2].partition("+")[0] if "-" in candidate else ""
    return not _PRERELEASE_NUMERIC.search(prerelease)


def check(
    instruction: Instruction, scope: InstructionScope, rule: InstructionRule
) -> Iterator[Finding]:
    """Report a REQUIRES value the CLI rejects, with the version it contains as a fix.

    Every REQUIRES counts, not only the last one that wins: the CLI validates each as it
    meets it while building the request."""
    value = instruction.value
    if value is None or is_valid_requires(value.text):
        return
    found = _VERSION_INSIDE.search(value.text)
    fixes = []
    if found and is_valid_requires(found.group()):
        fixes.append(change_to(value.content_span, found.group()))
    shown = value.text or "an empty value"
    yield rule.finding(
        value.content_span if value.text else instruction.keyword_span,
        f"REQUIRES takes a version like `0.14.0`, not {shown}",
        fixes=fixes,
        ollama_message="requires must be a valid semver (e.g. 0.14.0)",
    )


RULE = InstructionRule(
    "MF013", "invalid-requires", Severity.ERROR, __doc__ or "", check, keywords=("REQUIRES",)
)
