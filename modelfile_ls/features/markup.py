"""Documentation text written once and rendered twice: Markdown and plain text.

Clients that cannot show Markdown get the plain form. Authored text (facts, rule docs) uses
backticks for code; user text (values, model descriptions) goes through `code()` so that
nothing typed in a Modelfile can inject Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BACKTICKS = re.compile(r"`+")


def code(text: str) -> str:
    """A Markdown code span showing `text` exactly, whatever backticks it contains."""
    if not text:
        return "(empty)"
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space at both ends of a code span that is not all spaces, and a
    # span may not touch its fence with a backtick: a padding space handles both.
    edges = text[0] + text[-1]
    pad = " " if "`" in edges or (edges == "  " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fenced(text: str) -> str:
    """A Markdown code block showing `text` exactly (a fence longer than any inside it)."""
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def plain(authored: str) -> str:
    """Authored Markdown-lite (backticks and `**`) as plain text."""
    return authored.replace("**", "").replace("`", "")


def visible(text: str) -> str:
    """User text for display: control characters shown as `\\uXXXX` escapes."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else f"\\u{ord(c):04x}"
        for c in text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )


@dataclass(frozen=True, slots=True)
class Documentation:
    """A finished text in both forms; servers pick one by the client's capabilities."""

    markdown: str
    plaintext: str


class Markup:
    """Paragraphs with a Markdown and a plain-text form."""

    def __init__(self) -> None:
        self._markdown: list[str] = []
        self._plain: list[str] = []

    def add(self, markdown: str, plaintext: str | None = None) -> None:
        """Append a paragraph; the plain form defaults to the Markdown with markup removed."""
        self._markdown.append(markdown)
        self._plain.append(plain(markdown) if plaintext is None else plaintext)

    def facts(self, rows: list[tuple[str, str, str]]) -> None:
        """A list of `label: value` lines, each value given as (markdown, plain)."""
        if rows:
            self.add(
                "\n".join(f"- {label}: {md}" for label, md, _ in rows),
                "\n".join(f"{label}: {text}" for label, _, text in rows),
            )

    @property
    def documentation(self) -> Documentation | None:
        """Both forms, or None when nothing was added."""
        return Documentation(self.markdown, self.plaintext) if self._markdown else None

    @property
    def markdown(self) -> str:
        """The Markdown form."""
        return "\n\n".join(self._markdown)

    @property
    def plaintext(self) -> str:
        """The plain-text form."""
        return "\n\n".join(self._plain)
