"""Facts about the Modelfile language: parameters and instructions, read from package data.

The modules of `data/` are the single source of these facts: rules read them through
this module, and the registry seeds its tables from the same modules.
"""

from modelfile_ls.light_stdlib import cache
from modelfile_ls.static_types import Any, Literal, NamedTuple

ParameterType = Literal["int", "float", "bool", "string_list"]
ParameterStatus = Literal["current", "deprecated", "removed"]


def number_text(value: float | None) -> str:
    """A bound or default as written in a Modelfile: `1`, `0.9`; "" for none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ParameterFact(NamedTuple):
    """One PARAMETER name as Ollama's CLI knows it."""

    name: str
    type: ParameterType
    default: int | float | bool | None
    default_text: str
    minimum: float | None
    maximum: float | None
    description: str
    added: str | None
    deprecated: str | None
    removed: str | None
    aliases: tuple[str, ...]
    choices: tuple[str, ...] = ()
    """The values a string parameter accepts, when a registry import named them (the shipped
    facts name none)."""

    @property
    def range_text(self) -> str:
        """The accepted values as every listing shows them: the choices (`a|b`), else the
        range (`0..1`, `>= 1`, `<= 5`), or "" when unconstrained."""
        if self.choices:
            return "|".join(self.choices)
        low, high = number_text(self.minimum), number_text(self.maximum)
        if low and high:
            return f"{low}..{high}"
        if low:
            return f">= {low}"
        if high:
            return f"<= {high}"
        return ""

    @property
    def status(self) -> ParameterStatus:
        """Whether `ollama create` accepts, warns about and drops, or rejects the name."""
        if self.removed:
            return "removed"
        if self.deprecated:
            return "deprecated"
        return "current"


class InstructionFact(NamedTuple):
    """One Modelfile instruction keyword."""

    keyword: str
    command: str | None
    added: str | None
    repeat: str
    summary: str
    doc: str

    @property
    def single_valued(self) -> bool:
        """One value is sent and the last instruction wins (the facts' `repeat` is exactly
        `last wins`; MESSAGE, LICENSE and DRAFT accumulate, FROM and PARAMETER have their
        own rules)."""
        return self.repeat == "last wins"


class TemplateName(NamedTuple):
    """One name of the TEMPLATE language: a variable, a field, a function or an action."""

    name: str
    signature: str
    doc: str
    scope: str
    """`variable` (top level), a field's owner (`message`, `tool call`, `tool`), `function`
    (Go's text/template), `Ollama function` or `action`."""


class TemplateFacts(NamedTuple):
    """What Ollama's TEMPLATE may use, by kind, in documentation order."""

    variables: dict[str, TemplateName]
    fields: dict[str, TemplateName]
    functions: dict[str, TemplateName]
    actions: dict[str, TemplateName]


class LanguageFacts(NamedTuple):
    """Everything the analysis knows about the language, independent of installed models."""

    parameters: dict[str, ParameterFact]
    instructions: dict[str, InstructionFact]
    known_parsers: frozenset[str]
    known_renderers: frozenset[str]
    message_roles: tuple[str, ...]
    ollama_version: str

    @property
    def template(self) -> TemplateFacts:
        """The template language's names, read when first asked for: only a TEMPLATE needs
        them, and reading them was a twentieth of a `--check`'s imports."""
        return template_facts()

    def parameter(self, name: str) -> ParameterFact | None:
        """The fact for an exact (case-sensitive) parameter name, if Ollama ever had it."""
        return self.parameters.get(name)

    def alias_of(self, name: str) -> ParameterFact | None:
        """The current parameter another tool's name (`max_tokens`) corresponds to."""
        lowered = name.lower()
        return next((p for p in self.parameters.values() if lowered in p.aliases), None)

    def current_parameters(self) -> list[ParameterFact]:
        """Parameters `ollama create` accepts today, in documentation order."""
        return [p for p in self.parameters.values() if p.status == "current"]


def read_facts(subject: str) -> dict[str, Any]:
    """A fresh copy of one subject's facts (`parameters`, `instructions`, `template`,
    `families`, `capabilities`: the modules of `modelfile_ls/facts/data`)."""
    # `__import__` (with a from-list it returns the submodule itself), not
    # `importlib.import_module`: `importlib` and its `warnings` were ~0.3 ms of a `--check`.
    module = __import__(f"{__name__}.data.{subject}", fromlist=("load",))
    facts: dict[str, Any] = module.load()
    return facts


@cache
def _instructions_data() -> dict[str, Any]:
    return read_facts("instructions")


def instruction_commands() -> dict[str, str]:
    """Ollama's internal command name of each instruction (`model` for FROM) to its keyword."""
    instructions = _instructions_data()["instructions"]
    return {i["command"]: i["keyword"] for i in instructions if i["command"]}


def message_roles() -> tuple[str, ...]:
    """The MESSAGE roles Ollama accepts, in the order its error message names them."""
    return tuple(_instructions_data()["message_roles"])


@cache
def language_facts() -> LanguageFacts:
    """The parsed language facts (loaded once per process)."""
    params = read_facts("parameters")["parameters"]
    instr = _instructions_data()
    return LanguageFacts(
        parameters={
            p["name"]: ParameterFact(
                name=p["name"],
                type=p["type"],
                default=p["default"],
                default_text=p["default_text"],
                minimum=p["min"],
                maximum=p["max"],
                description=p["description"],
                added=p["added"],
                deprecated=p["deprecated"],
                removed=p["removed"],
                aliases=tuple(p["aliases"]),
            )
            for p in params
        },
        # The instruction facts' keys are InstructionFact's fields, one for one.
        instructions={i["keyword"]: InstructionFact(**i) for i in instr["instructions"]},
        known_parsers=frozenset(instr["known_parsers"]),
        known_renderers=frozenset(instr["known_renderers"]),
        message_roles=message_roles(),
        ollama_version=instr["ollama_version"],
    )


@cache
def template_facts() -> TemplateFacts:
    """The template language's variables, fields, functions and actions (read once)."""
    data = read_facts("template")

    def names(kind: str) -> dict[str, TemplateName]:
        return {item["name"]: TemplateName(**item) for item in data[kind]}

    return TemplateFacts(names("variables"), names("fields"), names("functions"), names("actions"))
