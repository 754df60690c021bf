"""Chat-format families: the tokens each emits and the names that identify it."""

from modelfile_ls.static_types import Any


def load() -> dict[str, Any]:
    """A fresh copy of these facts."""
    return {
        "_source": "Chat formats of Ollama's library templates (template/*.gotmpl at fb30760) "
        "and the models' tokenizer special tokens; GGUF general.architecture names "
        "from llama.cpp (llama-arch.cpp). Families are the registry catalog's "
        "model_family values.",
        "dialects": [
            {
                "name": "llama3",
                "title": "Llama 3 header",
                "tokens": [
                    "<|start_header_id|>",
                    "<|end_header_id|>",
                    "<|eot_id|>",
                    "<|begin_of_text|>",
                ],
            },
            {"name": "chatml", "title": "ChatML", "tokens": ["<|im_start|>", "<|im_end|>"]},
            {"name": "inst", "title": "Llama 2 / Mistral [INST]", "tokens": ["[INST]", "[/INST]"]},
            {
                "name": "gemma",
                "title": "Gemma turn",
                "tokens": ["<start_of_turn>", "<end_of_turn>"],
            },
            {
                "name": "granite",
                "title": "Granite role",
                "tokens": ["<|start_of_role|>", "<|end_of_role|>"],
            },
            {
                "name": "phi3",
                "title": "Phi-3 / Zephyr role",
                "tokens": ["<|user|>", "<|assistant|>", "<|system|>"],
            },
            {"name": "deepseek", "title": "DeepSeek", "tokens": ["<｜User｜>", "<｜Assistant｜>"]},
            {
                "name": "command-r",
                "title": "Command R turn",
                "tokens": ["<|START_OF_TURN_TOKEN|>", "<|END_OF_TURN_TOKEN|>"],
            },
            {
                "name": "harmony",
                "title": "gpt-oss harmony",
                "tokens": ["<|channel|>", "<|message|>", "<|return|>"],
            },
        ],
        "end_of_sequence": [
            "</s>",
            "<|endoftext|>",
            "<|end_of_text|>",
            "<eos>",
            "<｜end▁of▁sentence｜>",
            "<|end|>",
            "<|return|>",
            "<|END_OF_TURN_TOKEN|>",
        ],
        "families": [
            {
                "name": "Llama",
                "architectures": ["llama", "mllama", "llama4"],
                "dialects": ["llama3", "inst", "phi3"],
            },
            {
                "name": "Qwen",
                "architectures": [
                    "qwen2",
                    "qwen2moe",
                    "qwen3",
                    "qwen3moe",
                    "qwen2vl",
                    "qwen25vl",
                    "qwen3vl",
                    "qwen3vlmoe",
                    "qwen3next",
                    "qwen35",
                    "qwen35moe",
                ],
                "dialects": ["chatml"],
            },
            {
                "name": "Mistral",
                "architectures": ["llama", "mistral3", "mistral"],
                "dialects": ["inst", "phi3"],
            },
            {
                "name": "Gemma",
                "architectures": ["gemma", "gemma2", "gemma3", "gemma3n", "gemma4"],
                "dialects": ["gemma"],
            },
            {
                "name": "Granite",
                "architectures": ["granite", "granitemoe", "granitehybrid"],
                "dialects": ["granite"],
            },
            {"name": "Phi", "architectures": ["phi2", "phi3"], "dialects": ["phi3", "chatml"]},
            {
                "name": "DeepSeek",
                "architectures": ["deepseek2", "llama", "qwen2", "qwen3"],
                "dialects": ["deepseek"],
            },
            {
                "name": "Command",
                "architectures": ["command-r", "cohere2"],
                "dialects": ["command-r"],
            },
            {"name": "GPT-OSS", "architectures": ["gpt-oss"], "dialects": ["harmony"]},
        ],
    }
