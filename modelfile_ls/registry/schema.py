"""The registry's SQLite schema as an ordered list of forward migrations.

`PRAGMA user_version` holds the number of migrations applied. A migration is a tuple of
statements run one by one inside the caller's transaction: `executescript` would commit
first, and a half-migrated file must never be visible to another process.
"""

from __future__ import annotations

import sqlite3

_CATALOG: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE families (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
    # AUTOINCREMENT: an id handed out once is never reused, so ids stay stable for API users.
    """CREATE TABLE models (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        family_id INTEGER REFERENCES families(id),
        publisher TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        license TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        latest TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('seed', 'import')),
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX models_family ON models(family_id)",
    """CREATE TABLE variants (
        id INTEGER PRIMARY KEY,
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        position INTEGER NOT NULL,
        parameters_b REAL,
        context_length INTEGER,
        quantization TEXT NOT NULL DEFAULT '',
        file_format TEXT NOT NULL DEFAULT '',
        license TEXT NOT NULL DEFAULT '',
        UNIQUE (model_id, tag)
    )""",
    """CREATE TABLE capabilities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL,
        description TEXT NOT NULL
    )""",
    """CREATE TABLE model_capabilities (
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        capability_id INTEGER NOT NULL REFERENCES capabilities(id),
        PRIMARY KEY (model_id, capability_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX model_capabilities_capability ON model_capabilities(capability_id, model_id)",
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
    """CREATE TABLE model_tags (
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        PRIMARY KEY (model_id, tag_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX model_tags_tag ON model_tags(tag_id, model_id)",
    """CREATE TABLE model_metadata (
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (model_id, key)
    ) WITHOUT ROWID""",
    """CREATE TABLE default_parameters (
        id INTEGER PRIMARY KEY,
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        parameter TEXT NOT NULL,
        value TEXT NOT NULL,
        applies_to TEXT NOT NULL,
        confidence TEXT NOT NULL,
        source TEXT NOT NULL
    )""",
    "CREATE INDEX default_parameters_model ON default_parameters(model_id, position)",
    """CREATE TABLE parameter_facts (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        default_value TEXT,
        default_text TEXT NOT NULL,
        minimum NUMERIC,
        maximum NUMERIC,
        choices TEXT,
        description TEXT NOT NULL,
        added TEXT,
        deprecated TEXT,
        removed TEXT
    ) WITHOUT ROWID""",
    """CREATE TABLE parameter_aliases (
        alias TEXT NOT NULL,
        parameter TEXT NOT NULL REFERENCES parameter_facts(name) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (alias, parameter)
    ) WITHOUT ROWID""",
    """CREATE TABLE instruction_docs (
        keyword TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        command TEXT,
        added TEXT,
        repeat TEXT NOT NULL,
        summary TEXT NOT NULL,
        doc TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE VIEW model_overview AS
        SELECT m.id, m.name, m.display_name, f.name AS family, m.publisher, m.description,
               m.license, m.source, m.latest, m.origin, m.updated_at,
               (SELECT count(*) FROM variants v WHERE v.model_id = m.id) AS variant_count
        FROM models m LEFT JOIN families f ON f.id = m.family_id""",
    """CREATE VIEW family_counts AS
        SELECT f.name, count(m.id) AS models
        FROM families f JOIN models m ON m.family_id = f.id GROUP BY f.id""",
    """CREATE VIEW tag_counts AS
        SELECT t.name, count(mt.model_id) AS models
        FROM tags t JOIN model_tags mt ON mt.tag_id = t.id GROUP BY t.id""",
    """CREATE VIEW capability_counts AS
        SELECT c.name, c.description, c.position, count(mc.model_id) AS models
        FROM capabilities c LEFT JOIN model_capabilities mc ON mc.capability_id = c.id
        GROUP BY c.id""",
)

_INVENTORY: tuple[str, ...] = (
    """CREATE TABLE installs (
        id INTEGER PRIMARY KEY,
        host TEXT NOT NULL,
        name TEXT NOT NULL,
        model TEXT NOT NULL COLLATE NOCASE,
        tag TEXT NOT NULL COLLATE NOCASE,
        digest TEXT NOT NULL,
        size INTEGER NOT NULL,
        modified_at TEXT NOT NULL,
        format TEXT NOT NULL DEFAULT '',
        family TEXT NOT NULL DEFAULT '',
        parameter_size TEXT NOT NULL DEFAULT '',
        quantization_level TEXT NOT NULL DEFAULT '',
        context_length INTEGER,
        parameters TEXT NOT NULL DEFAULT '',
        template TEXT NOT NULL DEFAULT '',
        system TEXT NOT NULL DEFAULT '',
        synced_at TEXT NOT NULL,
        UNIQUE (host, name)
    )""",
    "CREATE INDEX installs_model ON installs(model, tag)",
    """CREATE TABLE install_capabilities (
        install_id INTEGER NOT NULL REFERENCES installs(id) ON DELETE CASCADE,
        capability TEXT NOT NULL,
        PRIMARY KEY (install_id, capability)
    ) WITHOUT ROWID""",
    """CREATE TABLE metrics (
        id INTEGER PRIMARY KEY,
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        tag TEXT NOT NULL DEFAULT '',
        hardware TEXT NOT NULL,
        metric TEXT NOT NULL,
        value REAL NOT NULL,
        context_size INTEGER,
        ollama_version TEXT NOT NULL DEFAULT '',
        measured_at TEXT NOT NULL
    )""",
    "CREATE INDEX metrics_model ON metrics(model_id, tag, metric)",
)

_MODELFILES: tuple[str, ...] = (
    """CREATE TABLE elements (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL UNIQUE,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX elements_kind ON elements(kind)",
    """CREATE TABLE modelfiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )""",
    """CREATE TABLE modelfile_elements (
        modelfile_id INTEGER NOT NULL REFERENCES modelfiles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        element_id INTEGER NOT NULL REFERENCES elements(id),
        PRIMARY KEY (modelfile_id, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX modelfile_elements_element ON modelfile_elements(element_id)",
    """CREATE VIEW element_usage AS
        SELECT e.id, e.hash, e.kind, e.name, e.content, e.created_at,
               count(DISTINCT me.modelfile_id) AS uses
        FROM elements e LEFT JOIN modelfile_elements me ON me.element_id = e.id
        GROUP BY e.id""",
)

_OPEN_VOCABULARY: tuple[str, ...] = (
    # Capabilities became an open vocabulary: `ollama` marks the ones Ollama itself reports
    # (every row so far was one of them); others come from imports and sort after them.
    "ALTER TABLE capabilities ADD COLUMN ollama INTEGER NOT NULL DEFAULT 0",
    "UPDATE capabilities SET ollama = 1",
    "DROP VIEW capability_counts",
    """CREATE VIEW capability_counts AS
        SELECT c.name, c.description, c.position, c.ollama, count(mc.model_id) AS models
        FROM capabilities c LEFT JOIN model_capabilities mc ON mc.capability_id = c.id
        GROUP BY c.id""",
    "CREATE INDEX metrics_hardware ON metrics(hardware, metric, model_id)",
    # Where an element was first saved from (a path or an editor URI), shown with completions.
    "ALTER TABLE elements ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE element_tags (
        element_id INTEGER NOT NULL REFERENCES elements(id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (element_id, tag)
    ) WITHOUT ROWID""",
    "DROP VIEW element_usage",
    """CREATE VIEW element_usage AS
        SELECT e.id, e.hash, e.kind, e.name, e.content, e.created_at, e.source,
               count(DISTINCT me.modelfile_id) AS uses
        FROM elements e LEFT JOIN modelfile_elements me ON me.element_id = e.id
        GROUP BY e.id""",
    # Unsaved or untitled Modelfiles kept from the editor or the CLI, reopened later.
    """CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        source_uri TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_CATALOG, _INVENTORY, _MODELFILES, _OPEN_VOCABULARY)
"""Migration N (1-based) brings a file from user_version N-1 to N; append, never edit."""
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The number of migrations applied to this file."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target` inside the caller's transaction."""
    current = user_version(conn)
    for version in range(current + 1, target + 1):
        for statement in MIGRATIONS[version - 1]:
            conn.execute(statement)
        # PRAGMA takes no parameters; the value is our own integer.
        conn.execute(f"PRAGMA user_version = {version}")
    return max(current, target)


def drop_all(conn: sqlite3.Connection) -> None:
    """Drop every view and table and set user_version to 0, inside the caller's transaction."""
    # Views first, then tables newest first: a child table must go before the table its
    # foreign keys point to, and children are always created after their parents.
    objects = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND type IN ('view', 'table') ORDER BY type = 'table', rowid DESC"
    ).fetchall()
    for kind, name in objects:
        # Names come from sqlite_master of this file; quote them as identifiers.
        conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    if has_table(conn, "sqlite_sequence"):
        # Not droppable; emptying it restarts ids at 1 like a new file.
        conn.execute("DELETE FROM sqlite_sequence")
    conn.execute("PRAGMA user_version = 0")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the file has a table or view of this name."""
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
    )
