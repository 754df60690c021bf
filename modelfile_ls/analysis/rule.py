"""The shape of a rule and the context it checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity
from modelfile_ls.analysis.references import Reference, resolve_references
from modelfile_ls.facts import LanguageFacts
from modelfile_ls.syntax.model import Instruction, ParsedModelfile, Span


class ModelCatalog(Protocol):
    """What rules may ask the registry about models; None answers mean "unknown"."""

    def model_exists(self, name: str) -> bool | None:
        """Whether a model reference (`name[:tag]`) is known locally or in the library."""
        ...


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read. Rules never touch the file system except through here."""

    parsed: ParsedModelfile
    facts: LanguageFacts
    base_dir: Path | None = None
    """Directory of the Modelfile for resolving paths; None for unsaved documents."""
    catalog: ModelCatalog | None = None

    @cached_property
    def valid_instructions(self) -> list[Instruction]:
        """Instructions that parsed cleanly, in order."""
        return [i for i in self.parsed.instructions if not i.has_error]

    @cached_property
    def extent(self) -> Span:
        """From the start of the first clean instruction to the end of the last: where a
        whole-text pre-check needs to look (the analysis of an edit sees only a few)."""
        valid = self.valid_instructions
        return Span(valid[0].span.start, valid[-1].span.end) if valid else Span(0, 0)

    @cached_property
    def references(self) -> list[Reference]:
        """FROM, ADAPTER and DRAFT values resolved against the base directory (once)."""
        referring = [*self.instructions("FROM"), *self.instructions("ADAPTER")]
        referring += self.instructions("DRAFT")
        referring.sort(key=lambda instruction: instruction.span.start)
        return resolve_references(referring, self.base_dir)

    @cached_property
    def _by_keyword(self) -> dict[str, list[Instruction]]:
        index: dict[str, list[Instruction]] = {}
        for instruction in self.valid_instructions:
            # Only a PARAMETER can act as another instruction; skipping the property call for
            # the rest matters on every keystroke in a document of a thousand messages.
            keyword = instruction.keyword
            if keyword == "PARAMETER":
                keyword = instruction.effective_keyword
            index.setdefault(keyword, []).append(instruction)
        return index

    def instructions(self, keyword: str) -> list[Instruction]:
        """Clean instructions that act as `keyword` (a `PARAMETER system` acts as SYSTEM)."""
        return self._by_keyword.get(keyword, [])

    def parameters(self) -> list[Instruction]:
        """Clean PARAMETER instructions that really set a parameter (no name collision)."""
        return self.instructions("PARAMETER")


CheckFunction = Callable[["RuleContext", "Rule"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: a stable code, a default severity, documentation and a check."""

    code: str
    name: str
    severity: Severity
    doc: str
    check: CheckFunction
    fix_all: bool = False
    """The rule's fix is mechanical (it cannot guess wrong), so "fix all" may apply it."""
    per_instruction: bool = False
    """Each finding lies inside one instruction and depends only on that instruction, the text
    of its lines (from the line break before them through the one after them), the document's
    line-break style and the facts, so after an edit only the instructions it touched are
    checked again (`analysis.incremental`)."""

    @property
    def summary(self) -> str:
        """The first line of the rule's documentation."""
        return self.doc.strip().splitlines()[0]

    def finding(
        self,
        span: Span,
        message: str,
        *,
        fixes: Iterable[Fix] = (),
        related: Iterable[Related] = (),
        ollama_message: str | None = None,
        tags: Iterable[str] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule at its default severity."""
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            span=span,
            fixes=tuple(fixes),
            related=tuple(related),
            ollama_message=ollama_message,
            tags=frozenset(tags),
        )

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Run the check."""
        yield from self.check(context, self)
