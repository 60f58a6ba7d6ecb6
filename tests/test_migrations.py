import shutil
import sqlite3
from pathlib import Path

from quotebook import migrations
from quotebook.store import Quotebook

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.db"


def _copy(tmp_path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    return path


def test_first_released_database_opens_and_upgrades_in_place(tmp_path):
    path = _copy(tmp_path)
    book = Quotebook(path)
    assert book.schema_version == migrations.LATEST
    assert book.counts() == {"articles": 1, "quotes": 1, "speakers": 1, "topics": 1}
    stored = book.quotes()[0]
    assert stored.speaker == "Lena Brandt"
    assert stored.topics == ("transport",)
    assert book.article_text(stored.article_id)[stored.start:stored.end] == stored.text
    hits = book.conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'lifeline'").fetchall()
    assert hits == [(stored.id,)]


def test_upgraded_database_has_the_same_tables_and_columns_as_a_new_one(tmp_path):
    upgraded = Quotebook(_copy(tmp_path)).conn
    fresh = Quotebook(tmp_path / "fresh.db").conn

    def shape(conn):
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        columns = {t: [c[1] for c in conn.execute(f"PRAGMA table_info('{t}')")] for t in tables}
        indexes = {name: " ".join(sql.replace("IF NOT EXISTS ", "").split()) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
        return tables, columns, indexes

    assert shape(upgraded) == shape(fresh)


def test_upgrade_is_recorded(tmp_path):
    book = Quotebook(_copy(tmp_path))
    versions = [r[0] for r in book.conn.execute("SELECT version FROM _migrations ORDER BY version")]
    assert versions == [m[0] for m in migrations.MIGRATIONS]


def test_fixture_is_still_a_version_one_database():
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_upgraded_full_text_index_finds_old_quotes_and_is_declared_like_a_new_one(tmp_path):
    upgraded = Quotebook(_copy(tmp_path)).conn
    fresh = Quotebook(tmp_path / "fresh.db").conn
    declared = "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'"
    assert upgraded.execute(declared).fetchone() == fresh.execute(declared).fetchone()
    assert upgraded.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ferry'").fetchone()[0] == 1
