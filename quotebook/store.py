"""Quotebook: the SQLite database of articles, speakers and quotes.

Opening a Quotebook opens (or creates) the file, sets WAL mode, foreign keys and
a busy timeout, and applies pending migrations. Each article is written in one
IMMEDIATE transaction, so a killed import never leaves half an article.
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from quotebook import migrations
from quotebook.errors import QuotebookError, default_db_path, resolve_db_path  # noqa: F401 (re-exported)
from quotebook.data import Article, Quote
from quotebook.reports import group_quote, quote_key

BUSY_TIMEOUT_MS = 60_000


@lru_cache(maxsize=16384)  # the same few names come back quote after quote
def name_key(name: str) -> str:
    """Normalised form of a name: case, accents, punctuation and spacing folded."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'")
    words = "".join(ch if ch.isalnum() or ch in "-'" else " " for ch in text).split()
    return " ".join(words)


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported | skipped
    article_id: int
    quotes: int


@dataclass(frozen=True)
class StoredQuote:
    """A quote as listed by search, quotes and show."""

    id: int
    text: str
    kind: str
    speaker: str | None
    mention: str | None
    role: str | None
    date: str | None
    date_precision: str | None
    date_source: str | None
    topics: tuple[str, ...]
    article_id: int
    article_title: str | None
    article_url: str | None
    source: str | None
    cue: str | None
    confidence: float | None
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    reports: int = 1
    first_reported: str | None = None
    highlighted: str | None = None  # the text with matches marked [ … ]
    rank: float | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "quote": self.text,
            "speaker": self.speaker,
            "mention": self.mention,
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "kind": self.kind,
            "topics": list(self.topics),
            "cue": self.cue,
            "confidence": self.confidence,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "article_url": self.article_url,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "spans": [list(s) for s in self.spans],
            "reports": self.reports,
            "first_reported": self.first_reported,
        }


QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.speaker_name, q.mention, q.role, q.date, q.date_precision,
    q.date_source, q.topics_text, q.article_id, a.title, a.url, a.source, q.cue,
    q.confidence, q.start, q.end, q.spans,
    (SELECT count(DISTINCT r.article_id) FROM quotes r
      WHERE r.id = coalesce(q.canonical_id, q.id) OR r.canonical_id = coalesce(q.canonical_id, q.id))
      AS reports,
    (SELECT min(coalesce(ra.published, r.date)) FROM quotes r JOIN articles ra ON ra.id = r.article_id
      WHERE r.id = coalesce(q.canonical_id, q.id) OR r.canonical_id = coalesce(q.canonical_id, q.id))
      AS first_reported
