"""Where an offset in a TEMPLATE's value, as Ollama parses it, lies in the document.

Ollama's parser drops invisible characters from a value (U+FEFF and the like): the template
text the rules check is the decoded value, so an offset into it must skip the dropped runes
to land on the document's character.
"""

from _bisect import bisect_right

from modelfile_ls.syntax.lexer import invisible_offsets
from modelfile_ls.syntax.model import Span, Value


class Locator:
    """Turns an offset in the decoded value into a document offset, skipping dropped runes."""

    def __init__(self, base: int, lead: int, dropped: list[int], end: int) -> None:
        self.base = base
        self.lead = lead
        self.dropped = dropped
        self.end = end

    def span(self, start: int, end: int) -> Span:
        """The document span of decoded offsets `start`..`end`, kept inside the value."""
        first = self(start)
        return Span(first, min(max(self(end), first), self.end))

    def __call__(self, offset: int) -> int:
        """The document offset of decoded offset `offset`."""
        position = self.base + self.lead + offset
        # Each dropped rune before the position pushes it one further along the document.
        skipped = 0
        while True:
            moved = bisect_right(self.dropped, position + skipped)
            if moved == skipped:
                return position + skipped
            skipped = moved


def template_locator(text: str, value: Value) -> Locator:
    """Map offsets in `value.text` (what Ollama parses) back to offsets in the document."""
    content = value.content_span
    dropped = invisible_offsets(text, content.start, content.end)
    gone = set(dropped)
    kept = "".join(text[i] for i in range(content.start, content.end) if i not in gone)
    lead = max(kept.find(value.text), 0)
    return Locator(content.start, lead, dropped, content.end)
