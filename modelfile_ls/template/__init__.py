"""Go `text/template` exactly as Ollama parses and renders TEMPLATE (Go 1.26 semantics).

A port of Go's `text/template/parse` (`tokens`, `lex`, `stream`, `parse`, `nodes`), its
executor (`execute`, `builtins`, with `gofmt`/`gojson` for Go's printing) and Ollama's layer
(`ollama`: `template.Parse` and its walk; `render`: `Template.Execute`; `ollama_values`: the
values templates see). Tests hold all of it to Go's own verdicts (tests/template/gen).

Pure API for rules and editor features (no I/O). This package exports the parse API only, so
`--check` (MF302) loads no executor; rendering and scopes live in their modules:

- `check_template(text) -> TemplateError | None`: the error Ollama's `template.Parse`
  returns, e.g. `template: :3: unexpected EOF`; `error.start`/`error.end` are character
  offsets into `text` (an unclosed block points at its opening action), `error.line` Go's line.
- `valid_template(text) -> OllamaTemplate | None`: the parse below, or None where it fails.
- `parse_template(text) -> OllamaTemplate` (raises `TemplateError`): `trees` by name (`""` is
  the top level; `define`/`block` add more), each tree's `root` a `nodes.ListNode` whose nodes
  carry `pos` (character offset; fields and variables also `end`); `vars` (Ollama's
  lower-cased identifiers), `uses_messages` (messages mode), `appends_response`.
- `render.render_prompt(template_text, messages, system=None, tools=None, think=None,
  today=None, history=None) -> str`: the prompt Ollama builds for a chat request (messages,
  tools and `history`, the model's MESSAGE instructions, as in Ollama's chat API JSON;
  `system` is the model's system prompt, put first unless the request starts with one).
  Raises `TemplateError`, or `execute.ExecError` with Go's execution error text.
- `scope.scope_at(text, offset) -> Scope`: what dot is at an offset (`data`, `message`, `tool`,
  `tool call`, `unknown`), the variables in scope with their kinds, and `fields` valid on dot
  (`fields_of("$m")` for a variable); works on unfinished templates.
- `scan.actions(text)`: every `{{ ... }}` action and comment with its span and Go's tokens.
"""

from modelfile_ls.template.ollama import (
    BUILTIN_FUNCTIONS,
    KNOWN_FUNCTIONS,
    OLLAMA_FUNCTIONS,
    OllamaTemplate,
    TemplateError,
    check_template,
    parse_template,
    valid_template,
)

__all__ = [
    "BUILTIN_FUNCTIONS",
    "KNOWN_FUNCTIONS",
    "OLLAMA_FUNCTIONS",
    "OllamaTemplate",
    "TemplateError",
    "check_template",
    "parse_template",
    "valid_template",
]