"""


def row_to_quote(row: Sequence, highlighted: str | None = None, rank: float | None = None) -> StoredQuote:
    topics = tuple(t for t in (row[9] or "").split(" | ") if t)
    return StoredQuote(
        id=row[0], text=row[1], kind=row[2], speaker=row[3], mention=row[4], role=row[5],
        date=row[6], date_precision=row[7], date_source=row[8], topics=topics,
        article_id=row[10], article_title=row[11], article_url=row[12], source=row[13],
        cue=row[14], confidence=row[15], start=row[16], end=row[17],
        spans=tuple(tuple(s) for s in json.loads(row[18])),
        reports=row[19] or 1, first_reported=row[20], highlighted=highlighted, rank=rank,
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def transaction(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE … COMMIT on the autocommit connection, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Quotebook:
    """The quote database. ``Quotebook(path)`` opens it, creating and migrating."""

    def __init__(self, path: str | os.PathLike | None = None, *, create_parent: bool = False):
        self.path = Path(path) if path is not None else default_db_path()
        if create_parent:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        where = str(self.path)
        if self.path.is_dir():
            raise QuotebookError(f"{where}: is a directory, not a database file")
        if not self.path.parent.exists():
            raise QuotebookError(f"{where}: directory {self.path.parent} does not exist")
        try:
            conn = sqlite3.connect(where, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > migrations.LATEST:
                conn.close()
                raise QuotebookError(f"{where}: " + str(migrations.NewerSchemaError(
                    f"this database has schema version {version}, made by a newer quotebook "
                    f"(this one knows up to {migrations.LATEST}); upgrade quotebook to open it")))
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrations.migrate(conn)
        except sqlite3.DatabaseError as ex:
            message = str(ex)
            if "not a database" in message:
                message = "not a SQLite database"
            elif "readonly" in message:
                message = "the database file is read-only"
            elif "unable to open" in message:
                message = "cannot open the database file"
            raise QuotebookError(f"{where}: {message}") from None
        return conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Quotebook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self):
        """The same file as a sqlite_utils.Database, for ad-hoc work from Python."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing ---------------------------------------------------------------

    def find_article(self, article: Article) -> int | None:
        if article.url:
            row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (article.url,)).fetchone()
            if row:
                return row[0]
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
        ).fetchone()
        return row[0] if row else None

    def import_article(self, article: Article, *, taxonomy: str | None = None) -> ImportResult:
        """Extract an article's quotes and store both, unless it is already here.

        An article already stored is skipped whole, so curation done since (edits,
        tags, deletions) is never overwritten by importing it again.
        """
        existing = self.find_article(article)
        if existing is not None:
            return ImportResult("skipped", existing, 0)
        from quotebook.pipeline import process_article

        return self.add_article(article, process_article(article, taxonomy=taxonomy))

    def add_article(self, article: Article, quotes: Iterable[Quote]) -> ImportResult:
        """Store an article and its quotes in one transaction."""
        quotes = list(quotes)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked again under the write lock: a concurrent import may have won.
            existing = self.find_article(article)
            if existing is not None:
                conn.execute("ROLLBACK")
                return ImportResult("skipped", existing, 0)
            article_id = conn.execute(
                "INSERT INTO articles (content_hash, url, title, source, author, published, "
                "date_precision, origin, format, text, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (article.content_hash, article.url, article.title, article.source, article.author,
                 article.date, article.date_precision, article.origin, article.fmt, article.text, _now()),
            ).lastrowid
            for quote in quotes:
                self._insert_quote(article_id, article, quote)
            from quotebook.search import add_terms

            add_terms(conn, (q.text for q in quotes))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return ImportResult("imported", article_id, len(quotes))

    def _speaker_id(self, name: str, kind: str, mention: str | None) -> int:
        key = name_key(name)
        row = self.conn.execute("SELECT id FROM speakers WHERE key = ?", (key,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT speaker_id FROM speaker_aliases WHERE key = ? "
                "GROUP BY key HAVING count(DISTINCT speaker_id) = 1", (key,)
            ).fetchone()
            # An alias only stands for one person when it is a full name, not a surname.
            if row is not None and len(key.split()) < 2:
                row = None
        if row is not None:
            speaker_id = row[0]
        else:
            speaker_id = self.conn.execute(
                "INSERT INTO speakers (name, key, kind) VALUES (?, ?, ?)", (name, key, kind)
            ).lastrowid
        for alias in {name, mention} - {None}:
            if alias and alias[:1].isupper() and alias.split()[0].lower() not in PRONOUNS:
                self.conn.execute(
                    "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
                    (speaker_id, alias, name_key(alias)),
                )
        return speaker_id

    def _speaker_name(self, speaker_id: int | None) -> str | None:
        # The canonical name, also when the article wrote an alias ("Mike Pompeo").
        if speaker_id is None:
            return None
        return self.conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0]

    def _insert_quote(self, article_id: int, article: Article, quote: Quote, *,
                      group: bool = True) -> int:
        speaker_id = None
        if quote.speaker and quote.speaker_type != "anonymous":
            speaker_id = self._speaker_id(quote.speaker, quote.speaker_type or "person", quote.mention)
            if quote.role:
                self.conn.execute(
                    "INSERT OR IGNORE INTO speaker_roles (speaker_id, role, date, article_id) "
                    "VALUES (?, ?, ?, ?)", (speaker_id, quote.role, quote.date or article.date, article_id))
        # Topics by their stored name: "Belarus" given now and "belarus" stored
        # before are one topic, shown one way everywhere (the FTS copy included).
        sources = {t: s for t, s in quote.topics}
        tagged: dict[int, tuple[str, str]] = {}
        for topic in _unique([t for t, _ in quote.topics] + list(article.topics)):
            topic_id, name = self._topic(topic)
            tagged.setdefault(topic_id, (name, sources.get(topic, "user")))
        topics = [name for name, _ in tagged.values()]
        quote_id = self.conn.execute(
            "INSERT INTO quotes (article_id, speaker_id, text, kind, start, end, spans, mention, "
            "mention_start, mention_end, speaker_type, role, cue, confidence, date, date_precision, "
            "date_source, speaker_name, topics_text, article_title, text_key) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, speaker_id, quote.text, quote.kind, quote.start, quote.end,
             json.dumps([list(s) for s in quote.spans]), quote.mention, quote.speaker_start,
             quote.speaker_end, quote.speaker_type, quote.role, quote.cue, quote.confidence,
             quote.date, quote.date_precision, quote.date_source,
             self._speaker_name(speaker_id), " | ".join(topics), article.title,
             quote_key(quote.text)),
        ).lastrowid
        for topic_id, (_, source) in tagged.items():
            self._link_topic(quote_id, topic_id, source)
        if group:
            group_quote(self.conn, quote_id)
        return quote_id

    def _topic(self, topic: str) -> tuple[int, str]:
        """(id, stored name) of a topic, created if new; names match whatever their case."""
        row = self.conn.execute("SELECT id, name FROM topics WHERE name = ? COLLATE NOCASE ORDER BY id",
                                (topic,)).fetchone()
        if row:
            return row
        return self.conn.execute("INSERT INTO topics (name) VALUES (?)", (topic,)).lastrowid, topic

    def _link_topic(self, quote_id: int, topic_id: int, source: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO quote_topics (quote_id, topic_id, source) VALUES (?, ?, ?)",
            (quote_id, topic_id, source),
        )

    def _tag(self, quote_id: int, topic: str, source: str) -> None:
        self._link_topic(quote_id, self._topic(topic)[0], source)

    # -- reading ---------------------------------------------------------------

    def search(self, query: str, **options):
        """Full-text search; see quotebook.search.search for the options."""
        from quotebook.search import search

        return search(self.conn, query, **options)

    def speaker_matches(self, name: str) -> list[tuple[int, str]]:
        """Speakers a user-typed name can mean: exact name, alias or surname, case-insensitive."""
        key = name_key(name)
        if not key:
            return []
        rows = self.conn.execute(
            "SELECT id, name FROM speakers WHERE key = ? UNION "
            "SELECT s.id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.key = ? UNION "
            "SELECT id, name FROM speakers WHERE key LIKE '% ' || ? OR key LIKE ? || ' %'",
            (key, key, key, key),
        ).fetchall()
        return sorted(set(rows))

    def speaker_suggestions(self, name: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process, utils

        names = [r[0] for r in self.conn.execute("SELECT name FROM speakers")]
        found = process.extract(name, names, scorer=fuzz.WRatio, processor=utils.default_process,
                                limit=limit, score_cutoff=60)
        return [n for n, _, _ in found]

    def quotes(self, *, speaker_ids: Sequence[int] | None = None, topic: str | None = None,
               since: str | None = None, until: str | None = None, source: str | None = None,
               kind: str | None = None, limit: int | None = 50) -> list[StoredQuote]:
        """Quotes, newest first, filtered."""
        where, params = quote_filters(speaker_ids=speaker_ids, topic=topic, since=since,
                                      until=until, source=source, kind=kind)
        sql = (f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
               f"WHERE {where} ORDER BY q.date DESC, q.id DESC")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [row_to_quote(r) for r in self.conn.execute(sql, params)]

    def get_quote(self, quote_id: int) -> StoredQuote | None:
        row = self.conn.execute(
            f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.id = ?", (quote_id,)).fetchone()
        return row_to_quote(row) if row else None

    def article_text(self, article_id: int) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def paragraph_around(self, quote: StoredQuote) -> str:
        """The paragraph(s) holding the quote, for context."""
        text = self.article_text(quote.article_id)
        begin = text.rfind("\n\n", 0, quote.start)
        begin = 0 if begin < 0 else begin + 2
        end = text.find("\n\n", quote.end)
        end = len(text) if end < 0 else end
        return text[begin:end].strip()

    def speakers(self, *, limit: int | None = None, **filters) -> list[dict]:
        """Speakers with quotation counts and first and last dates, most quoted first.

        ``filters`` are those of quote_filters (topic, since, until, source, kind, speaker_ids).
        """
        where, params = quote_filters(**filters)
        sql = ("SELECT s.id, s.name, s.kind, count(q.id), min(q.date), max(q.date) FROM speakers s "
               "JOIN quotes q ON q.speaker_id = s.id JOIN articles a ON a.id = q.article_id "
               f"WHERE {where} GROUP BY s.id ORDER BY count(q.id) DESC, s.name")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [
            {"id": r[0], "name": r[1], "kind": r[2], "quotes": r[3], "first": r[4], "last": r[5]}
            for r in self.conn.execute(sql, params)
        ]

    def reports(self, quote_id: int) -> list[dict]:
        """Every article's report of the quotation quote_id belongs to, earliest first."""
        from quotebook.reports import group_members

        ids = group_members(self.conn, quote_id)
        if not ids:
            return []
        rows = self.conn.execute(
            "SELECT q.id, q.text, q.canonical_id IS NULL, q.mention, q.cue, q.date, q.start, q.end, "
            "q.article_id, a.title, a.source, a.url, a.published FROM quotes q "
            f"JOIN articles a ON a.id = q.article_id WHERE q.id IN ({','.join('?' * len(ids))}) "
            "ORDER BY coalesce(a.published, q.date), q.id", ids).fetchall()
        keys = ("id", "quote", "canonical", "mention", "cue", "date", "start", "end", "article_id",
                "article_title", "source", "article_url", "published")
        return [dict(zip(keys, r)) | {"canonical": bool(r[2])} for r in rows]

    def topic_counts(self, *, limit: int | None = None, **filters) -> list[dict]:
        """Topics with how many quotations carry each, and which sources gave them."""
        where, params = quote_filters(**filters)
        sql = ("SELECT t.name, count(DISTINCT q.id), group_concat(DISTINCT qt.source) "
               "FROM topics t JOIN quote_topics qt ON qt.topic_id = t.id "
               "JOIN quotes q ON q.id = qt.quote_id JOIN articles a ON a.id = q.article_id "
               f"WHERE {where} GROUP BY t.id ORDER BY count(DISTINCT q.id) DESC, t.name")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [{"topic": r[0], "quotes": r[1], "sources": sorted((r[2] or "").split(","))}
                for r in self.conn.execute(sql, params)]

    def articles(self, *, limit: int | None = None, speaker_ids: Sequence[int] | None = None,
                 topic: str | None = None, since: str | None = None, until: str | None = None,
                 source: str | None = None) -> list[dict]:
        """Articles, newest first, with their number of quotes; filters as for quotes."""
        clauses, params = date_range("a.published", since, until)
        if source:
            clauses.append("a.source = ? COLLATE NOCASE")
            params.append(source)
        if speaker_ids is not None or topic:
            # Articles that report a matching quote, whichever row stands for the quotation.
            where, extra = quote_filters(speaker_ids=speaker_ids, topic=topic)
            clauses.append("a.id IN (SELECT r.article_id FROM quotes r JOIN quotes q "
                           f"ON q.id = coalesce(r.canonical_id, r.id) WHERE {where})")
            params.extend(extra)
        sql = ("SELECT a.id, a.title, a.source, a.published, a.url, "
               "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a "
               f"WHERE {' AND '.join(clauses) or '1'} ORDER BY a.published DESC, a.id DESC")
        if limit:
            sql += f" LIMIT {int(limit)}"
        keys = ("id", "title", "source", "date", "url", "quotes")
        return [dict(zip(keys, r)) for r in self.conn.execute(sql, params)]

    def speaker_roles(self, speaker_id: int) -> list[tuple[str, str | None]]:
        return self.conn.execute(
            "SELECT role, min(date) FROM speaker_roles WHERE speaker_id = ? GROUP BY role "
            "ORDER BY min(date)", (speaker_id,)).fetchall()

    def counts(self) -> dict[str, int]:
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "quotes", "speakers", "topics")
        }


PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "the"}


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list]:
    """SQL clauses bounding an ISO date column; ``until`` is an inclusive prefix:
    "2020-02" includes every day of February."""
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        # "--02-01" (a day whose year is unknown) sorts before every year; it is not "until" any.
        clauses.append(f"{column} GLOB '[0-9]*' AND {column} < ? || '~'")
        params.append(until)
    return clauses, params


def quote_filters(*, speaker_ids: Sequence[int] | None = None, topic: str | None = None,
                  since: str | None = None, until: str | None = None, source: str | None = None,
                  kind: str | None = None) -> tuple[str, list]:
    """SQL WHERE clause (over quotes q join articles a) shared by every listing."""
    clauses, params = date_range("q.date", since, until)
    clauses.insert(0, "q.canonical_id IS NULL")
    if speaker_ids is not None:
        clauses.append(f"q.speaker_id IN ({','.join('?' * len(speaker_ids)) or 'NULL'})")
        params.extend(speaker_ids)
    if topic:
        clauses.append("q.id IN (SELECT qt.quote_id FROM quote_topics qt JOIN topics t "
                       "ON t.id = qt.topic_id WHERE t.name = ? COLLATE NOCASE)")
        params.append(topic)
    if source:
        clauses.append("a.source = ? COLLATE NOCASE")
        params.append(source)
    if kind:
        if kind == "direct":
            clauses.append("q.kind IN ('direct', 'mixed')")
        else:
            clauses.append("q.kind = ?")
            params.append(kind)
    return " AND ".join(clauses), params
