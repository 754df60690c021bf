"""Names the language server advertises before anything heavy loads, shared with the feature
functions that produce them: the semantic-token legend and the code-action kinds.

Kept dependency-free so the server can send its capabilities without importing the analysis.
"""

from __future__ import annotations

TOKEN_TYPES = (
    "keyword",
    "property",
    "enumMember",
    "string",
    "number",
    "comment",
    "variable",
    "function",
    "operator",
    "namespace",
    "macro",
)
"""The token-type legend, in the order the indexes refer to."""

TOKEN_MODIFIERS = ("deprecated", "defaultLibrary")
"""The token-modifier legend; bit `1 << i` stands for `TOKEN_MODIFIERS[i]`."""

QUICK_FIX = "quickfix"
FIX_ALL = "source.fixAll.modelfile-ls"
SAVE_AS_ELEMENT = "refactor.extract.modelfile-ls"
"""The kind of "Save as element" and "Preview elements to save" (editors list it under
Refactor: the selection is extracted into the registry, the document stays as it is)."""
CODE_ACTION_KINDS = (QUICK_FIX, FIX_ALL, SAVE_AS_ELEMENT)

# -- workspace/executeCommand ids -------------------------------------------------------------
# Every command takes at most one argument: a JSON object with named fields (documented per
# command where it is registered). Editor palettes invoke commands without arguments, so each
# command that needs a document takes its `uri` from that object and fails with a clear message
# when it is missing. Tests hold the editor packages to this table, so they can never offer a
# command the server does not have.
REFRESH_REGISTRY = "modelfile-ls.refreshRegistry"
PULL = "modelfile-ls.pull"
CREATE = "modelfile-ls.create"
PUSH = "modelfile-ls.push"
COPY = "modelfile-ls.copy"
DELETE = "modelfile-ls.delete"
EXTRACT = "modelfile-ls.extract"
BENCH = "modelfile-ls.bench"
LIST_MODELS = "modelfile-ls.listModels"
PREVIEW_PROMPT = "modelfile-ls.previewPrompt"
SAVE_ELEMENT = "modelfile-ls.saveElement"
PREVIEW_ELEMENTS = "modelfile-ls.previewElements"
NEW_FROM_ELEMENTS = "modelfile-ls.newFromElements"
SAVE_DRAFT = "modelfile-ls.saveDraft"
OPEN_DRAFT = "modelfile-ls.openDraft"

COMMAND_TITLES = {
    REFRESH_REGISTRY: "Sync Registry",
    PULL: "Pull Base Model",
    CREATE: "Create Model in Ollama",
    PUSH: "Push Model",
    COPY: "Copy Model",
    DELETE: "Delete Model",
    EXTRACT: "Extract Modelfile from Installed Model",
    BENCH: "Benchmark Model",
    LIST_MODELS: "List Installed Models",
    PREVIEW_PROMPT: "Preview Prompt",
    SAVE_ELEMENT: "Save as Element",
    PREVIEW_ELEMENTS: "Preview Elements to Save",
    NEW_FROM_ELEMENTS: "New Modelfile from Elements",
    SAVE_DRAFT: "Save as Draft",
    OPEN_DRAFT: "Open Draft",
}
"""Every server command with the title editors show for it (category "Modelfile")."""

OLLAMA_STATUS_NOTIFICATION = "modelfile-ls/ollamaStatus"
"""Server -> client notification: `{"host", "state": "connected"|"unreachable"|"unknown",
"version", "models", "message"}`, sent when the connection state changes (status bars)."""

PREVIEW_SCHEME = "modelfile-preview"
"""URI scheme of the prompt preview's virtual documents: `modelfile-preview:PATH.prompt?SOURCE`
(SOURCE the percent-encoded URI of the Modelfile it previews)."""

PROMPT_PREVIEW_NOTIFICATION = "modelfile-ls/promptPreview"
"""Server -> client notification: `{"uri", "source", "version", "text", "error", "sample"}`,
the prompt preview `uri` of the Modelfile `source` after each change of it (`text` is what the
preview shows: the prompt, or the error when rendering fails; `error` is then that message,
else null; `sample` says where the sample messages came from)."""
