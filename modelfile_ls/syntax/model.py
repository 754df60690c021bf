"""The typed, immutable view of a parsed Modelfile that everything outside `syntax/` reads.

The per-instruction types are NamedTuples: immutable like frozen dataclasses, but created in C,
which matters when a 10 MB file has tens of thousands of instructions.
"""

from modelfile_ls.facts import instruction_commands
from modelfile_ls.light_stdlib import Enum, cached_property
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.syntax.decode import Encoding
from modelfile_ls.syntax.positions import LineIndex
from modelfile_ls.syntax.runs import InstructionRuns

KEYWORDS = (
    "FROM",
    "LICENSE",
    "TEMPLATE",
    "SYSTEM",
    "ADAPTER",
    "DRAFT",
    "RENDERER",
    "PARSER",
    "PARAMETER",
    "MESSAGE",
    "REQUIRES",
)
"""The 11 instruction keywords, in the order Ollama's error message lists them."""

COMMAND_TO_KEYWORD = instruction_commands()
"""Ollama's internal command names; a PARAMETER with one of these names acts as that instruction."""


_new = tuple.__new__
"""Builds a NamedTuple in C: its generated `__new__` is a Python function, three times slower,
and a keystroke moves the spans of every instruction a rule reads after the edit."""


class Span(NamedTuple):
    """A half-open range of character offsets into the document text."""

    start: int
    end: int

    def contains(self, offset: int) -> bool:
        """True when the offset lies inside the span or at its end."""
        return self.start <= offset <= self.end

    def moved(self, by: int) -> "Span":
        """The same span `by` characters later (what it covers moved after an edit)."""
        return _new(Span, (self[0] + by, self[1] + by))


class Quoting(Enum):
    """How a value was written."""

    NONE = "none"
    DOUBLE = "double"
    TRIPLE = "triple"

    @property
    def delimiter(self) -> str:
        """The quote characters that open and close the value."""
        return _DELIMITERS[self.value]


_DELIMITERS = {"none": "", "double": '"', "triple": '"""'}


class Value(NamedTuple):
    """An instruction's value: where it is written and what Ollama reads from it."""

    span: Span
    text: str
    quoting: Quoting
    content_span: Span
    open_span: Span | None
    close_span: Span | None

    def moved(self, by: int) -> "Value":
        """The same value `by` characters later (its instruction moved after an edit)."""
        span, text, quoting, content, opened, closed = self
        return _new(
            Value,
            (
                _new(Span, (span[0] + by, span[1] + by)),
                text,
                quoting,
                _new(Span, (content[0] + by, content[1] + by)),
                None if opened is None else _new(Span, (opened[0] + by, opened[1] + by)),
                None if closed is None else _new(Span, (closed[0] + by, closed[1] + by)),
            ),
        )


class Instruction(NamedTuple):
    """One instruction line (or lines, for a multi-line value)."""

    keyword: str
    keyword_text: str
    keyword_span: Span
    span: Span
    value: Value | None
    name: str | None = None
    name_span: Span | None = None
    role: str | None = None
    role_span: Span | None = None
    has_error: bool = False

    def moved(self, by: int) -> "Instruction":
        """The same instruction `by` characters later (text before it changed length)."""
        keyword, text, keyword_span, span, value, name, name_span, role, role_span, error = self
        return _new(
            Instruction,
            (
                keyword,
                text,
                _new(Span, (keyword_span[0] + by, keyword_span[1] + by)),
                _new(Span, (span[0] + by, span[1] + by)),
                None if value is None else value.moved(by),
                name,
                None if name_span is None else _new(Span, (name_span[0] + by, name_span[1] + by)),
                role,
                None if role_span is None else _new(Span, (role_span[0] + by, role_span[1] + by)),
                error,
            ),
        )

    @property
    def command_name(self) -> str:
        """Ollama's name for the command: `model` for FROM, the name for PARAMETER, ..."""
        if self.keyword == "FROM":
            return "model"
        if self.keyword == "PARAMETER":
            return self.name or ""
        return self.keyword.lower()

    @property
    def args(self) -> str:
        """The command's arguments as Ollama stores them (`role: content` for MESSAGE)."""
        text = self.value.text if self.value else ""
        if self.keyword == "MESSAGE":
            return f"{self.role}: {text}"
        return text

    @property
    def effective_keyword(self) -> str:
        """The instruction Ollama actually applies: `PARAMETER system x` acts as SYSTEM."""
        if self.keyword == "PARAMETER" and self.name in COMMAND_TO_KEYWORD:
            return COMMAND_TO_KEYWORD[self.name]
        return self.keyword


