"""Reusing the previous version's findings gives exactly what a full analysis gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from modelfile_ls.analysis import Finding, Fix, Related, Severity, TextEdit, analyze
from modelfile_ls.analysis.incremental import Analysis, analysis_of
from modelfile_ls.analysis.rule import (
    DocumentRule,
    InstructionRule,
    InstructionScope,
    RuleContext,
)
from modelfile_ls.analysis.rules import ALL_RULES
from modelfile_ls.facts import language_facts
from modelfile_ls.settings import Settings
from modelfile_ls.syntax import Span, parse, parse_bytes
from modelfile_ls.syntax.incremental import Edit, parse_after
from modelfile_ls.syntax.model import Instruction, ParsedModelfile
from tests.conftest import corpus_files

GOLDEN = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.Modelfile"))
TEXTS = [parse_bytes(p.read_bytes()).text for p in [*GOLDEN, *corpus_files()[::5]]] + [
    "FROM llama3 # base\nPARAMETER temprature 0.7\nPARAMETER Top_K 4\nPARAMETER top_p 1.5\n"
    'SYSTEM """a\n\u200bb"""\nPARAMETER penalize_newline true\nREQUIRES latest\n',
    "FROM x\r\nPARAMETER num_ctx 4096.0 # big\r\nTEMPLATE {{ .prompt }}\r\nPARAMETER stop a\\",
    # Few-shot blocks that set parameters again (MF108, and MF106 overridden and winning),
    # with CR, CRLF and a comment between them: the document rules reused after an edit.
    "FROM x\nPARAMETER temperature inf\r"
    + "".join(
        f"MESSAGE user q{n}\r\nMESSAGE assistant a{n}\n# c{n}\nPARAMETER temperature 0.{n}\r"
        f"PARAMETER top_k {n}\n"
        for n in range(4)
    )
    + "PARAMETER top_k nan\n",
]
PIECES = ["", "a", "7", "\n", "\r\n", " ", "\t", '"', '"""', " # c", "😀", "x\\"]
# Runes Ollama drops (an invisible one starts a broken instruction) and a bare CR.
PIECES += ["\u200b", "\ufeff", "\xa0", "\r", "\n\u200b"]
PIECES += ["PARAMETER ", "top_k ", "temprature 2 # hot\n", "MESSAGE user hi\n", "FROM a\n"]
SETTINGS = [
    Settings(),
    Settings(ignore=frozenset({"MF009"}), severity={"MF101": Severity.HINT, "MF107": None}),
]


@st.composite
def edit_sequences(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.sampled_from(TEXTS))
    edits, current = [], len(text)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, current))
        end = draw(st.integers(start, min(current, start + 30)))
        inserted = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3)))
        edits.append(Edit(start, end, inserted))
        current += len(inserted) - (end - start)
    return text, edits


@settings(max_examples=600, deadline=None)
@given(edit_sequences(), st.sampled_from(SETTINGS))
def test_reusing_findings_equals_a_full_analysis(
    case: tuple[str, list[Edit]], configuration: Settings
) -> None:
    """Against a full analysis of the same parse: that the incremental parse equals a full
    parse is the parser's property (tests/syntax/test_incremental.py), not this one's."""
    text, edits = case
    parsed = parse(text)
    analysis = analysis_of(parsed, configuration)
    assert analysis.findings == analyze(parsed, configuration)
    for edit in edits:
        text = text[: edit.start] + edit.inserted + text[edit.end :]
        parsed = parse_after(parsed, edit, text)
        analysis = analysis_of(parsed, configuration, previous=analysis)
        assert analysis.findings == analyze(parsed, configuration)


def test_per_instruction_findings_lie_on_their_instruction() -> None:
    """The contract `InstructionRule` states, on every golden and corpus file."""
    rules = [r for r in ALL_RULES if isinstance(r, InstructionRule)]
    for text in TEXTS:
        parsed = parse(text)
        context = RuleContext(parsed, language_facts())
        instructions = parsed.instructions
        for rule in rules:
            for finding in rule.run(context):
                owner = next(i for i in instructions if finding.span.end <= i.span.end)
                line_start = parsed.lines.line_start(parsed.lines.line_of(owner.span.start))
                assert line_start <= finding.span.start <= finding.span.end, (rule.code, text)


class Counting:
    """A per-instruction rule that records which instructions it was shown."""

    def __init__(self) -> None:
        self.seen: list[int] = []
        self.rule = InstructionRule("MF999", "counting", Severity.HINT, "Counts.", self.check)

    def check(
        self, instruction: Instruction, scope: InstructionScope, rule: InstructionRule
    ) -> Iterator[Finding]:
        self.seen.append(instruction.span.start)
        if instruction.keyword == "PARAMETER" and instruction.name == "top_k":
            yield rule.finding(instruction.span, "top_k")


def long_text(count: int) -> str:
    return "FROM x\n" + "".join(f"PARAMETER top_k {n}\nMESSAGE user q{n}\n" for n in range(count))


def test_an_edit_checks_only_the_instructions_it_touched_again() -> None:
    counting = Counting()
    text = long_text(50)
    parsed = parse(text)
    analysis = analysis_of(parsed, Settings(), rules=(counting.rule,))
    assert len(counting.seen) == 101 and len(analysis.findings) == 50
    counting.seen.clear()
    at = text.index("q20") + 3
    text = text[:at] + "7" + text[at:]
    parsed = parse_after(parsed, Edit(at, at, "7"), text)
    analysis = analysis_of(parsed, Settings(), previous=analysis, rules=(counting.rule,))
    assert len(counting.seen) == 3
    assert analysis.findings == analyze(parse(text), Settings(), rules=(counting.rule,))
    later = [f for f in analysis.findings if f.span.start > at]
    assert later and all(text[f.span.start : f.span.start + 15] == "PARAMETER top_k" for f in later)


