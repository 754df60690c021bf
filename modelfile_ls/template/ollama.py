"""Ollama's `template.Parse` (template/template.go): Go's parser plus Ollama's walk.

Ollama builds `template.New("").Option("missingkey=zero").Funcs(funcs)` with its four functions
(`json`, `currentDate`, `yesterdayDate`, `toTypeScriptType`) next to Go's built-ins, parses
the text, then walks every tree (`Vars`/`Identifiers`), which rejects `{{template "x"}}`
without a pipeline. A template whose identifiers include neither `messages` nor `response`
(case-insensitively) gets a `{{ .Response }}` action appended.
"""

from __future__ import annotations

import sys

from modelfile_ls.facts import language_facts
from modelfile_ls.light_stdlib import lru_cache
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple
from modelfile_ls.template import nodes as n
from modelfile_ls.template.parse import Tree, parse
from modelfile_ls.template.stream import TemplateSyntaxError

if TYPE_CHECKING:
    from collections.abc import Iterator

_FUNCTIONS = language_facts().template.functions
BUILTIN_FUNCTIONS = frozenset(name for name, f in _FUNCTIONS.items() if f.scope == "function")
OLLAMA_FUNCTIONS = frozenset(name for name, f in _FUNCTIONS.items() if f.scope == "Ollama function")
KNOWN_FUNCTIONS = BUILTIN_FUNCTIONS | OLLAMA_FUNCTIONS
UNDEFINED_TEMPLATE = "undefined template specified"


class TemplateError(Exception):
    """Why Ollama's `template.Parse` fails: Go's text, the line Go names, where it is."""

    def __init__(self, message: str, start: int, end: int, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.start = start
        self.end = end
        self.line = line


class OllamaTemplate(NamedTuple):
    """A template as Ollama holds it: the trees by name and what its identifiers say."""

    text: str
    trees: dict[str, Tree]
    vars: tuple[str, ...]
    names: frozenset[str] = frozenset()
    """The field and variable names as written (case-sensitive: `.prompt` is not `.Prompt`)."""

    @property
    def root(self) -> n.ListNode:
        """The top-level template's node list (before Ollama's `{{ .Response }}`)."""
        root = self.trees[""].root
        assert root is not None, "a parsed tree has a root"
        return root

    def first_use(self, name: str) -> tuple[int, int] | None:
        """Where (character offsets) the text first names the identifier `name` as Ollama's
        `Vars` counts it (case-insensitively, in a field or variable chain), if it does."""
        found = [
            node
            for tree in self.trees.values()
            if tree.root is not None
            for node in named_nodes(tree.root)
            if any(part.lower() == name for part in node.ident)
        ]
        if not found:
            return None
        node = min(found, key=lambda node: node.pos)
        written = self.text[node.pos : max(node.end, node.pos)]
        for offset in range(len(written) - len(name) + 1):
            if written[offset : offset + len(name)].lower() == name:
                return node.pos + offset, node.pos + offset + len(name)
        return node.pos, max(node.end, node.pos + 1)

    @property
    def uses_messages(self) -> bool:
        """Messages mode: an identifier `messages` in any case, as `slices.Contains(vars, ...)`."""
        return "messages" in self.vars

    @property
    def appends_response(self) -> bool:
        """Whether Ollama appends `{{ .Response }}` (neither `messages` nor `response`)."""
        return "messages" not in self.vars and "response" not in self.vars


# Go's parser recurses once per nested block or parenthesis, on a stack that grows as needed
# (parentheses stop at 10,000 levels); Python's default limit of 1,000 frames would stop at a
# few hundred. Python-to-Python calls do not grow the C stack (3.11+), so a high limit is safe.
_RECURSION_LIMIT = 120_000


class room_to_recurse:
    """Let the parser and executor recurse as deep as Go's would (a context manager; not
    `contextlib.contextmanager`: contextlib is off the `--check` path)."""

    def __enter__(self) -> None:
        self._previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(self._previous, _RECURSION_LIMIT))

    def __exit__(self, *exception: object) -> None:
        sys.setrecursionlimit(self._previous)


def parse_template(text: str, comments: bool = False) -> OllamaTemplate:
    """Parse as Ollama's `template.Parse`; raise `TemplateError` where it fails."""
    parsed = _parse(text, comments) if comments else _parsed_last(text)
    if isinstance(parsed, TemplateError):
        # A fresh exception each time: one raised again would grow its cached traceback.
        raise TemplateError(parsed.message, parsed.start, parsed.end, parsed.line)
    return parsed


def valid_template(text: str) -> OllamaTemplate | None:
    """The template as Ollama parses it, or None where `template.Parse` fails (the rules
    that read a template's structure leave that to MF302)."""
    parsed = _parsed_last(text)
    return None if isinstance(parsed, TemplateError) else parsed


@lru_cache(maxsize=512)
def check_template(text: str) -> TemplateError | None:
    """The error Ollama's `template.Parse` returns for this text, or None (cached: pure)."""
    parsed = _parsed_last(text)
    return parsed if isinstance(parsed, TemplateError) else None


@lru_cache(maxsize=8)
def _parsed_last(text: str) -> OllamaTemplate | TemplateError:
    # Two rules read one TEMPLATE (MF302 its error, MF401 its identifiers), and the preview
    # renders it: it is parsed once. Few entries, as each holds a whole tree and an editor
    # makes a new text per keystroke.
    return _parse(text, comments=False)


def _parse(text: str, comments: bool) -> OllamaTemplate | TemplateError:
    with room_to_recurse():
        try:
            trees = parse("", text, KNOWN_FUNCTIONS, comments=comments)
        except TemplateSyntaxError as error:
            return TemplateError(error.message, error.start, error.end, error.line)
        found: list[str] = []
        # Go walks the trees in map order; the error text does not depend on it, so the first
        # offending node in the text is the one reported.
        try:
            for tree in sorted(trees.values(), key=lambda t: t.root.pos if t.root else 0):
                if tree.root is not None:
                    for node in tree.root.nodes:
                        found.extend(identifiers(node))
        except TemplateError as error:
            return error
    return OllamaTemplate(
        text, trees, tuple(sorted({name.lower() for name in found})), frozenset(found)
    )


def identifiers(node: n.Node) -> list[str]:
    """Ollama's `Identifiers`: field and variable names, failing on a pipeline-less template."""
    return [name for named in named_nodes(node) for name in named.ident]


def named_nodes(node: n.Node) -> Iterator[n.FieldNode | n.VariableNode]:
    """The field and variable nodes Ollama's `Identifiers` walk reaches, in text order;
    raises `TemplateError` at a `{{template "x"}}` without a pipeline, as it fails there.

    A loop over a stack, not recursion: Go nests blocks thousands deep, and a chain of
    generators that deep would exhaust the C stack."""
    stack: list[n.Node] = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, n.ListNode):
            stack.extend(reversed(node.nodes))
        elif isinstance(node, n.TemplateNode):
            if node.pipe is None:
                end = node.pos + len(node.name) + 2
                raise TemplateError(UNDEFINED_TEMPLATE, node.pos, end, None)
            stack.append(node.pipe)
        elif isinstance(node, n.ActionNode):
            if node.pipe is not None:
                stack.append(node.pipe)
        elif isinstance(node, n.BranchNode):
            parts = (node.pipe, node.list, node.else_list)
            stack.extend(part for part in reversed(parts) if part is not None)
        elif isinstance(node, n.PipeNode):
            stack.extend(reversed([arg for command in node.cmds for arg in command.args]))
        elif isinstance(node, n.FieldNode | n.VariableNode):
            yield node
