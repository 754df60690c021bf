"""Location, first-use seeding, migrations from every earlier version, refresh, corruption."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from modelfile_ls.registry import RegistryError, default_path, open_registry, reset_registry
from modelfile_ls.registry import seed as seed_module
from modelfile_ls.registry.build_seed import build
from modelfile_ls.registry.build_seed import main as build_main
from modelfile_ls.registry.capabilities import ollama_capability_names
from modelfile_ls.registry.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from modelfile_ls.registry.seed import STAMP_KEY, get_meta, seed_bytes
from tests.conftest import SHARED

CATALOG = SHARED / "catalog"


def test_default_location_is_the_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from modelfile_ls.registry import resolve_path

    expected = Path(platformdirs.user_data_dir("modelfile-ls", appauthor=False))
    assert default_path() == expected / "registry.sqlite3"
    monkeypatch.delenv("MODELFILE_LS_REGISTRY")
    assert resolve_path() == default_path()
    monkeypatch.setenv("MODELFILE_LS_REGISTRY", "/somewhere/r.db")
    assert resolve_path() == Path("/somewhere/r.db")
    assert resolve_path("/explicit.db") == Path("/explicit.db")


def test_first_use_creates_and_seeds_without_network(registry_path: Path) -> None:
    assert not registry_path.exists()
    with open_registry() as registry:  # resolved from $MODELFILE_LS_REGISTRY
        assert registry.path == registry_path
        assert registry.stats()["models"] == 140
        mode = registry.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        timeout = registry.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        assert timeout >= 5000
    assert user_version(sqlite3.connect(registry_path)) == SCHEMA_VERSION


def _populate(conn: sqlite3.Connection, version: int) -> None:
    """Data a user could have had at `version`: an imported model, and later features' rows."""
    conn.execute(
        "INSERT INTO models (name, display_name, origin, updated_at) "
        "VALUES ('mine', 'Mine', 'import', 'then')"
    )
    conn.execute(
        "INSERT INTO variants (model_id, tag, position, parameters_b) "
        "SELECT id, '7b', 0, 7.0 FROM models WHERE name = 'mine'"
    )
    conn.execute(
        "INSERT INTO models (name, display_name, origin, updated_at) "
        "VALUES ('llama3.2', 'Stale seed row', 'seed', 'then')"
    )
    if version >= 2:
        conn.execute(
            "INSERT INTO installs (host, name, model, tag, digest, size, modified_at, synced_at) "
            "VALUES ('http://h:1', 'mine:7b', 'mine', '7b', 'd', 1, '', 'then')"
        )
    if version >= 3:
        conn.execute(
            "INSERT INTO elements (hash, kind, name, content, created_at) "
            "VALUES ('h', 'system', 'a/system', 'SYSTEM hi', 'then')"
        )


@pytest.mark.parametrize("version", range(SCHEMA_VERSION + 1))
def test_migrates_forward_from_every_earlier_version(registry_path: Path, version: int) -> None:
    registry_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(registry_path, isolation_level=None)
    conn.execute("BEGIN")
    assert migrate(conn, target=version) == version
    if version >= 1:
        _populate(conn, version)
    conn.execute("COMMIT")
    conn.close()
    with open_registry(registry_path) as registry:
        assert user_version(registry.conn) == SCHEMA_VERSION
        stats = registry.stats()
        assert stats["schema_version"] == SCHEMA_VERSION
        if version >= 1:
            mine = registry.model("mine")
            assert mine is not None and [v.tag for v in mine.variants] == ["7b"]
            assert stats["models"] == 141
            refreshed = registry.model("llama3.2")
            assert refreshed is not None and refreshed.display_name == "Llama 3.2"
        else:
            assert stats["models"] == 140
        assert stats["installed"] == (1 if version >= 2 else 0)
        assert stats["elements"] == (1 if version >= 3 else 0)
        assert "temperature" in [p.name for p in registry.parameters()]


def test_every_migration_is_a_list_of_single_statements() -> None:
    for migration in MIGRATIONS:
        for statement in migration:
            assert sqlite3.complete_statement(statement + ";")
            assert ";" not in statement.strip().rstrip(";")


def test_a_newer_schema_is_refused(registry_path: Path) -> None:
    open_registry(registry_path).close()
    conn = sqlite3.connect(registry_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RegistryError, match="newer than this modelfile-ls understands"):
        open_registry(registry_path)


def test_changed_shipped_data_refreshes_facts_and_seed(registry_path: Path) -> None:
    with open_registry(registry_path) as registry:
        conn = registry.conn
        conn.execute("UPDATE parameter_facts SET removed = NULL WHERE name = 'tfs_z'")
        conn.execute("UPDATE models SET description = 'old' WHERE name = 'llama3.2'")
        conn.execute(
            "UPDATE models SET description = 'mine', origin = 'import' WHERE name = 'qwen3'"
        )
        conn.execute("UPDATE meta SET value = 'an older release' WHERE key = ?", (STAMP_KEY,))
    with open_registry(registry_path) as registry:
        tfs = next(p for p in registry.parameters() if p.name == "tfs_z")
        assert tfs.status == "removed"
        llama = registry.model("llama3.2")
        assert llama is not None and llama.description != "old"
        qwen = registry.model("qwen3")
        assert qwen is not None and qwen.description == "mine"  # the user's import is kept
        assert get_meta(registry.conn, STAMP_KEY) == seed_module.data_stamp()


