"""Documentation blocks shared by hover and completion: instructions, parameters, template names,
rules, models. Every fact comes from `facts`, the rule catalog or the registry."""

from __future__ import annotations

import math
import struct

from modelfile_ls.analysis.rule import Rule
from modelfile_ls.facts import InstructionFact, ParameterFact, ParameterType
from modelfile_ls.features.markup import Markup, code, plain
from modelfile_ls.features.models import ModelInfo, context_text, library_url, size_text
from modelfile_ls.features.template_docs import TemplateName
from modelfile_ls.modelname import ModelName
from modelfile_ls.registry import ModelMatch


def _float32(value: float) -> float:
    (rounded,) = struct.unpack("f", struct.pack("f", value))
    return float(rounded)


def converted_text(kind: ParameterType, value: int | float | bool | str | None) -> str:
    """A converted PARAMETER value as Go prints it: `true`, `4096`, `0.8` (shortest float32)."""
    if isinstance(value, bool):
        return str(value).lower()
    if kind == "float" and isinstance(value, float) and math.isfinite(value):
        # Go formats a float32 with the fewest digits that read back as the same float32.
        for digits in range(1, 10):
            text = f"{value:.{digits}g}"
            if _float32(float(text)) == value:
                return text
    return str(value)


def is_default(fact: ParameterFact, value: int | float | bool | str | None) -> bool:
    """Whether a converted value equals the parameter's default (compared as float32)."""
    default = fact.default
    if default is None or value is None:
        return False
    if fact.type == "float" and isinstance(value, float):
        return _float32(float(default)) == value
    return value == default and type(value) is type(default)


def version_note(fact: ParameterFact) -> str:
    """When Ollama added, deprecated or removed a parameter, and what that means today."""
    if fact.removed:
        return f"removed in Ollama {fact.removed}: `ollama create` fails with `unknown parameter`"
    if fact.deprecated:
        return f"deprecated since Ollama {fact.deprecated}: dropped with a warning, no effect"
    if fact.added:
        return f"since Ollama {fact.added}"
    return ""


def parameter_detail(fact: ParameterFact) -> str:
    """One line: type, default, range and status (`float · default 0.8 · 0..1`)."""
    parts = [fact.type.replace("string_list", "string, repeatable")]
    if fact.default is not None:
        parts.append(f"default {str(fact.default).lower()}")
    if fact.range_text:
        parts.append(fact.range_text)
    if fact.status != "current" or fact.added:
        parts.append(plain(version_note(fact)).split(":")[0])
    return " · ".join(parts)


def parameter_markup(fact: ParameterFact) -> Markup:
    """Everything known about a parameter."""
    doc = Markup()
    doc.add(
        f"**PARAMETER {code(fact.name)}** ({fact.type})", f"PARAMETER {fact.name} ({fact.type})"
    )
    doc.add(fact.description)
    rows = [("Default", fact.default_text, fact.default_text)]
    if fact.range_text:
        rows.append(("Range", code(fact.range_text), fact.range_text))
    if version_note(fact):
        rows.append(("Version", version_note(fact), plain(version_note(fact))))
    if fact.aliases:
        names = ", ".join(fact.aliases)
        rows.append(("Other tools call it", ", ".join(code(a) for a in fact.aliases), names))
    doc.facts(rows)
    return doc


def instruction_markup(fact: InstructionFact) -> Markup:
    """An instruction's documentation."""
    doc = Markup()
    doc.add(f"**{fact.keyword}**: {fact.summary}")
    doc.add(fact.doc)
    rows = [("Repeated", fact.repeat, plain(fact.repeat))]
    if fact.added:
        rows.append(("Since", f"Ollama {fact.added}", f"Ollama {fact.added}"))
    doc.facts(rows)
    return doc