def test_other_configuration_or_a_full_parse_means_a_full_analysis() -> None:
    counting = Counting()
    text = long_text(10)
    parsed = parse(text)
    first = analysis_of(parsed, Settings(), rules=(counting.rule,))
    at = text.index("q5") + 2
    new_text = text[:at] + "7" + text[at:]
    reparsed = parse_after(parsed, Edit(at, at, "7"), new_text)
    other = Settings(ignore=frozenset({"MF101"}))
    for configuration, new_parse in ((other, reparsed), (first.settings, parse(new_text))):
        counting.seen.clear()
        analysis_of(new_parse, configuration, previous=first, rules=(counting.rule,))
        assert len(counting.seen) == 21


def crashing_rule() -> InstructionRule:
    def check(
        instruction: Instruction, scope: InstructionScope, rule: InstructionRule
    ) -> Iterator[Finding]:
        if instruction.name == "boom":
            raise RuntimeError("boom")
        return iter(())

    return InstructionRule("MF998", "crashing", Severity.HINT, "Crashes.", check)


def test_a_crashing_rule_is_reported_and_nothing_stale_is_reused() -> None:
    rules = (crashing_rule(), *ALL_RULES)
    text = "FROM x\nPARAMETER boom 1\nPARAMETER temprature 1\n"
    parsed = parse(text)
    analysis: Analysis = analysis_of(parsed, Settings(), rules=rules)
    assert analysis.per_instruction is None
    assert "MF901" in {f.code for f in analysis.findings}
    at = text.index("boom")
    text = text[:at] + "x" + text[at:]
    parsed = parse_after(parsed, Edit(at, at, "x"), text)
    analysis = analysis_of(parsed, Settings(), previous=analysis, rules=rules)
    assert analysis.findings == analyze(parse(text), Settings(), rules=rules)
    assert "MF901" not in {f.code for f in analysis.findings}


def test_a_moved_finding_moves_every_span() -> None:
    finding = Finding(
        "MF009",
        Severity.WARNING,
        "m",
        Span(10, 12),
        (Fix("f", (TextEdit(Span(10, 12), ""), TextEdit(Span(2, 2), "x"))),),
        (Related(Span(4, 5), "r"),),
        "o",
        frozenset({"unnecessary"}),
    )
    moved = finding.moved(3)
    assert moved.span == Span(13, 15)
    assert [e.span for e in moved.fixes[0].edits] == [Span(13, 15), Span(5, 5)]
    assert moved.related[0].span == Span(7, 8)
    assert (moved.code, moved.message, moved.ollama_message, moved.tags) == (
        "MF009",
        "m",
        "o",
        frozenset({"unnecessary"}),
    )


def test_a_new_line_break_style_refreshes_every_fix_that_adds_a_line() -> None:
    text = "FROM x\nPARAMETER top_k 4\nPARAMETER stop b # c\n"
    parsed = parse(text)
    analysis = analysis_of(parsed, SETTINGS[0])
    at = text.index("\n")
    text = text[:at] + "\r" + text[at:]
    parsed = parse_after(parsed, Edit(at, at, "\r"), text)
    analysis = analysis_of(parsed, SETTINGS[0], previous=analysis)
    assert analysis.findings == analyze(parse(text), SETTINGS[0])
    assert analysis.findings[0].fixes[0].edits[1].new_text == "# c\r\n"


class CountingDocument:
    """A document rule over the PARAMETERs that counts its runs (what MF108 reads)."""

    def __init__(self) -> None:
        self.runs = 0
        self.rule = DocumentRule(
            "MF997", "counting-document", Severity.HINT, "Counts.", self.check, reads=("PARAMETER",)
        )

    def check(self, context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
        self.runs += 1
        for instruction in context.parameters():
            fix = Fix("f", (TextEdit(context.parsed.lines.whole_lines(*instruction.span), ""),))
            yield rule.finding(instruction.span, "p", fixes=[fix])


def edited(text: str, parsed: ParsedModelfile, at: int, end: int, new: str) -> ParsedModelfile:
    return parse_after(parsed, Edit(at, end, new), text[:at] + new + text[end:])


def test_a_document_rule_runs_again_only_when_the_edit_touches_what_it_reads() -> None:
    """Typing in a MESSAGE moves the rule's findings; in a PARAMETER, or where a finding's
    span ends or starts (a line break typed after a CR), it runs again: each equals a full
    analysis."""
    counting = CountingDocument()
    rules = (counting.rule,)
    text = "FROM x\nPARAMETER top_k 1\rMESSAGE user hi\nMESSAGE assistant a\nPARAMETER top_k 2\n"
    parsed = parse(text)
    analysis = analysis_of(parsed, Settings(), rules=rules)
    cases = [
        (text.index("assistant a") + 11, 0, "xy", 1),
        (text.index("top_k 2") + 7, 0, "3", 2),
        (text.index("MESSAGE user"), 0, "\n", 3),
        (text.index("hi"), 2, "", 3),
    ]
    for at, length, new, runs in cases:
        reparsed = edited(text, parsed, at, at + length, new)
        text = text[:at] + new + text[at + length :]
        analysis = analysis_of(reparsed, Settings(), previous=analysis, rules=rules)
        assert counting.runs == runs, (at, new)
        assert analysis.findings == analyze(
            parse(text), Settings(), rules=(CountingDocument().rule,)
        )
        parsed = reparsed