class Comment(NamedTuple):
    """A `#` comment line; `text` excludes the `#`."""

    span: Span
    text: str


class ProblemKind(Enum):
    """Why Ollama's parser stops; each maps to one precise message."""

    UNKNOWN_KEYWORD = "unknown-keyword"
    BAD_KEYWORD_CHARACTER = "bad-keyword-character"
    MISSING_VALUE = "missing-value"
    UNTERMINATED_QUOTE = "unterminated-quote"
    BAD_PARAMETER_NAME = "bad-parameter-name"
    MISSING_PARAMETER_VALUE = "missing-parameter-value"
    INVALID_ROLE = "invalid-role"
    BAD_ROLE_CHARACTER = "bad-role-character"
    MISSING_MESSAGE_CONTENT = "missing-message-content"


class SyntaxProblem(NamedTuple):
    """A place where Ollama's parser fails, with its exact error text and our location."""

    kind: ProblemKind
    span: Span
    ollama_error: str
    detail: str = ""
    related: Span | None = None


class Reuse(NamedTuple):
    """How an incremental parse relates to the parse before the edit: its instructions are the
    old `[:kept]`, then `added` freshly scanned ones, then the old `[kept + removed:]` moved by
    `delta` characters. The edit replaced the old text's `[start, end)`: the text before it is
    where it was, the text after it `delta` characters later."""

    kept: int
    removed: int
    added: int
    delta: int
    start: int
    end: int


class ParsedModelfile:
    """The result of parsing: instructions, comments and syntax problems, all with spans.

    The instructions are held as `runs` (`syntax/runs.py`): after an edit, those it did not
    touch are moved only when read. `instructions` is all of them as a tuple. A plain class
    (not a dataclass, which costs a millisecond to create at start-up) that nothing changes
    after it is made.
    """

    def __init__(
        self,
        text: str,
        runs: InstructionRuns[Instruction],
        comments: tuple[Comment, ...],
        problems: tuple[SyntaxProblem, ...],
        encoding: Encoding = "utf-8",
        replaced_bytes: int = 0,
        looks_like_utf16_without_bom: bool = False,
        line_index: LineIndex | None = None,
        reuse: Reuse | None = None,
    ) -> None:
        self.text = text
        self.runs = runs
        self.comments = comments
        self.problems = problems
        self.encoding: Encoding = encoding
        self.replaced_bytes = replaced_bytes
        self.looks_like_utf16_without_bom = looks_like_utf16_without_bom
        self.line_index = line_index
        """A line index already known for this text (an editor's incremental update)."""
        self.reuse = reuse
        """Set by an incremental parse: which instructions it carried over from the previous
        one."""

    def with_line_index(self, lines: LineIndex) -> "ParsedModelfile":
        """The same parse with a line index already known for its text."""
        return ParsedModelfile(
            self.text,
            self.runs,
            self.comments,
            self.problems,
            self.encoding,
            self.replaced_bytes,
            self.looks_like_utf16_without_bom,
            lines,
            self.reuse,
        )

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        """Every instruction, in order (moved into place on first use after an edit)."""
        return self.runs.all()

    def _key(self) -> tuple[object, ...]:
        return (
            self.text,
            self.instructions,
            self.comments,
            self.problems,
            self.encoding,
            self.replaced_bytes,
            self.looks_like_utf16_without_bom,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedModelfile):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @cached_property
    def lines(self) -> LineIndex:
        """Line index of the text, built on first use unless one was given."""
        return self.line_index or LineIndex(self.text)

    @property
    def ollama_error(self) -> str | None:
        """The error `parser.ParseFile` returns, or None when it accepts the file."""
        if self.problems:
            return self.problems[0].ollama_error
        if not any(i.command_name == "model" for i in self.instructions):
            return "no FROM line"
        return None
