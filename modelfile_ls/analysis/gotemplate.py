"""A checker for the Go `text/template` syntax Ollama validates TEMPLATE with at create time.

It finds what makes Go's parser fail (unclosed actions, unbalanced `if`/`range`/`with`/
`define`/`block` and `end`, `else` or `break` in the wrong place, undefined functions) plus
Ollama's own `{{ template "x" }}` check, and reports them with offsets into the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from modelfile_ls.facts import language_facts

_FUNCTIONS = language_facts().template.functions
BUILTIN_FUNCTIONS = frozenset(n for n, f in _FUNCTIONS.items() if f.scope == "function")
OLLAMA_FUNCTIONS = frozenset(n for n, f in _FUNCTIONS.items() if f.scope == "Ollama function")
KNOWN_FUNCTIONS = BUILTIN_FUNCTIONS | OLLAMA_FUNCTIONS
_OPENERS = {"if", "range", "with", "define", "block"}
_CONSTANTS = {"nil", "true", "false"}
_TOKEN = re.compile(
    r'"(?:\\.|[^"\\])*"|`[^`]*`|\'(?:\\.|[^\'\\])*\'|[$.]?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*'
    r"|\.|\||\(|\)|:?=|,|[^\s]",
)


@dataclass(frozen=True, slots=True)
class TemplateIssue:
    """A problem at template offsets `start`..`end`; `message` is Go's wording."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Action:
    """One `{{ ... }}` action: its span and the text between the delimiters."""

    start: int
    end: int
    body: str
    body_start: int


def actions(source: str) -> tuple[list[Action], TemplateIssue | None]:
    """Split a template into actions; the issue is an unclosed action or comment."""
    found: list[Action] = []
    pos = 0
    while True:
        start = source.find("{{", pos)
        if start < 0:
            return found, None
        inner = start + 2
        if (
            source.startswith("- ", inner)
            or source.startswith("-\t", inner)
            or source.startswith("-\n", inner)
        ):
            inner += 1
        end = _action_end(source, inner)
        if end < 0:
            what = (
                "unclosed comment"
                if source.startswith("/*", inner.__index__())
                else "unclosed action"
            )
            return found, TemplateIssue(start, len(source), what)
        body_end = (
            end - 1
            if end > inner and source[end - 1] == "-" and source[end - 2 : end - 1].isspace()
            else end
        )
        found.append(Action(start, end + 2, source[inner:body_end], inner))
        pos = end + 2


_ACTION_BODY = re.compile(
    r"""(?:"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`[^`]*`|[^"'`}]|}(?!})|["'`])*?}}"""
)
_COMMENT_BODY = re.compile(r"\s*/\*.*?\*/\s*-?}}", re.DOTALL)


def _action_end(source: str, pos: int) -> int:
    """Offset of the `}}` closing an action, skipping quoted strings and comments."""
    match = _COMMENT_BODY.match(source, pos) or _ACTION_BODY.match(source, pos)
    return match.end() - 2 if match else -1


def check_template(source: str) -> list[TemplateIssue]:
    """Problems Go's template parser (and Ollama's create) would report, first one first."""
    found, unclosed = actions(source)
    issues: list[TemplateIssue] = []
    stack: list[tuple[str, Action]] = []
    for action in found:
        body = action.body.strip()
        if body.startswith("/*"):
            continue
        tokens = [m for m in _TOKEN.finditer(action.body)]
        if not tokens:
            issues.append(TemplateIssue(action.start, action.end, "missing value for command"))
            continue
        head = tokens[0].group()
        if head in _OPENERS:
            stack.append((head, action))
        elif head == "end":
            if not stack:
                issues.append(TemplateIssue(action.start, action.end, "unexpected {{end}}"))
            else:
                stack.pop()
            continue
        elif head == "else":
            if not stack or stack[-1][0] not in ("if", "range", "with"):
                issues.append(TemplateIssue(action.start, action.end, "unexpected {{else}}"))
            continue
        elif head in ("break", "continue") and not any(kind == "range" for kind, _ in stack):
            issues.append(
                TemplateIssue(action.start, action.end, f"{{{{{head}}}}} outside {{{{range}}}}")
            )
            continue
        elif head == "template":
            # Ollama rejects `{{ template "x" }}` without a pipeline argument.
            if len(tokens) < 3:
                issues.append(
                    TemplateIssue(action.start, action.end, "undefined template specified")
                )
            continue
        issues.extend(_undefined_functions(action, tokens))
    if unclosed is not None:
        issues.append(unclosed)
    for kind, action in stack:
        issues.append(
            TemplateIssue(action.start, action.end, f"unexpected EOF (unclosed {{{{{kind}}}}})")
        )
    issues.sort(key=lambda issue: issue.start)
    return issues


def _undefined_functions(action: Action, tokens: list[re.Match[str]]) -> list[TemplateIssue]:
    """Identifiers in function position that are not defined."""
    issues = []
    for index, token in enumerate(tokens):
        word = token.group()
        if not (word[0].isalpha() or word[0] == "_") or word in _CONSTANTS:
            continue
        if (
            word in KNOWN_FUNCTIONS
            or word in _OPENERS
            or word in ("else", "end", "template", "break", "continue")
        ):
            continue
        before = tokens[index - 1].group() if index else ""
        if before in ("define", "block", "template") or "." in word:
            continue
        start = action.body_start + token.start()
        issues.append(TemplateIssue(start, start + len(word), f'function "{word}" not defined'))
    return issues


def line_of(source: str, offset: int) -> int:
    """One-based line of an offset, as Go's template errors number them."""
    return source.count("\n", 0, offset) + 1
