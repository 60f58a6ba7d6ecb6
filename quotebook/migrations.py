"""Numbered schema migrations.

A new database is given schema.sql whole and marked as at the latest version.
An older one runs each step above its PRAGMA user_version, in order, inside
one transaction, so a failed upgrade leaves the database as it was.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone


def schema_sql() -> str:
    # Imported here: only a new or older database needs the schema file read.
    from importlib import resources

    return resources.files("quotebook").joinpath("schema.sql").read_text(encoding="utf-8")


def _initial(conn: sqlite3.Connection) -> None:
    _run_script(conn, schema_sql())


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT our transaction; run statement by statement.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _quote_text_key(conn: sqlite3.Connection) -> None:
    # The normalised wording that groups reports of one quotation (quotebook.reports).
    from quotebook.reports import quote_key

    columns = [c[1] for c in conn.execute("PRAGMA table_info(quotes)")]
    if "text_key" not in columns:
        conn.execute("ALTER TABLE quotes ADD COLUMN text_key TEXT")
    conn.execute("CREATE INDEX IF NOT EXISTS quotes_text_key ON quotes(text_key)")
    rows = conn.execute("SELECT id, text FROM quotes").fetchall()
    conn.executemany("UPDATE quotes SET text_key = ? WHERE id = ?",
                     [(quote_key(text), quote_id) for quote_id, text in rows])


def _partial_canonical_index(conn: sqlite3.Connection) -> None:
    conn.execute("DROP INDEX IF EXISTS quotes_canonical")
    conn.execute("CREATE INDEX quotes_canonical ON quotes(canonical_id) WHERE canonical_id IS NOT NULL")


def _fts_content_double_quoted(conn: sqlite3.Connection) -> None:
    # Recreate the index as schema.sql now declares it, then refill it from quotes.
    create_fts = re.search(r"CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5\(.*?\);",
                           schema_sql(), re.S).group(0)
    conn.execute("DROP TABLE IF EXISTS quotes_fts_vocab")
    conn.execute("DROP TABLE IF EXISTS quotes_fts")
    conn.execute(create_fts)
    conn.execute("CREATE VIRTUAL TABLE quotes_fts_vocab USING fts5vocab(quotes_fts, 'row')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")


def _text_key_speaker_index(conn: sqlite3.Connection) -> None:
    conn.execute("DROP INDEX IF EXISTS quotes_text_key")
    conn.execute("CREATE INDEX quotes_text_key ON quotes(text_key, speaker_id)")


# (version, name, step). Append only; never edit a released step.
MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "initial schema", _initial),
    (2, "quotes.text_key for grouping reports of one quotation", _quote_text_key),
    (3, "partial index on quotes.canonical_id", _partial_canonical_index),
    (4, "full-text index declared so that Datasette detects it", _fts_content_double_quoted),
    (5, "reports of one quotation found by words and speaker", _text_key_speaker_index),
]

LATEST = MIGRATIONS[-1][0]


class NewerSchemaError(Exception):
    pass


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Bring the database to LATEST; return the versions applied."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise NewerSchemaError(
            f"this database has schema version {version}, made by a newer quotebook "
            f"(this one knows up to {LATEST}); upgrade quotebook to open it"
        )
    if version == LATEST:
        return []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        fresh = version == 0 and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'quotes'"
        ).fetchone()
        if fresh:
            _run_script(conn, schema_sql())
            steps = MIGRATIONS
        else:
            steps = [m for m in MIGRATIONS if m[0] > version]
            for _, _, step in steps:
                step(conn)
        for number, name, _ in steps:
            conn.execute(
                "INSERT OR REPLACE INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, now),
            )
            applied.append(number)
        conn.execute(f"PRAGMA user_version = {LATEST}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied
