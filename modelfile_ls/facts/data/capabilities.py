"""The capability names Ollama itself reports or labels."""

from modelfile_ls.static_types import Any


def load() -> dict[str, Any]:
    """A fresh copy of these facts."""
    return {
        "_source": "Ollama types/model/capability.go and /api/show `capabilities` (shared "
        "spec ollama-api.md: completion, tools, insert, vision, embedding, "
        "thinking), plus the labels ollama.com/library shows for chat and code "
        "models. Any other capability name (a CSV import's `reasoning`, `math`) is "
        "stored as given; these are the ones Ollama itself reports or labels. The "
        "registry, its CSV format and the analysis read this file.",
        "capabilities": [
            {"name": "completion", "description": "generates text from a prompt"},
            {
                "name": "chat",
                "description": "follows a chat template with system/user/assistant turns",
            },
            {
                "name": "tools",
                "description": "can call tools (function calling) through its template",
            },
            {"name": "vision", "description": "accepts images as input"},
            {"name": "embedding", "description": "produces embeddings instead of text"},
            {"name": "thinking", "description": "can emit a separate reasoning trace"},
            {"name": "code", "description": "specialised for source code"},
            {
                "name": "insert",
                "description": "fill-in-the-middle: completes between a prefix and a suffix",
            },
        ],
    }
