"""Re-parse after one edit by scanning only the instructions the edit can have changed.

The scanner reads forward from the start of a line and keeps no state between top-level items
(instructions and comments) except Ollama's line counter, which only appears in error
messages. So after an edit of `old[start:end]`:
- every item that ends before `start` (its terminating newline included) is unchanged;
- every item that starts at or after `end` is unchanged but for an offset, provided the
  scan of the edited window ends exactly where that item begins;
- only the window between them is scanned again.
When the window scan runs into the window's end (an unterminated quote now swallows the rest
of the file, a keyword typed at the very end), `reparse` gives up and the caller parses the
whole text. Typing inside a long quoted value (the usual SYSTEM prompt) does not even rescan
that value: when the edited line holds no quote and the edit adds or removes no line break,
Ollama's value still ends on the same line, so only its text is read again. Property tests
check the result equals a full parse for random edits.
"""

from __future__ import annotations

import re
from _bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from modelfile_ls.syntax import parse
from modelfile_ls.syntax.lexer import reread_value, scan
from modelfile_ls.syntax.model import (
    Comment,
    Instruction,
    ParsedModelfile,
    Quoting,
    Reuse,
    Span,
    SyntaxProblem,
)
from modelfile_ls.syntax.positions import LineIndex

_OLLAMA_LINE = re.compile(r"\(line (\d+)\)")
_BLANK_CHARS = " \t\r\n"


class Edit(NamedTuple):
    """`old_text[start:end]` replaced by `inserted`."""

    start: int
    end: int
    inserted: str


def parse_after(old: ParsedModelfile, edit: Edit, text: str) -> ParsedModelfile:
    """The parse of `text` (the old text with `edit` applied), reusing what it can, including
    the line index (updated around the edit instead of rescanning the document)."""
    lines = old.lines.edited(edit.start, edit.end, edit.inserted, text)
    return reparse(old, edit, text, lines) or parse(text).with_line_index(lines)


def reparse(
    old: ParsedModelfile, edit: Edit, text: str, lines: LineIndex | None = None
) -> ParsedModelfile | None:
    """The incremental parse, or None when the edit's effect is not confined to a window."""
    if old.encoding != "utf-8" or old.replaced_bytes or old.looks_like_utf16_without_bom:
        return None
    start, end, inserted = edit
    delta = len(inserted) - (end - start)
    runs, comments = old.runs, old.comments
    count = len(runs)
    # Items that end before the edit: the newline that ended each one is unchanged too.
    kept_i = bisect_left(range(count), start, key=lambda i: runs.at(i).span.end)
    if _inside_value_line(old, kept_i, edit, text):
        return _with_value_edited(old, kept_i, edit, text, lines)
    kept_c = bisect_left(comments, start, key=_end)
    window_start = max(
        runs.at(kept_i - 1).span.end if kept_i else 0,
        comments[kept_c - 1].span.end if kept_c else 0,
    )
    # Items whose scan starts at or after the edit's end.
    next_i = bisect_left(range(count), end, key=lambda i: runs.at(i).span.start)
    if next_i < count and _scan_start(old.text, runs.at(next_i)) < end:
        next_i += 1
    next_c = bisect_left(comments, end, key=_start)
    following: list[int] = []
    if next_i < count:
        following.append(_scan_start(old.text, runs.at(next_i)))
    if next_c < len(comments):
        following.append(comments[next_c].span.start)
    window_end = min(following) + delta if following else len(text)
    new_i, new_c, new_p = scan(text[window_start:window_end])
    if following and _touches_end(new_i, new_c, window_end - window_start):
        return None
    line_shift = _line_breaks(inserted) - _line_breaks(old.text, start, end)
    head_lines = _line_breaks(text, 0, window_start) if new_p else 0
    # A problem lies inside its instruction's span, and the next item starts past the end
    # of the one before it, so the kept instructions' problems are those up to the last end
    # (a zero-length instruction, an invisible rune alone on a line, has its problem there).
    last_kept = runs.at(kept_i - 1).span.end if kept_i else -1
    problems = [p for p in old.problems if p.span.start <= last_kept]
    problems += [_shift_problem(p, window_start, head_lines) for p in new_p]
    problems += [
        _shift_problem(p, delta, line_shift)
        for p in old.problems
        if following and p.span.start >= min(following)
    ]
    removed = (next_i if following else count) - kept_i
    return ParsedModelfile(
        text,
        # The window was scanned on its own: its instructions are `window_start` later.
        runs.edited(kept_i, removed, tuple(new_i), window_start, delta),
        (
            *comments[:kept_c],
            *_shift_comments(new_c, window_start),
            *_shift_comments(comments[next_c:] if following else (), delta),
        ),
        tuple(problems),
        line_index=lines,
        reuse=Reuse(kept_i, removed, len(new_i), delta, start, end),
    )


