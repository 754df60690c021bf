"""The shape of a rule and what it may read.

Two kinds of rule, told apart by their check's signature (as hadolint's rule combinators do):
- an `InstructionRule` checks one instruction at a time and gets only that instruction and an
  `InstructionScope` (the text, the line index, the line-break style, the facts). After an
  edit only the instructions it touched are checked again (`analysis.incremental`), so what
  such a rule cannot see cannot go stale;
- a `DocumentRule` relates instructions to each other or reads the file system or the
  registry, gets the whole `RuleContext`, and runs over the whole document every time.
"""

from __future__ import annotations

from _operator import attrgetter, is_not, itemgetter, not_
from abc import ABC, abstractmethod
from itertools import chain, compress, repeat

from modelfile_ls.analysis.catalog import ModelCatalog as ModelCatalog  # re-exported
from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.analysis.edits import newline_of
from modelfile_ls.analysis.finding import Finding, Fix, Related, Severity
from modelfile_ls.analysis.references import Reference, resolve_references
from modelfile_ls.facts import LanguageFacts
from modelfile_ls.light_stdlib import cached_property
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.syntax.model import (
    Instruction,
    ParsedModelfile,
    ProblemKind,
    Span,
    SyntaxProblem,
    Value,
)
from modelfile_ls.syntax.positions import LineIndex
from modelfile_ls.syntax.runs import index_by_keyword

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
    from typing import TypeAlias

    from modelfile_ls.analysis.model_files import ModelFiles

_HAS_ERROR = itemgetter(Instruction._fields.index("has_error"))

VerdictKey: TypeAlias = "Callable[[Instruction], Hashable]"


class InstructionScope(NamedTuple):
    """What a rule over one instruction may read besides the instruction itself.

    `text` is the whole document, but a finding may depend only on the instruction's own
    lines (from the line break before them through the one after them): those are what an
    edit re-checks. Other instructions, comments, syntax problems, paths and the registry are
    deliberately absent.
    """

    text: str
    lines: LineIndex
    newline: str
    """The document's line break (a fix that adds a line writes the document's own)."""
    facts: LanguageFacts


class Keyed(NamedTuple):
    """Instructions with their verdict keys (`InstructionRule.verdict_key`)."""

    instructions: list[Instruction]
    keys: list[Hashable]
    one_of_each: dict[Hashable, Instruction]


class InstructionWindow:
    """Clean instructions to check one at a time (a whole document, or the few an edit
    touched), with the scope they are checked in."""

    def __init__(
        self,
        instructions: Sequence[Instruction],
        scope: InstructionScope,
        index: Callable[[str], list[Instruction]] | None = None,
    ) -> None:
        self.instructions = instructions
        self.scope = scope
        self.index = index
        """Finds the instructions acting as a keyword when they are the whole document's:
        its parse already indexes them (`syntax.runs`), so they are not indexed again."""
        self._keyed: dict[tuple[tuple[str, ...], VerdictKey], Keyed] = {}

    def keyed(self, keywords: tuple[str, ...], key: VerdictKey) -> Keyed:
        """The instructions acting as `keywords`, their keys, and one instruction of each key
        (the last), made once for all the rules that share the key (the parameter rules)."""
        found = self._keyed.get((keywords, key))
        if found is None:
            instructions = list(self.acting_as(keywords))
            keys = list(map(key, instructions))
            # `dict` keeps the last value of a repeated key.
            one_of_each = dict(zip(keys, instructions, strict=True))
            found = self._keyed[keywords, key] = Keyed(instructions, keys, one_of_each)
        return found

    @cached_property
    def extent(self) -> Span:
        """From the start of the first instruction to the end of the last: where a rule's
        text probe (`InstructionRule.probe`) looks."""
        if not self.instructions:
            return Span(0, 0)
        return Span(self.instructions[0].span.start, self.instructions[-1].span.end)

    @cached_property
    def by_keyword(self) -> dict[str, list[Instruction]]:
        """The instructions by the keyword they act as (a `PARAMETER system` acts as SYSTEM)."""
        instructions = self.instructions
        return {
            keyword: list(map(instructions.__getitem__, positions))
            for keyword, positions in index_by_keyword(instructions).items()
        }

    def acting_as(self, keywords: tuple[str, ...]) -> Iterable[Instruction]:
        """The instructions acting as one of `keywords`; every one for an empty tuple."""
        if not keywords:
            return self.instructions
        if self.index is not None:
            index = self.index
            if len(keywords) == 1:
                return index(keywords[0])
            return chain.from_iterable(index(k) for k in keywords)
        if len(keywords) == 1:
            return self.by_keyword.get(keywords[0], ())
        return chain.from_iterable(self.by_keyword.get(k, ()) for k in keywords)


