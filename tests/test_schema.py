import sqlite3
from pathlib import Path

import pytest

from quotebook import migrations
from quotebook.store import Quotebook, QuotebookError

ROOT = Path(__file__).resolve().parent.parent


def test_packaged_schema_is_identical_to_top_level_schema():
    assert (ROOT / "schema.sql").read_text() == migrations.schema_sql()


def test_new_database_is_at_latest_version_with_settings(temporary_db):
    book = Quotebook(temporary_db)
    conn = book.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    recorded = [r[0] for r in conn.execute("SELECT version FROM _migrations ORDER BY version")]
    assert recorded == [m[0] for m in migrations.MIGRATIONS]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "speakers", "speaker_aliases", "quotes", "topics", "quote_topics",
            "quotes_fts", "audit", "search_terms"} <= tables


def test_reopening_applies_nothing(temporary_db):
    Quotebook(temporary_db).close()
    conn = sqlite3.connect(temporary_db)
    assert migrations.migrate(conn) == []


def test_database_from_newer_quotebook_is_refused_and_left_alone(temporary_db):
    Quotebook(temporary_db).close()
    conn = sqlite3.connect(temporary_db)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    before = temporary_db.read_bytes()
    with pytest.raises(QuotebookError, match="newer quotebook"):
        Quotebook(temporary_db)
    assert temporary_db.read_bytes() == before


def test_database_that_is_not_sqlite_gives_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(QuotebookError, match="not a SQLite database"):
        Quotebook(path)


def test_database_path_that_is_a_directory_gives_clear_error(tmp_path):
    with pytest.raises(QuotebookError, match="is a directory"):
        Quotebook(tmp_path)


def test_database_in_missing_directory_gives_clear_error(tmp_path):
    with pytest.raises(QuotebookError, match="does not exist"):
        Quotebook(tmp_path / "nope" / "q.db")


def test_full_text_index_is_where_datasette_and_sqlite_utils_look_for_it(temporary_db):
    book = Quotebook(temporary_db)
    assert book.db["quotes"].detect_fts() == "quotes_fts"
    # Datasette's own detection: the content table named in double quotes or brackets.
    sql = book.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
    assert 'content="quotes"' in sql
