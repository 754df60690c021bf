"""Go `text/template` exactly as Ollama parses it.

Parse API (for rules, hover, completion):
- `check_template(text) -> TemplateError | None`: the error Ollama's `template.Parse` returns
  (Go's text, e.g. `template: :3: unexpected EOF`, with `start`/`end` offsets into `text`).
- `parse_template(text) -> OllamaTemplate`: the parsed trees (`nodes` module types, each with
  `pos`, a character offset), `vars` (Ollama's lower-cased identifiers), `uses_messages`.
"""

from modelfile_ls.template.ollama import (
    BUILTIN_FUNCTIONS,
    KNOWN_FUNCTIONS,
    OLLAMA_FUNCTIONS,
    OllamaTemplate,
    TemplateError,
    check_template,
    parse_template,
)

__all__ = [
    "BUILTIN_FUNCTIONS",
    "KNOWN_FUNCTIONS",
    "OLLAMA_FUNCTIONS",
    "OllamaTemplate",
    "TemplateError",
    "check_template",
    "parse_template",
]
