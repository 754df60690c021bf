"""inlay_hints(): defaults that need not be written, the model's context length."""

from __future__ import annotations

from modelfile_ls.features import InlayHintResult, inlay_hints
from modelfile_ls.registry import Registry
from modelfile_ls.syntax import Span, parse

TEXT = (
    "FROM llama3.2\nPARAMETER temperature 0.8\nPARAMETER top_k 41\n"
    'PARAMETER repeat_penalty "1.0"\nSYSTEM 😀\nPARAMETER num_ctx 8192\nPARAMETER mirostat 0\n'
)


def test_defaults_without_registry() -> None:
    hints = inlay_hints(parse(TEXT), Span(0, len(TEXT)))
    assert [(TEXT[: h.offset].splitlines()[-1], h.label) for h in hints] == [
        ("PARAMETER temperature 0.8", "default"),
        ('PARAMETER repeat_penalty "1.0"', "default"),
    ]
    assert hints[0].kind == "Parameter"
    assert "0.8 is Ollama's default for temperature" in hints[0].tooltip


def test_context_length_of_the_base_model(registry: Registry) -> None:
    hints = inlay_hints(parse(TEXT), Span(0, len(TEXT)), registry=registry)
    context = hints[-1]
    assert context == InlayHintResult(
        TEXT.index("8192") + 4,
        "model max 128K",
        "Type",
        "llama3.2:latest supports a context of up to 131,072 tokens",
    )


def test_only_the_requested_range() -> None:
    start = TEXT.index("PARAMETER repeat")
    hints = inlay_hints(parse(TEXT), Span(start, start + 5))
    assert [h.offset for h in hints] == [TEXT.index('"1.0"') + 5]


def test_unknown_model_has_no_context_hint(registry: Registry) -> None:
    text = "FROM no-such-model\nPARAMETER num_ctx 8192\n"
    assert inlay_hints(parse(text), Span(0, len(text)), registry=registry) == []