def _inside_value_line(old: ParsedModelfile, index: int, edit: Edit, text: str) -> bool:
    """Whether the edit lies in a middle line of instruction `index`'s closed quoted value and
    neither it nor that line (before or after) holds a quote or a line break.

    Ollama ends a quoted value at the first line whose trimmed text ends with the closing
    delimiter; a line without a quote can never be that line, and the opening and closing
    lines both hold a quote, so such an edit leaves every boundary where it was.
    """
    if index >= len(old.runs):
        return False
    instruction = old.runs.at(index)
    value = instruction.value
    start, end, inserted = edit
    if (
        instruction.has_error
        or value is None
        or value.quoting is Quoting.NONE
        or value.close_span is None
        or not value.span.start < start <= end < value.span.end
    ):
        return False
    if _has_quote_or_break(inserted) or _has_quote_or_break(old.text[start:end]):
        return False
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    after = start + len(inserted)
    breaks = [i for i in (text.find("\n", after), text.find("\r", after)) if i != -1]
    line_end = min(breaks, default=len(text))
    return text.find('"', line_start, line_end) == -1


def _has_quote_or_break(text: str) -> bool:
    return '"' in text or "\n" in text or "\r" in text


def _with_value_edited(
    old: ParsedModelfile, index: int, edit: Edit, text: str, lines: LineIndex | None
) -> ParsedModelfile:
    """The parse after an edit `_inside_value_line` accepted: one value read again, everything
    after it moved. The instruction has no error, so no problem overlaps it."""
    delta = len(edit.inserted) - (edit.end - edit.start)
    instruction = old.runs.at(index)
    assert instruction.value is not None
    edited = instruction._replace(
        span=Span(instruction.span.start, instruction.span.end + delta),
        value=reread_value(text, instruction.value, delta),
    )
    boundary = instruction.span.end
    later = bisect_left(old.comments, boundary, key=_start)
    return ParsedModelfile(
        text,
        old.runs.edited(index, 1, (edited,), 0, delta),
        (*old.comments[:later], *_shift_comments(old.comments[later:], delta)),
        tuple(p if p.span.start < boundary else _shift_problem(p, delta, 0) for p in old.problems),
        line_index=lines,
        reuse=Reuse(index, 1, 1, delta, edit.start, edit.end),
    )


def _start(item: Instruction | Comment) -> int:
    return item.span.start


def _scan_start(text: str, instruction: Instruction) -> int:
    """Where the scan that produced `instruction` began: Ollama reads an invisible first rune
    (ZWSP, BOM, NBSP) as the start of the keyword but drops it, so the span starts one later.
    Items are separated by blanks, so any other rune just before the span is that one."""
    start = instruction.span.start
    return start - 1 if start and text[start - 1] not in _BLANK_CHARS else start


def _end(item: Instruction | Comment) -> int:
    return item.span.end


def _touches_end(instructions: list[Instruction], comments: list[Comment], length: int) -> bool:
    """Whether the last item of a window scan ran into the window's end (it may continue)."""
    last = max(
        (instructions[-1].span.end if instructions else -1),
        (comments[-1].span.end if comments else -1),
    )
    return last >= length


def _line_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """Ollama's line counter counts every `\\r` and every `\\n`."""
    stop = len(text) if end is None else end
    return text.count("\n", start, stop) + text.count("\r", start, stop)


def _shift_comments(items: Iterable[Comment], by: int) -> Iterator[Comment]:
    for item in items:
        yield item if by == 0 else Comment(item.span.moved(by), item.text)


def _shift_problem(problem: SyntaxProblem, by: int, lines: int) -> SyntaxProblem:
    message = problem.ollama_error
    if lines:
        message = _OLLAMA_LINE.sub(lambda m: f"(line {int(m.group(1)) + lines})", message, 1)
    return SyntaxProblem(
        problem.kind,
        problem.span.moved(by),
        message,
        problem.detail,
        None if problem.related is None else problem.related.moved(by),
    )
