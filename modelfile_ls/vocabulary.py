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
CODE_ACTION_KINDS = (QUICK_FIX, FIX_ALL)
