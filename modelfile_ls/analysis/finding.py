"""Findings: what a rule reports, with a location, a severity and an optional fix."""

# Re-exported: a finding's severity is part of the findings API the rules import from here.
from modelfile_ls.severity import Severity as Severity
from modelfile_ls.static_types import NamedTuple
from modelfile_ls.syntax.model import Span


def shorten(text: str, limit: int = 40) -> str:
    """Text for a message: one line, at most `limit` characters, with an ellipsis when cut."""
    flat = " ".join(text.split()) if "\n" in text or "\r" in text else text
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# Immutable NamedTuples rather than frozen dataclasses: they are built in C, about eight
# times faster, and an editor builds the findings of a whole document on every keystroke
# (a few-shot file carries hundreds), a 10 MB file under `--check` a hundred thousand.


class TextEdit(NamedTuple):
    """Replace `span` of the document text with `new_text`."""

    span: Span
    new_text: str


class Fix(NamedTuple):
    """A named set of edits that resolves a finding."""

    title: str
    edits: tuple[TextEdit, ...]


class Related(NamedTuple):
    """A second location that explains a finding (the earlier duplicate, the opening quote)."""

    span: Span
    message: str


_NO_TAGS: frozenset[str] = frozenset()
UNNECESSARY: frozenset[str] = frozenset({"unnecessary"})
"""The tags of a finding on text that has no effect (shown faded by editors)."""


class Finding(NamedTuple):
    """One problem found in a document."""

    code: str
    severity: Severity
    message: str
    span: Span
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    ollama_message: str | None = None
    tags: frozenset[str] = _NO_TAGS
    """`deprecated` and/or `unnecessary`, mapped to LSP diagnostic tags."""

    def moved(self, by: int) -> "Finding":
        """The same finding `by` characters later: its instruction moved after an edit."""
        return Finding(
            self.code,
            self.severity,
            self.message,
            self.span.moved(by),
            tuple(
                Fix(fix.title, tuple(TextEdit(e.span.moved(by), e.new_text) for e in fix.edits))
                for fix in self.fixes
            ),
            tuple(Related(r.span.moved(by), r.message) for r in self.related),
            self.ollama_message,
            self.tags,
        )