class SentTemplate(NamedTuple):
    """The template a created model uses: the file's own, or the FROM model's."""

    text: str
    instruction: Instruction | None
    """The TEMPLATE it comes from; None for the FROM model's own template."""
    offset: int = 0
    """Where `text` starts in the document (for the file's own TEMPLATE)."""


class RuleContext:
    """Everything a document rule may read. Rules never touch the file system except
    through here."""

    def __init__(
        self,
        parsed: ParsedModelfile,
        facts: LanguageFacts,
        base_dir: str | None = None,
        catalog: ModelCatalog | None = None,
    ) -> None:
        self.parsed = parsed
        self.facts = facts
        self.base_dir = base_dir
        """Directory of the Modelfile for resolving paths; None for unsaved documents."""
        self.catalog = catalog
        self._model_files: dict[str, ModelFiles] = {}

    def model_files(self, directory: str) -> ModelFiles:
        """The CLI's file selection for a FROM, ADAPTER or DRAFT directory, read once per
        check: MF205, MF211 and MF212 (and a create) all ask, on every keystroke."""
        if directory not in self._model_files:
            # Lazy: only a reference to a directory selects files (model_files.py says why).
            from modelfile_ls.analysis.model_files import model_files

            self._model_files[directory] = model_files(directory)
        return self._model_files[directory]

    @cached_property
    def valid_instructions(self) -> list[Instruction]:
        """Instructions that parsed cleanly, in order."""
        instructions = self.parsed.instructions
        if not self.parsed.problems:
            # The lexer records a problem for every instruction it marks as failed, and a
            # 10 MB file's instructions are read from cold memory by every pass over them.
            return list(instructions)
        # Selected in C: a 10 MB file has hundreds of thousands of instructions.
        return list(compress(instructions, map(not_, map(_HAS_ERROR, instructions))))

    @cached_property
    def scope(self) -> InstructionScope:
        """What a rule over one instruction may read besides the instruction."""
        return InstructionScope(
            self.parsed.text, self.parsed.lines, newline_of(self.parsed), self.facts
        )

    @cached_property
    def window(self) -> InstructionWindow:
        """Every clean instruction, for the rules that check one at a time."""
        return InstructionWindow(self.valid_instructions, self.scope, self.parsed.runs.acting_as)

    @cached_property
    def references(self) -> list[Reference]:
        """FROM, ADAPTER and DRAFT values resolved against the base directory (once)."""
        referring = [*self.instructions("FROM"), *self.instructions("ADAPTER")]
        referring += self.instructions("DRAFT")
        referring.sort(key=lambda instruction: instruction.span.start)
        return resolve_references(referring, self.base_dir)

    @cached_property
    def model_reference(self) -> Reference | None:
        """The FROM the CLI sends as `from`: the last one that is not an existing local path
        (the server then ignores local FROM files). None when every FROM is a local file."""
        names = [r for r in self.references if r.keyword == "FROM" and r.name is not None]
        return names[-1] if names else None

    @cached_property
    def base_model(self) -> ModelFacts | None:
        """What the registry knows about the FROM model; None without a registry, without a
        valid model name, or when it knows nothing (registry-dependent rules stay silent)."""
        reference = self.model_reference
        if self.catalog is None or reference is None or reference.name is None:
            return None
        if not reference.name.is_valid or reference.name.is_remote:
            return None
        return self.catalog.model_facts(reference.text)

    @cached_property
    def file_template(self) -> SentTemplate | None:
        """The TEMPLATE the file sends: the last one, when it is not empty (an empty one is
        not sent, and it still replaced the ones before it)."""
        last = self.last("TEMPLATE")
        if last is not None and last.value is not None and last.value.text:
            span = last.value.content_span
            return SentTemplate(self.parsed.text[span.start : span.end], last, span.start)
        return None

    @property
    def file_template_value(self) -> Value | None:
        """The value of the TEMPLATE the file sends, as Ollama's parser decoded it (what
        Ollama parses as a Go template), or None."""
        template = self.file_template
        if template is None or template.instruction is None:
            return None
        return template.instruction.value

    @cached_property
    def sent_template(self) -> SentTemplate | None:
        """The template the created model uses: the file's own, else the FROM model's own
        when the registry has it; None when unknown."""
        if self.file_template is not None:
            return self.file_template
        model = self.base_model
        if model is not None and model.template:
            return SentTemplate(model.template, None)
        return None

    def problems(self, *kinds: ProblemKind) -> Iterator[SyntaxProblem]:
        """The parse's problems of these kinds, in file order (each syntax rule reads its own)."""
        return (problem for problem in self.parsed.problems if problem.kind in kinds)

    def instructions(self, keyword: str) -> list[Instruction]:
        """Clean instructions that act as `keyword` (a `PARAMETER system` acts as SYSTEM).

        Read from the parse's runs: after an edit, only these instructions are moved into
        place, not the whole document."""
        return self.parsed.runs.acting_as(keyword)

    def first(self, keyword: str) -> Instruction | None:
        """The first clean instruction acting as `keyword`: a cheap test for whether there is
        one (it moves no other instruction into place after an edit)."""
        return self.parsed.runs.first_acting_as(keyword)

    def last(self, keyword: str) -> Instruction | None:
        """The instruction of a last-wins keyword whose value the CLI sends."""
        found = self.instructions(keyword)
        return found[-1] if found else None

    def parameters(self) -> list[Instruction]:
        """Clean PARAMETER instructions that really set a parameter (no name collision)."""
        return self.instructions("PARAMETER")

    def parameters_named(self, name: str) -> list[Instruction]:
        """The `parameters()` that set `name`: after an edit, only these are moved into place
        (a rule after the one `num_ctx` of a few-shot file moved its hundreds of others)."""
        return self.parsed.runs.acting_as_where("PARAMETER", lambda i: i.name == name)