def test_corrupt_file_names_the_reset_command(registry_path: Path) -> None:
    registry_path.parent.mkdir(parents=True)
    registry_path.write_bytes(b"this is not a database, just some bytes" * 100)
    with pytest.raises(RegistryError) as caught:
        open_registry(registry_path)
    assert "modelfile-ls registry reset" in str(caught.value)
    assert str(registry_path) in str(caught.value)
    reset_registry(registry_path)
    with open_registry(registry_path) as registry:
        assert registry.stats()["models"] == 140


def test_another_applications_database_is_left_alone(registry_path: Path) -> None:
    registry_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(registry_path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(RegistryError, match="not a modelfile-ls registry"):
        open_registry(registry_path)
    with pytest.raises(RegistryError, match="not a modelfile-ls registry"):
        reset_registry(registry_path)
    assert sqlite3.connect(registry_path).execute("SELECT count(*) FROM photos").fetchone() == (0,)


def test_reset_drops_user_data_and_restarts_ids(registry_path: Path) -> None:
    with open_registry(registry_path) as registry:
        registry.conn.execute(
            "INSERT INTO models (name, display_name, origin, updated_at) "
            "VALUES ('mine', 'Mine', 'import', 'x')"
        )
    reset_registry(registry_path)
    with open_registry(registry_path) as registry:
        assert registry.model("mine") is None
        assert min(m.id for m in registry.all_models()) == 1
        assert registry.stats()["models"] == 140


def test_a_directory_is_not_a_registry(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="is a directory"):
        open_registry(tmp_path)


@pytest.mark.skipif(not CATALOG.is_dir(), reason="../shared/catalog is not present")
def test_committed_seed_is_current() -> None:
    built = build(CATALOG)
    for name, data in built.items():
        assert seed_bytes(name) == data, (
            f"seed/{name} is stale: run python -m modelfile_ls.registry.build_seed {CATALOG}"
        )
    assert build_main([str(CATALOG), "--check"]) == 0


@pytest.mark.skipif(not CATALOG.is_dir(), reason="../shared/catalog is not present")
def test_build_seed_check_detects_stale_files(tmp_path: Path) -> None:
    assert build_main([str(CATALOG), "--out", str(tmp_path)]) == 0
    assert build_main([str(CATALOG), "--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "models.csv").write_text("stale\n")
    assert build_main([str(CATALOG), "--out", str(tmp_path), "--check"]) == 1


def test_a_version_3_file_migrates_to_the_open_capability_vocabulary(registry_path: Path) -> None:
    registry_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(registry_path, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn, target=3)
    # What migration 1 of earlier releases inserted: the eight capabilities Ollama reports.
    conn.executemany(
        "INSERT INTO capabilities (name, position, description) VALUES (?, ?, ?)",
        [(name, i, "old text") for i, name in enumerate(ollama_capability_names())],
    )
    conn.execute(
        "INSERT INTO models (name, display_name, origin, updated_at) "
        "VALUES ('mine', 'Mine', 'import', 'then')"
    )
    conn.execute(
        "INSERT INTO model_capabilities SELECT m.id, c.id FROM models m, capabilities c "
        "WHERE m.name = 'mine' AND c.name IN ('tools', 'chat')"
    )
    conn.execute(
        "INSERT INTO elements (hash, kind, name, content, created_at) "
        "VALUES ('h', 'system', 'a/system', 'SYSTEM hi', 'then')"
    )
    conn.execute("COMMIT")
    conn.close()
    with open_registry(registry_path) as registry:
        assert user_version(registry.conn) == SCHEMA_VERSION
        mine = registry.model("mine")
        assert mine is not None and mine.capabilities == ("chat", "tools")
        counts = {c.name: c for c in registry.capabilities()}
        assert list(counts) == list(ollama_capability_names())
        assert all(c.ollama for c in counts.values())
        assert counts["chat"].description != "old text"  # refreshed from the facts file
        [element] = registry.elements()
        assert (element.source, element.tags) == ("", ())
        assert registry.drafts() == []
        registry.save_draft("FROM x\n", "later")
        assert registry.draft("later").text == "FROM x\n"


def test_migration_4_leaves_a_half_applied_file_unchanged_on_failure(registry_path: Path) -> None:
    registry_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(registry_path, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn, target=3)
    conn.execute("COMMIT")
    # A table in the way makes migration 4 fail midway: nothing of it may stay.
    conn.execute("CREATE TABLE drafts (x INTEGER)")
    conn.close()
    with pytest.raises(RegistryError):
        open_registry(registry_path)
    conn = sqlite3.connect(registry_path)
    assert user_version(conn) == 3
    columns = [r[1] for r in conn.execute("PRAGMA table_info(capabilities)")]
    assert "ollama" not in columns
    conn.close()
