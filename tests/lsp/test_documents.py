"""Document synchronisation: incremental edits, positions with non-ASCII text, `untitled:`
documents, closing. Each test runs with VS Code's (UTF-16, push) and Neovim's (UTF-8, pull)
capabilities."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import Shared

pytestmark = pytest.mark.asyncio(loop_scope="module")
_uris = itertools.count()

TEXT = (
    "# Ünïcödé 😀 comment\r\n"
    "FROM llama3.2\r\n"
    'SYSTEM """Tu es un assistant 🤖 très\u2028utile."""\r\n'
    "PARAMETER temprature 0.7\r\n"
    "PARAMETER stop 😀é # note\r\n"
    "PARAMETER f16_kv true\n"
    "SYSTEM encore 日本語\n"
)


def uri() -> str:
    return f"untitled:documents-{next(_uris)}"


def summary(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    """What must agree between two diagnostics lists."""
    return [(d.code, d.range, d.severity, d.message) for d in diagnostics]


async def test_positions_after_emoji_and_non_ascii(shared: Shared) -> None:
    session = await shared()
    document = session.open(TEXT, uri())
    found = {d.code: d for d in await session.diagnostics(document)}
    inline = TEXT.index("# note")
    assert found["MF009"].range == session.range(TEXT, inline, inline + len("# note"))
    typo = TEXT.index("temprature")
    assert found["MF101"].range == session.range(TEXT, typo, typo + len("temprature"))
    # U+2028 is not an LSP line break: the typo is on line 3 whatever the encoding.
    assert found["MF101"].range.start.line == 3
    separator = TEXT.index("\u2028")
    assert found["MF008"].range.start == session.position(TEXT, separator)
    # Columns differ between encodings exactly by the units of the emoji and accents.
    line = "PARAMETER stop 😀é "
    assert found["MF009"].range.start.character == session.units(line)


async def test_incremental_edits_match_a_fresh_open(shared: Shared) -> None:
    session = await shared()
    document = session.open(TEXT, uri())
    await session.diagnostics(document)
    text = TEXT
    rng = random.Random(7)
    inserts = ["x", "😀", "é", "\n", "\r\n", '"', "PARAMETER top_k 4\n", "", "# c\n", "\u2028"]
    for step in range(40):
        changes = []
        for _ in range(1 + step % 3):  # one to three changes per notification
            start = rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.choice([0, 0, 1, 3, 12]))
            # Never between the CR and LF of a line break: an editor's cursor cannot be there.
            if text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n":
                continue
            new = rng.choice(inserts)
            changes.append(
                types.TextDocumentContentChangePartial(session.range(text, start, end), new)
            )
            text = text[:start] + new + text[end:]
        session.change(document, *changes)
        if step % 8 == 7:
            expected = await session.diagnostics(session.open(text, uri()))
            assert summary(await session.diagnostics(document)) == summary(expected), step
    session.change(document, types.TextDocumentContentChangeWholeDocument(TEXT))
    expected = await session.diagnostics(session.open(TEXT, uri()))
    assert summary(await session.diagnostics(document)) == summary(expected)


async def test_untitled_and_file_documents(shared: Shared, tmp_path: Path) -> None:
    session = await shared()
    text = "FROM ./weights.gguf\nPARAMETER temprature 0.7\n"
    untitled = await session.diagnostics(session.open(text, uri()))
    saved = await session.diagnostics(session.open(text, (tmp_path / "Modelfile").as_uri()))
    assert [d.code for d in untitled] == ["MF101"]
    # Only a saved document has a folder to resolve `./weights.gguf` against.
    assert sorted(str(d.code) for d in saved) == ["MF101", "MF201"]
    assert str(tmp_path / "weights.gguf") in next(d.message for d in saved if d.code == "MF201")


async def test_close_clears_diagnostics(shared: Shared) -> None:
    session = await shared()
    document = session.open("PARAMETER temprature 0.7\n", uri())
    assert await session.diagnostics(document)
    mark = len(session.recorder.published)
    session.close(document)
    if session.pull:
        report = await session.pull_report(document)
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert list(report.items) == []
    else:
        cleared = await session.recorder.wait(
            lambda: next((p for p in session.recorder.published[mark:] if p.uri == document), None),
            "the clearing publish",
        )
        assert list(cleared.diagnostics) == []


async def test_push_or_pull_follows_the_client(shared: Shared) -> None:
    session = await shared()
    provider = session.result.capabilities.diagnostic_provider
    document = session.open("FROM llama3.2\nPARAMETER temprature 0.7\n", uri())
    if not session.pull:
        assert provider is None
        assert [d.code for d in await session.diagnostics(document)] == ["MF101"]
        return
    assert isinstance(provider, types.DiagnosticOptions)
    assert provider.identifier == "modelfile-ls" and not provider.inter_file_dependencies
    first = await session.pull_report(document)
    assert isinstance(first, types.RelatedFullDocumentDiagnosticReport) and first.result_id
    again = await session.pull_report(document, first.result_id)
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    assert again.result_id == first.result_id
    session.change(
        document,
        types.TextDocumentContentChangePartial(
            types.Range(types.Position(1, 10), types.Position(1, 20)), "temperature"
        ),
    )
    changed = await session.pull_report(document, first.result_id)
    assert isinstance(changed, types.RelatedFullDocumentDiagnosticReport)
    assert list(changed.items) == [] and changed.result_id != first.result_id
    assert not session.recorder.published  # a pulling client is never pushed to


async def test_diagnostic_details_follow_the_client(shared: Shared) -> None:
    session = await shared()
    text = "FROM llama3.2\nSYSTEM a\nSYSTEM b\nPARAMETER f16_kv true\n"
    document = session.open(text, uri())
    found = {d.code: d for d in await session.diagnostics(document)}
    capabilities = session.client.capabilities
    assert capabilities is not None and capabilities.text_document is not None
    publish = capabilities.text_document.publish_diagnostics
    assert publish is not None
    deprecated = found["MF104"]
    assert deprecated.source == "modelfile-ls"
    assert deprecated.severity == types.DiagnosticSeverity.Warning
    assert set(deprecated.tags or ()) == {
        types.DiagnosticTag.Deprecated,
        types.DiagnosticTag.Unnecessary,
    }
    duplicate = found["MF301"]
    assert duplicate.related_information is not None
    [related] = duplicate.related_information
    assert related.location == types.Location(document, session.range(text, 23, 29))
    assert related.message == "the SYSTEM that is used"
    if publish.code_description_support:
        assert deprecated.code_description is not None
        assert deprecated.code_description.href.endswith(f"README.md#{deprecated.code.lower()}")
    else:
        assert deprecated.code_description is None


async def test_many_documents_keep_their_own_state(shared: Shared) -> None:
    session = await shared()
    documents = [session.open(f"FROM llama3.2\nPARAMETER top_k {n}\n", uri()) for n in range(5)]
    broken = session.open("FROM llama3.2\nPARAMETER top_k x\n", uri())
    for document in documents:
        assert await session.diagnostics(document) == []
    assert [d.code for d in await session.diagnostics(broken)] == ["MF105"]
