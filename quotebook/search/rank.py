"""Exact ranking: FTS5 drives, bm25 with column weights orders, filters narrow the scan."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from quotebook.search.query import _TOKEN, _fts_string
from quotebook.store import date_range
from quotebook.search.vocabulary import fold

# Column weights for bm25(quotes_fts, text, speaker_name, topics_text, article_title).
WEIGHTS = (10.0, 2.0, 1.0, 1.0)
BM25 = f"bm25(quotes_fts, {', '.join(map(str, WEIGHTS))})"
# A reported paraphrase ranks below a verbatim quotation that matches as well:
# people search for what was said in the speaker's own words first. (bm25 is
# negative, lower is better, so the factor shrinks an indirect quote's score.)
INDIRECT_WEIGHT = 0.7
RANK = f"({BM25}) * (CASE q.kind WHEN 'indirect' THEN {INDIRECT_WEIGHT} ELSE 1.0 END)"


def _speaker_match(conn: sqlite3.Connection, speaker_ids: Sequence[int]) -> str | None:
    """An FTS5 filter on the speaker_name column for these speakers' names and aliases.

    store writes a quote's speaker_name from its speaker's name or one of its
    aliases, so this finds a superset of the speakers' quotes; the SQL filter
    on speaker_id still decides.  It lets FTS5 intersect two doclists instead
    of checking every match of a common word against the quotes table.
    """
    if not speaker_ids or len(speaker_ids) > 50:
        return None
    marks = ",".join("?" * len(speaker_ids))
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM speakers WHERE id IN ({marks}) UNION "
        f"SELECT alias FROM speaker_aliases WHERE speaker_id IN ({marks})",
        [*speaker_ids, *speaker_ids])]
    phrases = sorted({_fts_string([fold(t) for t in _TOKEN.findall(n)])
                      for n in names if _TOKEN.search(n or "")})
    if not phrases or len(phrases) > 200:
        return None
    return "speaker_name : (" + " OR ".join(phrases) + ")"


def _ranked_ids(conn: sqlite3.Connection, match: str, where: str, params: list, *,
                needs_article: bool, rowids: tuple[int, int] | None, limit: int, sort: str,
                window: int) -> tuple[list[tuple[int, float | None]], bool]:
    """(quote id, bm25) of the best matches, and whether the ranking was windowed.

    FTS5 drives; filters are checked on the quotes row of each match.  When
    more than ``window`` rows match, only the newest ``window`` are ranked
    (found by walking the index backwards by rowid, which is cheap), so a word
    in most rows costs the same as one in ten thousand.
    """
    article_join = " JOIN articles a ON a.id = q.article_id" if needs_article else ""
    order = "score, q.date DESC, q.id DESC" if sort == "relevance" else "q.date DESC, q.id DESC"
    fts_from = (f"FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid{article_join} "
                f"WHERE quotes_fts MATCH ? AND {where}")
    fts_params = [match, *params]
    if rowids:
        fts_from += " AND quotes_fts.rowid BETWEEN ? AND ?"
        fts_params += list(rowids)
    # Where does the newest window-th match start?  None: fewer match.
    row = conn.execute(
        f"SELECT quotes_fts.rowid {fts_from} ORDER BY quotes_fts.rowid DESC LIMIT 1 OFFSET ?",
        [*fts_params, window]).fetchone()
    if row is None:
        score = RANK if sort == "relevance" else "NULL"
        sql = f"SELECT q.id, {score} AS score {fts_from} ORDER BY {order} LIMIT ?"
        return conn.execute(sql, [*fts_params, limit]).fetchall(), False
    if sort == "date":
        return _newest_matches(conn, match, where, params, article_join, limit), False
    sql = (f"SELECT q.id, {RANK} AS score {fts_from} AND quotes_fts.rowid > ? "
           f"ORDER BY {order} LIMIT ?")
    return conn.execute(sql, [*fts_params, row[0], limit]).fetchall(), True


def _date_rowids(conn: sqlite3.Connection, since: str | None, until: str | None, *,
                 max_rows: int) -> tuple[int, int] | None:
    """The rowid range of the quotes in a narrow date range, to bound the FTS5 scan.

    Quotes are mostly imported in date order, so a week is a short run of
    rowids.  A wide range (more than ``max_rows`` quotes) gives None.
    """
    clauses, params = date_range("date", since, until)
    if not clauses:
        return None
    where = " AND ".join(clauses)
    count = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM quotes WHERE {where} LIMIT ?)",
                         [*params, max_rows + 1]).fetchone()[0]
    if count > max_rows:
        return None
    low, high = conn.execute(f"SELECT min(id), max(id) FROM quotes WHERE {where}",
                             params).fetchone()
    return (low, high) if low is not None else (0, -1)


def _topic_match(topic: str) -> str | None:
    tokens = [fold(t) for t in _TOKEN.findall(topic)]
    return f"topics_text : {_fts_string(tokens)}" if tokens else None


def _newest_matches(conn: sqlite3.Connection, match: str, where: str, params: list,
                    article_join: str, limit: int) -> list[tuple[int, None]]:
    """The newest matches of a common query: walk the date index in chunks.

    Each chunk of the newest rows is tested against the index with one rowid
    range query (not one look-up per row); a common query fills the limit from
    the first chunk or two.
    """
    found: list[tuple[int, None]] = []
    offset, chunk = 0, max(2_000, 4 * limit)
    while len(found) < limit:
        rows = conn.execute(
            f"SELECT q.id FROM quotes q{article_join} WHERE {where} "
            f"ORDER BY q.date DESC, q.id DESC LIMIT ? OFFSET ?", [*params, chunk, offset]).fetchall()
        if not rows:
            break
        ids = [r[0] for r in rows]
        matched = {r[0] for r in conn.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (match, min(ids), max(ids)))}
        found += [(i, None) for i in ids if i in matched][:limit - len(found)]
        offset, chunk = offset + chunk, chunk * 2
    return found