def template_markup(entry: TemplateName) -> Markup:
    """A template variable, field, function or action."""
    doc = Markup()
    shown = f".{entry.name}" if entry.scope not in ("function", "Ollama function", "action") else ""
    title = shown or entry.name
    owner = f"field of a {entry.scope}" if entry.scope in ("message", "tool call", "tool") else ""
    kind = owner or entry.scope
    doc.add(
        f"{code(title)}: {code(entry.signature)} ({kind})", f"{title}: {entry.signature} ({kind})"
    )
    doc.add(entry.doc)
    return doc


def rule_markup(rule: Rule) -> Markup:
    """A rule's documentation (its module docstring)."""
    doc = Markup()
    doc.add(f"**{rule.code}** {code(rule.name)} ({rule.severity.label})")
    summary, _, rest = rule.description.partition("\n")
    doc.add(summary)
    if rest.strip():
        doc.add(rest.strip())
    return doc


def model_match_detail(match: ModelMatch) -> str:
    """One line for a model candidate: installed, family, size, context."""
    parts = ["installed" if match.installed else ""]
    parts += [match.family, size_text(match.parameters_b), context_text(match.context_length)]
    return " · ".join(p for p in parts if p)


def model_match_markup(match: ModelMatch) -> Markup:
    """A model candidate's description and capabilities."""
    doc = Markup()
    title = match.display_name or match.name
    doc.add(f"**{code(title)}**", title)
    if match.description:
        doc.add(code(match.description) if "`" in match.description else match.description)
    if match.capabilities:
        doc.facts([("Capabilities", ", ".join(match.capabilities), ", ".join(match.capabilities))])
    return doc


def model_markup(written: str, name: ModelName, info: ModelInfo | None) -> Markup:
    """Hover text for a FROM model: the name's parts, and registry facts when known."""
    doc = Markup()
    doc.add(f"**Model** {code(name.short)}", f"Model {name.short}")
    if name.short != written:
        doc.add(f"Ollama reads {code(written)} as {code(name.short)}.")
    if name.is_remote:
        doc.add("A cloud model: Ollama runs it remotely.")
    url = library_url(name)
    if info is None:
        if url is not None:
            doc.add(f"[{url}]({url})", url)
        return doc
    record, variant = info.record, info.variant
    if record is not None and record.description:
        doc.add(record.description.replace("`", "'"))
    rows: list[tuple[str, str, str]] = []
    if record is not None:
        if record.family:
            rows.append(("Family", record.family, record.family))
        sizes = ", ".join(
            f"{v.tag} ({size_text(v.parameters_b)})" if v.parameters_b else v.tag
            for v in record.variants
        )
        if sizes:
            rows.append(("Tags", sizes, sizes))
    if variant is not None and variant.parameters_b is not None:
        rows.append(("Size", size_text(variant.parameters_b), size_text(variant.parameters_b)))
    if info.context_length is not None:
        tokens = f"{info.context_length:,} tokens"
        rows.append(("Context length", tokens, tokens))
    if record is not None and record.capabilities:
        caps = ", ".join(record.capabilities)
        rows.append(("Capabilities", caps, caps))
    licence = (variant.license if variant is not None else "") or (record.license if record else "")
    if licence:
        rows.append(("License", licence, licence))
    rows.append(_installed_row(info))
    best = info.best_here
    if best is not None:
        text = f"{best.value:g} tokens/s" + (f" ({best.tag})" if best.tag else "")
        rows.append(("Best on this machine", text, text))
    speeds = [m for m in info.metrics if "tokens_per_second" in m.metric][:3]
    for metric in speeds:
        where = ", ".join(p for p in (metric.tag, metric.hardware) if p)
        text = f"{metric.value:g} tokens/s" + (f" ({where})" if where else "")
        rows.append(("Measured", text, text))
    doc.facts(rows)
    if url is not None:
        doc.add(f"[{url}]({url})", url)
    return doc


def _installed_row(info: ModelInfo) -> tuple[str, str, str]:
    if info.installed is None:
        text = "unknown (no inventory synced from Ollama)"
    elif info.installed:
        text = "yes"
    elif info.installed_tags:
        text = "no; installed tags: " + ", ".join(info.installed_tags)
    else:
        text = "no"
    return ("Installed", text, text)