_VALUE = itemgetter(Instruction._fields.index("value"))
_TEXT = itemgetter(Value._fields.index("text"))


def value_texts(instructions: Iterable[Instruction]) -> Iterator[str]:
    """The value text of each instruction, read in C: for the clean instructions whose
    grammar requires a value (PARAMETER, SYSTEM, TEMPLATE; tests/syntax/test_fuzz.py), which
    a few-shot file repeats by the thousand."""
    return map(_TEXT, map(_VALUE, instructions))


_new = tuple.__new__
_NO_TAGS: frozenset[str] = frozenset()

CheckFunction: TypeAlias = "Callable[[RuleContext, DocumentRule], Iterable[Finding]]"
InstructionCheck: TypeAlias = (
    "Callable[[Instruction, InstructionScope, InstructionRule], Iterable[Finding]]"
)
TextProbe: TypeAlias = "Callable[[str, Span], bool]"

name_and_value: VerdictKey = attrgetter("name", "value.text")
"""A PARAMETER's name and value text, all the value rules read of it (in C). Only the
instructions Ollama's parser rejects lack a value, and a window holds none of those."""

parameter_name: VerdictKey = attrgetter("name")
"""A PARAMETER's name: all that decides whether a name rule (unknown, miscased, removed,
deprecated) reports it. A few-shot file sets a handful of names to hundreds of values."""


