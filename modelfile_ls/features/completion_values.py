"""Completion of values: model names and paths, renderer and parser names, template blocks
outside actions, and rule codes in suppression comments."""

from __future__ import annotations

from modelfile_ls.analysis.rules import RULES_BY_CODE
from modelfile_ls.analysis.suppression_comment import in_code_list
from modelfile_ls.facts import language_facts
from modelfile_ls.features.candidates import (
    EMPTY,
    CandidateKind,
    CompletionCandidate,
    CompletionRequest,
    Completions,
)
from modelfile_ls.features.completion_paths import path_candidates, weight_files
from modelfile_ls.features.docs import (
    model_match_detail,
    model_match_markup,
    rule_markup,
)
from modelfile_ls.syntax.model import Span

_REFERENCE_HEADS = ("./", "../", "/", "~")
# Template snippets offered after `{` outside an action: the common building blocks of chat
# templates in Ollama's library (`$0` marks the cursor when the client supports snippets).
_TEMPLATE_SNIPPETS = (
    ("{{ .System }}", "{{ .System }}"),
    ("{{ .Prompt }}", "{{ .Prompt }}"),
    ("{{ .Response }}", "{{ .Response }}"),
    ("{{ if .System }}…{{ end }}", "{{ if .System }}$0{{ end }}"),
    ("{{ range .Messages }}…{{ end }}", "{{ range .Messages }}$0{{ end }}"),
    ("{{ if .Tools }}…{{ end }}", "{{ if .Tools }}$0{{ end }}"),
    ("{{- /* comment */ -}}", "{{- /* $0 */ -}}"),
)


def references(request: CompletionRequest) -> Completions:
    """FROM: model names from the registry (installed first) and local weights; paths."""
    context = request.context
    if context.keyword != "FROM" or context.prefix.startswith(_REFERENCE_HEADS):
        return Completions(tuple(_paths(request)))
    items: list[CompletionCandidate] = []
    incomplete = False
    if request.registry is not None:
        matches = request.registry.models_by_prefix(context.prefix, limit=request.limit)
        incomplete = len(matches) >= request.limit
        for position, match in enumerate(matches):
            items.append(
                CompletionCandidate(
                    label=match.name,
                    kind=CandidateKind.MODULE,
                    replace_span=context.token_span,
                    insert_text=match.name,
                    detail=model_match_detail(match),
                    # Installed models first: they work without a download.
                    sort_text=f"{0 if match.installed else 1}{position:04d}",
                    filter_text=match.name,
                    documentation=model_match_markup(match).documentation,
                )
            )
    if not context.prefix and request.base_dir is not None:
        for name in weight_files(request.base_dir):
            items.append(
                CompletionCandidate(
                    label=f"./{name}",
                    kind=CandidateKind.FILE,
                    replace_span=context.token_span,
                    insert_text=f"./{name}",
                    detail="local weights file",
                    sort_text=f"2{name}",
                )
            )
    return Completions(tuple(items), incomplete)


def _paths(request: CompletionRequest) -> list[CompletionCandidate]:
    context = request.context
    segment_start, entries = path_candidates(context.prefix, request.base_dir)
    span = Span(context.token_span.start + segment_start, context.token_span.end)
    return [
        CompletionCandidate(
            label=name,
            kind=CandidateKind.FOLDER if is_dir else CandidateKind.FILE,
            replace_span=span,
            insert_text=name,
            sort_text=f"{0 if is_dir else 1}{name}",
            filter_text=name,
            retrigger=is_dir,
        )
        for name, is_dir in entries
    ]


def names(request: CompletionRequest) -> Completions:
    """RENDERER and PARSER values: the built-in names Ollama knows."""
    facts = language_facts()
    keyword = request.context.keyword
    if keyword == "RENDERER":
        names, what = facts.known_renderers, "renderer"
    elif keyword == "PARSER":
        names, what = facts.known_parsers, "parser"
    else:
        return EMPTY
    return Completions(
        tuple(
            CompletionCandidate(
                label=name,
                kind=CandidateKind.ENUM_MEMBER,
                replace_span=request.context.token_span,
                insert_text=name,
                detail=f"built-in {what} (Ollama {facts.ollama_version})",
            )
            for name in sorted(names)
        )
    )


def template_text(request: CompletionRequest) -> Completions:
    """Template text after `{`: the common blocks of chat templates."""
    context = request.context
    if not context.prefix:
        # Plain template text: offering blocks at every word would get in the way of prose.
        return EMPTY
    # Editors auto-close `{` with `}`: replace those closers too.
    text = request.parsed.text
    end = context.offset
    while end < context.offset + len(context.prefix) and text[end : end + 1] == "}":
        end += 1
    span = Span(context.token_span.start, end)
    return Completions(
        tuple(
            CompletionCandidate(
                label=label,
                kind=CandidateKind.SNIPPET,
                replace_span=span,
                insert_text=body if request.snippets else body.replace("$0", ""),
                is_snippet=request.snippets,
                sort_text=f"{position}",
                filter_text=label,
            )
            for position, (label, body) in enumerate(_TEMPLATE_SNIPPETS)
        )
    )


def suppression_codes(request: CompletionRequest) -> Completions:
    """Rule codes inside `# modelfile-ls: ignore[...]`."""
    context = request.context
    comment = context.comment
    if comment is None:
        return EMPTY
    before = request.parsed.text[comment.span.start + 1 : context.token_span.start]
    if not in_code_list(before):
        return EMPTY
    return Completions(
        tuple(
            CompletionCandidate(
                label=code,
                kind=CandidateKind.CONSTANT,
                replace_span=context.token_span,
                insert_text=code,
                detail=rule.name,
                sort_text=code,
                documentation=rule_markup(rule).documentation,
            )
            for code, rule in sorted(RULES_BY_CODE.items())
        )
    )
