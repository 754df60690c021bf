"""Model-family facts for the combination checks (MF4xx): the special tokens of each chat
format, which formats and GGUF architectures each family uses, and the end-of-sequence tokens
a model emits without its template naming them. Read from `facts/data/families.py`."""

from modelfile_ls.analysis.catalog import ModelFacts
from modelfile_ls.facts import read_facts
from modelfile_ls.light_stdlib import cache, lru_cache
from modelfile_ls.static_types import NamedTuple


class Dialect(NamedTuple):
    """A chat format, recognised by special tokens no other format uses."""

    name: str
    title: str
    tokens: tuple[str, ...]


class Family(NamedTuple):
    """A model family of the registry catalog (`Llama`, `Qwen`)."""

    name: str
    architectures: frozenset[str]
    """GGUF `general.architecture` values its models (and adapters for them) carry."""
    dialects: frozenset[str]


class TokenUse(NamedTuple):
    """The first token of a dialect found in a text."""

    dialect: Dialect
    token: str
    offset: int


class FamilyFacts:
    """Everything `facts/data/families.py` says (one object per process, compared by identity)."""

    def __init__(
        self,
        dialects: dict[str, Dialect],
        families: dict[str, Family],
        end_of_sequence: frozenset[str],
    ) -> None:
        self.dialects = dialects
        self.families = families
        """By lower-case name."""
        self.end_of_sequence = end_of_sequence

    def family(self, name: str) -> Family | None:
        """The family of this name (case-insensitive), or None when the facts do not know it."""
        return self.families.get(name.lower())

    def with_architecture(self, architecture: str) -> list[Family]:
        """The families whose models may carry this GGUF architecture."""
        return [f for f in self.families.values() if architecture.lower() in f.architectures]

    @lru_cache(maxsize=64)
    def dialects_in(self, text: str) -> tuple[TokenUse, ...]:
        """The chat formats whose special tokens occur in `text`, by first occurrence.

        Kept for the texts seen last: the TEMPLATE, and the FROM model's own template, are
        searched again on every keystroke and rarely change between them."""
        found = []
        for dialect in self.dialects.values():
            hits = [(text.find(token), token) for token in dialect.tokens if token in text]
            if hits:
                offset, token = min(hits)
                found.append(TokenUse(dialect, token, offset))
        return tuple(sorted(found, key=lambda use: use.offset))

    def model_dialects(self, model: ModelFacts) -> frozenset[str] | None:
        """The chat formats a model is known to speak: its family's, plus those its own
        template and stop sequences use; None when nothing is known."""
        known: set[str] = set()
        family = self.family(model.family) if model.family else None
        if family is not None:
            known |= family.dialects
        elif model.family:
            for candidate in self.with_architecture(model.family):
                known |= candidate.dialects
        evidence = model.template + "\n".join(model.stop)
        known |= {use.dialect.name for use in self.dialects_in(evidence)}
        return frozenset(known) if known else None


@cache
def family_facts() -> FamilyFacts:
    """The family facts (loaded once per process)."""
    data = read_facts("families")
    dialects = {
        d["name"]: Dialect(d["name"], d["title"], tuple(d["tokens"])) for d in data["dialects"]
    }
    families = {
        f["name"].lower(): Family(
            f["name"], frozenset(a.lower() for a in f["architectures"]), frozenset(f["dialects"])
        )
        for f in data["families"]
    }
    return FamilyFacts(dialects, families, frozenset(data["end_of_sequence"]))
