"""The Modelfile instructions, their CLI commands and documentation, and MESSAGE's roles."""

from modelfile_ls.static_types import Any


def load() -> dict[str, Any]:
    """A fresh copy of these facts."""
    return {
        "_source": "Ollama parser/parser.go and cmd/cmd.go at fb30760 (v0.33.0-rc2); shared "
        "spec sections 3, 5 and 13.",
        "instructions": [
            {
                "keyword": "FROM",
                "command": "model",
                "added": None,
                "repeat": "several allowed: local files are combined, the last model name wins",
                "summary": "The base model: a model name (`llama3.2`, "
                "`user/model:tag`), a GGUF or safetensors file, or a "
                "directory.",
                "doc": "Required. Paths are resolved relative to the Modelfile's "
                "directory; a path that does not exist is treated as a model "
                "name. Several FROM lines combine local files (a GGUF plus "
                "its projector); if a model name and local files are both "
                "given, the server uses the model name.",
            },
            {
                "keyword": "PARAMETER",
                "command": None,
                "added": None,
                "repeat": "repeatable: `stop` accumulates, other parameters last wins",
                "summary": "Sets a default runtime parameter: `PARAMETER <name> <value>`.",
                "doc": "Names are case-sensitive. The value is converted by the CLI "
                "before the create request (int, float, bool or a list of "
                "stop strings); unknown names fail `ollama create`, "
                "deprecated names are dropped with a warning.",
            },
            {
                "keyword": "TEMPLATE",
                "command": "template",
                "added": None,
                "repeat": "last wins",
                "summary": "The Go text/template used to build the prompt sent to the model.",
                "doc": "Variables include `.System`, `.Prompt`, `.Response`, "
                "`.Messages`, `.Tools`. Validated by the server at create "
                "time. An empty TEMPLATE is not sent, so it cannot clear an "
                "inherited template.",
            },
            {
                "keyword": "SYSTEM",
                "command": "system",
                "added": None,
                "repeat": "last wins",
                "summary": "The default system prompt.",
                "doc": "An empty SYSTEM is not sent, so it does not clear the base "
                "model's system prompt.",
            },
            {
                "keyword": "ADAPTER",
                "command": "adapter",
                "added": None,
                "repeat": "last wins",
                "summary": "A LoRA adapter (file or directory) applied to the base model.",
                "doc": "Must be an existing local path, relative to the Modelfile's "
                "directory; a model name is not allowed. The server supports "
                "one adapter file for GGUF models.",
            },
            {
                "keyword": "LICENSE",
                "command": "license",
                "added": None,
                "repeat": "accumulates",
                "summary": "Licence text of the model.",
                "doc": "Each LICENSE adds an entry; they are appended to licences "
                "inherited from the base model.",
            },
            {
                "keyword": "MESSAGE",
                "command": "message",
                "added": None,
                "repeat": "accumulates, in order",
                "summary": "A message of the conversation history: `MESSAGE <role> "
                "<content>` with role `system`, `user` or `assistant`.",
                "doc": "Roles are case-sensitive. If any MESSAGE is given, all "
                "messages inherited from the base model are replaced.",
            },
            {
                "keyword": "REQUIRES",
                "command": "requires",
                "added": "0.14.0",
                "repeat": "last wins",
                "summary": "The minimum Ollama version the model needs, as semver (`0.14.0`).",
                "doc": "The CLI accepts an optional `v` prefix and validates the "
                "value as semver; ranges like `>=0.14.0` are rejected.",
            },
            {
                "keyword": "DRAFT",
                "command": "draft",
                "added": "0.30.0",
                "repeat": "repeatable, files merge",
                "summary": "A draft model (file or directory) for speculative decoding.",
                "doc": "Must be an existing local path and not the same path as a "
                "local FROM. Not allowed with remote (cloud) models. "
                "Experimental in v0.23.1, fully supported since v0.30.0.",
            },
            {
                "keyword": "RENDERER",
                "command": "renderer",
                "added": "0.12.0",
                "repeat": "last wins",
                "summary": "The name of a built-in prompt renderer used instead of TEMPLATE.",
                "doc": "Stored as given; not validated at create time. Inherited "
                "from the base model when absent.",
            },
            {
                "keyword": "PARSER",
                "command": "parser",
                "added": "0.12.0",
                "repeat": "last wins",
                "summary": "The name of a built-in output parser (tool calls, thinking).",
                "doc": "Stored as given; not validated at create time. Inherited "
                "from the base model when absent.",
            },
        ],
        "known_parsers": [
            "qwen3",
            "qwen3-thinking",
            "qwen3.5",
            "ornith",
            "qwen3-coder",
            "qwen3-vl-instruct",
            "qwen3-vl-thinking",
            "ministral",
            "passthrough",
            "harmony",
            "cogito",
            "deepseek3",
            "olmo3",
            "olmo3-think",
            "nemotron-3-nano",
            "nemotron-3.5-nano",
            "functiongemma",
            "glm-4.7",
            "gemma4",
            "gemma4-no-thinking",
            "glm-ocr",
            "lfm2",
            "lfm2-thinking",
            "laguna",
            "poolside-v1",
            "cohere",
            "glimmer",
        ],
        "known_renderers": [
            "qwen3-coder",
            "qwen3-vl-instruct",
            "qwen3-vl-thinking",
            "qwen3.5",
            "qwen3.8",
            "ornith",
            "cogito",
            "deepseek3.1",
            "olmo3",
            "olmo3.1",
            "olmo3-think",
            "olmo3-32b-think",
            "nemotron-3-nano",
            "nemotron-3.5-nano",
            "gemma4",
            "gemma4-small",
            "gemma4-large",
            "functiongemma",
            "glm-4.7",
            "glm-ocr",
            "lfm2",
            "lfm2-thinking",
            "laguna",
            "poolside-v1",
            "cohere",
            "glimmer",
        ],
        "message_roles": ["system", "user", "assistant"],
        "ollama_version": "0.33.0-rc2",
    }
