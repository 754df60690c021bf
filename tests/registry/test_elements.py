"""Modelfile elements: splitting, canonical rendering, storage by hash, composing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelfile_ls.registry import NotFoundError, Registry
from modelfile_ls.registry.elements import (
    ElementDraft,
    compose,
    from_reference,
    render_instruction,
    split,
    to_text,
)
from modelfile_ls.syntax import parse
from modelfile_ls.syntax.ollama_view import ollama_verdict

CODER = '''# a coding assistant
FROM qwen2.5-coder:7b
PARAMETER temperature 0.2
SYSTEM """You write "small" functions.
Explain briefly."""
PARAMETER stop "<|im_end|>"
MESSAGE user Hello
MESSAGE assistant Hi!
LICENSE MIT
LICENSE """Second
licence"""
'''


def test_split_groups_parameters_and_messages() -> None:
    drafts = split(parse(CODER))
    assert [d.kind for d in drafts] == [
        "from",
        "parameters",
        "system",
        "messages",
        "license",
        "license",
    ]
    assert drafts[1].content == "PARAMETER temperature 0.2\nPARAMETER stop <|im_end|>"
    assert drafts[2].content == 'SYSTEM """You write "small" functions.\nExplain briefly."""'
    assert drafts[3].content == "MESSAGE user Hello\nMESSAGE assistant Hi!"


def test_same_meaning_same_hash() -> None:
    a = split(parse('FROM x\nSYSTEM "Be terse."\n'))
    b = split(parse("FROM x\nSYSTEM Be terse.\n"))
    c = split(parse('FROM x\nSYSTEM """Be terse."""\n'))
    assert a[1] == b[1] == c[1]
    assert a[1].hash == c[1].hash


def test_parameter_named_after_an_instruction_acts_as_it() -> None:
    drafts = split(parse("FROM x\nPARAMETER system hi there\n"))
    assert drafts[1] == ElementDraft("system", "PARAMETER system hi there")


def test_composed_text_means_what_the_original_meant() -> None:
    original = parse(CODER)
    text = to_text(compose(split(original), []))
    assert ollama_verdict(parse(text)) == _sorted_verdict(CODER)


def _sorted_verdict(text: str) -> dict[str, object]:
    order = ["model", "system", "temperature", "stop", "license", "message"]
    verdict = ollama_verdict(parse(text))
    commands = verdict["commands"]
    assert isinstance(commands, list)
    commands.sort(key=lambda c: order.index(c["name"]) if c["name"] in order else 2)
    return verdict


def test_compose_replaces_same_kind_and_adds_licenses() -> None:
    base = split(parse(CODER))
    other = split(parse('FROM llama3.2\nSYSTEM "Be terse."\nLICENSE Apache\n'))
    result = compose(base, [other[1], other[2], from_reference("llama3.2:1b")])
    text = to_text(result)
    assert text.startswith("FROM llama3.2:1b\n\nSYSTEM Be terse.\n\nPARAMETER temperature 0.2\n")
    assert text.count("LICENSE") == 3
    assert "qwen2.5-coder" not in text
    assert parse(text).ollama_error is None


@pytest.mark.parametrize(
    "value",
    ["plain", " padded ", "two\nlines", 'has "quotes"', 'ends with"', "", '"', 'a"\nb"'],
)
def test_render_reads_back(value: str) -> None:
    for source in (f'SYSTEM """{value}"""\n', f'SYSTEM "{value}"\n', f"SYSTEM {value}\n"):
        parsed = parse("FROM x\n" + source)
        if parsed.problems:
            continue
        instruction = parsed.instructions[1]
        again = parse(render_instruction(instruction) + "\n").instructions[0]
        assert again.value is not None and instruction.value is not None
        assert again.value.text == instruction.value.text


@given(st.text(alphabet=st.sampled_from('ab "\n\t#'), max_size=12))
def test_any_accepted_value_renders_back(text: str) -> None:
    for source in (f'SYSTEM """{text}"""\n', f'SYSTEM "{text}"\n', f"SYSTEM {text}\n"):
        parsed = parse(source)
        if parsed.problems or len(parsed.instructions) != 1:
            continue
        instruction = parsed.instructions[0]
        rendered = parse(render_instruction(instruction) + "\n")
        assert not rendered.problems
        assert [i.value.text if i.value else "" for i in rendered.instructions] == [
            instruction.value.text if instruction.value else ""
        ]


def test_from_reference_rejects_what_cannot_follow_from() -> None:
    assert from_reference("hf.co/x/y:Q4").content == "FROM hf.co/x/y:Q4"
    assert from_reference("my model").content == "FROM my model"
    with pytest.raises(ValueError, match="cannot use"):
        from_reference('"""')


def test_saving_stores_each_element_once(registry: Registry) -> None:
    first = registry.save_modelfile("coder", "/p/coder", CODER.encode(), parse(CODER))
    assert first.new_elements == 6
    assert [e.name for e in first.modelfile.elements] == [
        "coder/from",
        "coder/parameters",
        "coder/system",
        "coder/messages",
        "coder/license",
        "coder/license-2",
    ]
    variant = CODER.replace("qwen2.5-coder:7b", "llama3.2")
    second = registry.save_modelfile("coder-llama", "/p/x", variant.encode(), parse(variant))
    assert second.new_elements == 1
    shared = registry.element("coder/system")
    assert shared.uses == 2
    assert [e.name for e in registry.elements("from")] == ["coder-llama/from", "coder/from"]
    assert [m.name for m in registry.modelfiles()] == ["coder", "coder-llama"]


def test_saving_again_replaces_the_element_list(registry: Registry) -> None:
    registry.save_modelfile("m", "/p", b"FROM a\nSYSTEM one\n", parse("FROM a\nSYSTEM one\n"))
    again = registry.save_modelfile(
        "m", "/p", b"FROM a\nSYSTEM two\n", parse("FROM a\nSYSTEM two\n")
    )
    assert [e.name for e in again.modelfile.elements] == ["m/from", "m/system-2"]
    assert registry.element("m/system").uses == 0  # kept: other files may compose from it


def test_refuses_what_ollama_rejects(registry: Registry) -> None:
    with pytest.raises(ValueError, match="no FROM line"):
        registry.save_modelfile("x", "/p", b"SYSTEM hi\n", parse("SYSTEM hi\n"))


def test_element_lookup(registry: Registry) -> None:
    saved = registry.save_modelfile("m", "/p", b"FROM a\n", parse("FROM a\n")).modelfile
    element = saved.elements[0]
    assert registry.element(str(element.id)) == element
    assert registry.element("m/from") == element
    assert registry.element(element.hash[:8]) == element
    with pytest.raises(NotFoundError, match="no element"):
        registry.element("nope")
    with pytest.raises(NotFoundError, match="no element"):
        registry.element(element.hash[:5])
