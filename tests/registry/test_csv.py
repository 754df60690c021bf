"""The CSV format: reading, validation with line numbers, and byte-identical round trips."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelfile_ls.registry import ModelEntry, Variant, open_registry, reset_registry
from modelfile_ls.registry.capabilities import ollama_capability_names
from modelfile_ls.registry.csvio import CORE_COLUMNS, read_csv, write_csv
from modelfile_ls.registry.csvrows import CsvError
from modelfile_ls.registry.seed import seed_bytes

HEADER = ",".join(CORE_COLUMNS)


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def _errors(data: bytes) -> list[str]:
    with pytest.raises(CsvError) as caught:
        read_csv(data, "in.csv")
    return [str(e) for e in caught.value.errors]


def test_reads_the_reference_format() -> None:
    data = _csv(
        'qwen3-coder,Qwen3 Coder,Qwen,30b,30.5,Q4_K_M,gguf,"Chat,code,tools","coding,large",'
        '"Coder, with a comma"'
    )
    [entry] = read_csv(data)
    assert entry.name == "qwen3-coder"
    assert entry.family == "Qwen"
    assert entry.capabilities == ("chat", "tools", "code")  # vocabulary order
    assert entry.tags == ("coding", "large")
    assert entry.description == "Coder, with a comma"
    assert entry.variants == (Variant("30b", 30.5, None, "Q4_K_M", "gguf", ""),)
    assert entry.latest is None


def test_rows_of_one_model_group_and_extras_become_metadata() -> None:
    header = HEADER + ",publisher,license,context_length,latest,source,confidence,notes"
    rows = [f"m,M,F,1b,1.0,Q4_0,,chat,,d,P,mit,4096,7b,src,high,{note}" for note in ("x", "x")]
    rows[1] = rows[1].replace(",1b,1.0,", ",7b,7.0,").replace(",mit,4096,", ",apache,8192,")
    [entry] = read_csv(_csv(*rows, header=header))
    assert [v.tag for v in entry.variants] == ["1b", "7b"]
    assert entry.variants[1].license == "apache"
    assert entry.variants[1].context_length == 8192
    assert entry.license == "mit"
    assert entry.latest == "7b"
    assert entry.metadata == {"confidence": "high", "notes": "x"}
    assert entry.publisher == "P"


def test_every_bad_row_is_reported_with_its_line() -> None:
    data = _csv(
        "good,Good,F,1b,1.0,,,chat,,ok",
        "bad name,B,F,,,,,,,",
        "m,M,F,1b,lots,,,chat,,",
        "m2,M,F,1b,1,,,chat;tools,,",
        'multi,M,F,1b,1,,,chat,,"line one',
        'line two"',
        "m3,M,F,1b,1,,,flying,,",
        "good,Different,F,3b,3.0,,,chat,,ok",
        "good,Good,F,1b,1.0,,,chat,,ok",
        "short,row",
        "tagged:1b,T,F,,,,,,,",
    )
    errors = _errors(data)
    assert errors[0].startswith("line 3: 'bad name' is not a valid model reference")
    assert "line 4: parameters must be a number (billions of parameters), got 'lots'" in errors
    assert errors[2].startswith("line 5: capability 'chat;tools' is not a name")
    assert "separate capabilities with commas" in errors[2]
    # `flying` on line 8 is a capability name like any other (an open vocabulary).
    assert errors[3].startswith("line 9: display_name 'Different' differs from line 2")
    assert errors[4] == "line 10: duplicate row for good:1b (first at line 2)"
    assert errors[5] == "line 11: expected 10 fields like the header, got 2"
    assert errors[6] == "line 12: name 'tagged:1b' includes a tag; put the tag in model_size"
    assert len(errors) == 7


def test_the_seed_registrys_own_example_row_imports(registry_path: Path) -> None:
    data = _csv(
        'deepseek-r1,DeepSeek R1,DeepSeek,7b,7.6,Q4_K_M,gguf,"chat,code,reasoning,math",'
        '"reasoning,open",Reasoning model'
    )
    [entry] = read_csv(data)
    # Ollama's own capabilities first in their order, then the others by name.
    assert entry.capabilities == ("chat", "code", "math", "reasoning")
    with open_registry(registry_path) as registry:
        registry.import_entries([entry])
        stored = registry.model("deepseek-r1")
        assert stored is not None and stored.capabilities == entry.capabilities
        names = [m.name for m in registry.list_models(capabilities=["math"], limit=None).items]
        assert names == ["deepseek-r1"]
        both = registry.list_models(capabilities=["reasoning", "chat"], limit=None)
        assert [m.name for m in both.items] == ["deepseek-r1"]
        found = registry.list_models(search="math", limit=None).items
        assert "deepseek-r1" in [m.name for m in found]
        counts = {c.name: c for c in registry.capabilities()}
        assert counts["math"].models == 1 and counts["math"].ollama is False
        assert counts["chat"].ollama is True and counts["chat"].description
        assert registry.capability_names()[: len(ollama_capability_names())] == list(
            ollama_capability_names()
        )


def test_capabilities_are_case_folded_and_deduplicated() -> None:
    [entry] = read_csv(_csv('m,M,F,,,,,"Math, reasoning,MATH,Tools",,d'))
    assert entry.capabilities == ("tools", "math", "reasoning")


def test_imported_capabilities_no_model_uses_are_dropped(registry_path: Path) -> None:
    [entry] = read_csv(_csv('m,M,F,,,,,"chat,telepathy",,d'))
    with open_registry(registry_path) as registry:
        registry.import_entries([entry])
        assert "telepathy" in registry.capability_names()
        [again] = read_csv(_csv("m,M,F,,,,,chat,,d"))
        registry.import_entries([again])
        assert "telepathy" not in registry.capability_names()
        assert "insert" in registry.capability_names()  # Ollama's stay, used or not


def test_export_order_does_not_depend_on_import_history(tmp_path: Path) -> None:
    first_path, second_path = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    reset_registry(first_path, empty=True)
    reset_registry(second_path, empty=True)
    with open_registry(first_path) as first:
        first.import_entries(read_csv(_csv('z,Z,F,,,,,"reasoning",,d')))
        first.import_entries(read_csv(_csv('m,M,F,,,,,"math,reasoning,chat",,d')))
        exported = io.StringIO()
        write_csv(first.all_models(), exported)
    with open_registry(second_path) as second:
        second.import_entries(read_csv(exported.getvalue().encode()))
        again = io.StringIO()
        write_csv(second.all_models(), again)
    assert again.getvalue() == exported.getvalue()
    assert '"chat,math,reasoning"' in exported.getvalue()


def test_header_problems() -> None:
    assert _errors(b"") == ["line 1: the file is empty; expected a header line"]
    assert _errors(b"name,display_name\n")[0].startswith("line 1: the header must start with")
    assert _errors(_csv(header=HEADER + ",notes,notes")) == ["line 1: duplicate columns: notes"]


def test_encoding_and_quoting_problems() -> None:
    bad_utf8 = _csv("ok,Ok,F,,,,,,,") + b"x,\xff,F,,,,,,,\n"
    assert _errors(bad_utf8) == ["line 3: not valid UTF-8 (invalid start byte)"]
    unterminated = _csv("ok,Ok,F,,,,,,,", 'x,"open')
    assert _errors(unterminated)[0].startswith("line 3: malformed CSV")
    bom = b"\xef\xbb\xbf" + _csv("ok,Ok,F,,,,,,,")
    assert [e.name for e in read_csv(bom)] == ["ok"]


def test_latest_must_name_a_listed_tag() -> None:
    header = HEADER + ",latest"
    errors = _errors(_csv("m,M,F,1b,,,,,,,2b", header=header))
    assert errors == [
        "line 2: latest '2b' of model 'm' is not one of its model_size values; "
        "use a listed tag, (none) or leave it empty"
    ]
    [entry] = read_csv(_csv("m,M,F,1b,,,,,,,(none)", header=header))
    assert entry.has_latest is False


def test_a_tagless_row_is_a_models_only_row() -> None:
    [entry] = read_csv(_csv("m,M,F,,,,,chat,,d"))
    assert entry.variants == ()
    errors = _errors(_csv("m,M,F,,,,,chat,,d", "m,M,F,1b,,,,chat,,d"))
    assert errors == [
        "line 3: model 'm' mixes a row without model_size with other rows (see line 2); "
        "a model without tags has exactly one row"
    ]


def test_seed_export_import_export_is_byte_identical(registry_path: Path, tmp_path: Path) -> None:
    with open_registry(registry_path) as registry:
        first = io.StringIO()
        write_csv(registry.all_models(), first)
    # A freshly seeded registry exports exactly the shipped seed file.
    assert first.getvalue().encode() == seed_bytes("models.csv")
    other = tmp_path / "other.sqlite3"
    reset_registry(other, empty=True)
    with open_registry(other) as empty:
        assert empty.all_models() == []
        empty.import_entries(read_csv(first.getvalue().encode()))
        second = io.StringIO()
        write_csv(empty.all_models(), second)
    assert second.getvalue() == first.getvalue()


_word = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=","),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
    max_size=40,
).map(str.strip)
_name = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
_variant = st.builds(
    Variant,
    tag=st.from_regex(r"[a-z0-9][a-z0-9._-]{0,9}", fullmatch=True),
    parameters_b=st.none() | st.floats(min_value=0, max_value=1e4, allow_nan=False),
    context_length=st.none() | st.integers(min_value=1, max_value=10**7),
    quantization=st.sampled_from(["", "Q4_K_M", "F16"]),
    file_format=st.sampled_from(["", "gguf"]),
    license=st.sampled_from(["", "mit", "apache-2.0"]),
)


_CAPABILITIES = [*ollama_capability_names(), "reasoning", "math", "long-context"]


@st.composite
def _entries(draw: st.DrawFn) -> list[ModelEntry]:
    names = draw(st.lists(_name, min_size=1, max_size=5, unique_by=str.lower))
    entries = []
    for name in names:
        variants = draw(st.lists(_variant, max_size=4, unique_by=lambda v: v.tag.lower()))
        latest = draw(st.sampled_from([None, "(none)", *[v.tag for v in variants]]))
        entries.append(
            ModelEntry(
                name=name,
                display_name=draw(_text) or name,
                family=draw(st.sampled_from(["", "Llama", "Qwen"])),
                publisher=draw(_text),
                description=draw(_text),
                license=variants[0].license if variants else draw(st.sampled_from(["", "mit"])),
                source=draw(_text),
                latest=latest,
                capabilities=tuple(draw(st.lists(st.sampled_from(_CAPABILITIES), unique=True))),
                tags=tuple(draw(st.lists(_word, max_size=3, unique_by=str.lower))),
                metadata=draw(st.dictionaries(st.sampled_from(["confidence", "notes"]), _word)),
                variants=tuple(variants),
            )
        )
    return entries


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=_entries())
def test_any_entries_round_trip_through_csv(entries: list[ModelEntry]) -> None:
    first = io.StringIO()
    write_csv(entries, first)
    read = read_csv(first.getvalue().encode())
    second = io.StringIO()
    write_csv(read, second)
    assert second.getvalue() == first.getvalue()
    assert [e.name for e in read] == [e.name for e in entries]
    assert [e.variants for e in read] == [e.variants for e in entries]


def test_ollamas_capabilities_are_named_in_one_place_only() -> None:
    """The capability facts list them; no other module restates the vocabulary."""
    names = set(ollama_capability_names())
    package = Path(__file__).resolve().parents[2] / "modelfile_ls"
    facts = package / "facts" / "data" / "capabilities.py"
    assert names <= {
        node.value
        for node in ast.walk(ast.parse(facts.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
    }
    for path in set(package.rglob("*.py")) - {facts}:
        literals = {
            node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        restated = names & literals - {"completion", "chat", "tools", "code"}
        assert len(restated) < 2, f"{path} restates the capability vocabulary: {restated}"