class Rule(ABC):
    """A rule: a stable code, a default severity and documentation (its module docstring,
    which starts `CODE name: summary`). Its kind (`DocumentRule`, `InstructionRule`) says
    what it may read.

    Rules, their context and their window are plain classes rather than dataclasses: the
    check path creates ~60 classes at start-up, and a frozen dataclass costs six times a
    NamedTuple and sixty times a plain class to create (bench/RESULTS.md, start-up)."""

    def __init__(
        self, code: str, name: str, severity: Severity, doc: str, *, fix_all: bool = False
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.doc = doc
        self.fix_all = fix_all
        """The rule's fix is mechanical (it cannot guess wrong), so "fix all" may apply it."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.name!r})"

    @cached_property
    def description(self) -> str:
        """The documentation, dedented, without the `CODE name:` that starts it (the one
        place that prefix is stripped: `--explain`, the rules table, SARIF and hover)."""
        # Lazy: a plain check never reads a description, and inspect adds 15% to the
        # `--check` imports (bench/lazy_imports.py).
        import inspect

        first, newline, rest = inspect.cleandoc(self.doc).partition("\n")
        for prefix in (f"{self.code} {self.name}:", f"{self.code}:"):
            if first.startswith(prefix):
                first = first[len(prefix) :].lstrip()
                first = first[:1].upper() + first[1:]
                break
        return first + newline + rest

    @property
    def summary(self) -> str:
        """The first line of the description: one sentence on what the rule reports."""
        return self.description.partition("\n")[0]

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
        """A finding of this rule at its default severity (or `severity`)."""
        # Built in C (`tuple.__new__`, the fields in their order): rules make a finding for
        # every duplicate line of a few-shot file, hundreds of thousands in a 10 MB one.
        return _new(
            Finding,
            (
                self.code,
                severity or self.severity,
                message,
                span,
                tuple(fixes),
                tuple(related),
                ollama_message,
                frozenset(tags) if tags else _NO_TAGS,
            ),
        )

    def findings_each(
        self,
        spans: Iterable[Span],
        message: str,
        fixes: Iterable[Fix],
        *,
        related: tuple[Related, ...] = (),
        tags: frozenset[str] = _NO_TAGS,
    ) -> Iterator[Finding]:
        """A finding at each of `spans` with its one fix from `fixes` (as many), all with the
        same message, related places and tags, made in C (`map`): MF301 and MF108 report
        every repeated line of a few-shot file, a hundred thousand in 10 MB."""
        return map(
            _new,
            repeat(Finding),
            zip(
                repeat(self.code),
                repeat(self.severity),
                repeat(message),
                spans,
                zip(fixes),
                repeat(related),
                repeat(None),
                repeat(tags),
            ),
        )

    @abstractmethod
    def run(self, context: RuleContext) -> Iterator[Finding]:
        """The rule's findings on a whole document."""


class DocumentRule(Rule):
    """A rule over the whole document (relations between instructions, paths, registry)."""

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        doc: str,
        check: CheckFunction,
        *,
        fix_all: bool = False,
        reads: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(code, name, severity, doc, fix_all=fix_all)
        self.check = check
        self.reads = reads
        """The keywords (as written or as acted) of the only instructions the findings depend
        on; of the rest of the text, they may read only what their own spans (fixes and
        related places included) cover. An edit that replaces or adds none of those
        instructions, and touches none of those spans, leaves the findings as they were, moved
        (`analysis.incremental`). None: the rule reads more (the file system, the registry,
        other instructions) and runs on every version."""

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Run the check over the document."""
        yield from self.check(context, self)


class InstructionRule(Rule):
    """A rule over one instruction at a time: its findings lie inside that instruction and
    depend only on it and its `InstructionScope`."""

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        doc: str,
        check: InstructionCheck,
        keywords: tuple[str, ...] = (),
        probe: TextProbe | None = None,
        *,
        fix_all: bool = False,
        verdict_key: VerdictKey | None = None,
    ) -> None:
        super().__init__(code, name, severity, doc, fix_all=fix_all)
        self.check = check
        self.keywords = keywords
        """The keywords (as acted: a `PARAMETER system` is SYSTEM) the rule checks; () = all."""
        self.probe = probe
        """A cheap test over the text of the instructions to check (`text`, their extent):
        False when none of them can give a finding, so clean documents skip the calls."""
        self.verdict_key = verdict_key
        """What of an instruction decides whether it gives any finding at all (with the scope's
        facts): once one instruction of a key gives none, the others of that key, where ever
        they are, are not checked. A few-shot file sets the same parameters to the same values
        hundreds of times; every parameter rule would check each of them again."""

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Run the check over every clean instruction of the document."""
        return self.run_window(context.window)

    def run_window(self, window: InstructionWindow) -> Iterator[Finding]:
        """Run the check over the instructions of a window, one at a time."""
        scope = window.scope
        if self.probe is not None and not self.probe(scope.text, window.extent):
            return iter(())
        instructions = window.acting_as(self.keywords)
        if self.verdict_key is not None:
            instructions = self._not_known_clean(window, scope, self.verdict_key)
        # Iterated in C (`map`, `chain`): a 10 MB file has hundreds of thousands of
        # instructions, each checked by every rule over its keyword.
        checked = map(self.check, instructions, repeat(scope), repeat(self))
        return chain.from_iterable(checked)

    def _not_known_clean(
        self, window: InstructionWindow, scope: InstructionScope, key: VerdictKey
    ) -> Iterable[Instruction]:
        """The instructions of the keys that gave a finding on one of them (dirty keys)."""
        instructions, keys, one_of_each = window.keyed(self.keywords, key)
        # Dirty: its one instruction gives a finding (the first or None, found in C).
        checks = map(self.check, one_of_each.values(), repeat(scope), repeat(self))
        firsts = map(next, map(iter, checks), repeat(None))
        dirty = set(compress(one_of_each, map(is_not, firsts, repeat(None))))
        if not dirty:
            return ()
        # Selected in C.
        return compress(instructions, map(dirty.__contains__, keys))
