"""MF405 adapter-family-mismatch: the ADAPTER was trained for another model family than FROM.

Why: a LoRA adapter changes the weights of the exact base model it was trained on. Applied to
a model of another family (a Llama adapter on a Qwen model) it either fails when the model
loads or silently produces nonsense; `ollama create` accepts it. The adapter's base comes from
its GGUF header (`general.architecture`) or its `adapter_config.json`
(`base_model_name_or_path`); the FROM model's from its GGUF header or, for a model name, the
registry's family. Unknown on either side, the rule stays silent.

Example: `FROM qwen2.5:7b` with `ADAPTER ./llama3-lora.gguf`
Fix: use the adapter with the base model it was trained on.
"""

from __future__ import annotations

import os

from modelfile_ls.analysis.families import Family, family_facts
from modelfile_ls.analysis.finding import Finding, Related, Severity
from modelfile_ls.analysis.gguf import gguf_architecture
from modelfile_ls.analysis.references import Reference
from modelfile_ls.analysis.rule import DocumentRule, RuleContext
from modelfile_ls.static_types import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator


class Base(NamedTuple):
    """What a model or adapter is built for: an exact architecture, or a family."""

    description: str
    architectures: frozenset[str]


def check(context: RuleContext, rule: DocumentRule) -> Iterator[Finding]:
    """Report the ADAPTER that is sent when its base cannot be the FROM model."""
    adapters = [r for r in context.references if r.keyword == "ADAPTER" and r.is_local]
    if not adapters:
        return
    adapter = adapters[-1]  # each ADAPTER replaces the one before: only the last is used
    trained_for = _adapter_base(adapter)
    model = _model_base(context)
    if trained_for is None or model is None or trained_for.architectures & model.architectures:
        return
    value = adapter.instruction.value
    assert value is not None
    yield rule.finding(
        value.content_span,
        f"this adapter was trained for {trained_for.description}, but FROM is"
        f" {model.description}: a LoRA only fits the base model it was trained on",
        related=[Related(context.references[0].instruction.keyword_span, "the base model")],
    )


def _adapter_base(adapter: Reference) -> Base | None:
    """The base of an adapter file, or of an adapter directory's first GGUF or config."""
    assert adapter.local is not None and adapter.local.path is not None
    path = adapter.local.path
    if os.path.isfile(path):
        return _architecture_base(gguf_architecture(path))
    config = os.path.join(path, "adapter_config.json")
    if os.path.isfile(config):
        return _config_base(config)
    # Lazy: only a reference to a directory globs (model_files.py says why).
    from modelfile_ls.analysis.model_files import go_glob

    for candidate in go_glob(path, "*.gguf"):
        return _architecture_base(gguf_architecture(candidate))
    return None


def _model_base(context: RuleContext) -> Base | None:
    """The FROM model's base: the registry's family for a model name, the GGUF header of
    the first local FROM file otherwise."""
    reference = context.model_reference
    if reference is not None:
        model = context.base_model
        if model is None or not model.family:
            return None
        family = family_facts().family(model.family)
        if family is not None:
            return _family_base(family)
        return _architecture_base(model.family)
    for source in context.references:
        if source.keyword == "FROM" and source.local is not None and source.local.kind == "file":
            assert source.local.path is not None
            return _architecture_base(gguf_architecture(source.local.path))
    return None


def _architecture_base(architecture: str | None) -> Base | None:
    if not architecture:
        return None
    return Base(f"`{architecture}` models", frozenset({architecture.lower()}))


def _family_base(family: Family) -> Base:
    return Base(f"a {family.name} model", family.architectures)


def _config_base(config: str) -> Base | None:
    """The family named in a PEFT `adapter_config.json` (exactly one, or unknown)."""
    # Imported here: only an ADAPTER folder with a PEFT config needs them, and both are off
    # the `--check` path (bench/lazy_imports.py, "check path: json", "check path: re").
    import json
    import re

    try:
        with open(config, encoding="utf-8") as stream:
            data = json.loads(stream.read())
    except (OSError, ValueError):
        return None
    name = data.get("base_model_name_or_path") if isinstance(data, dict) else None
    if not isinstance(name, str):
        return None
    named = [
        family
        for family in family_facts().families.values()
        if re.search(rf"(?<![a-z]){re.escape(family.name.lower())}(?![a-z])", name.lower())
    ]
    if len(named) != 1:
        return None
    return Base(f"`{name}` ({named[0].name})", named[0].architectures)


RULE = DocumentRule("MF405", "adapter-family-mismatch", Severity.WARNING, __doc__ or "", check)
