"""Search: query parsing, FTS5 bm25 ranking, typo expansion, forgiving speakers.

``search()`` takes the user's query as typed:

* ``sanctions russia`` -- every word must match (stemmed by porter: "sanction"
  finds "sanctions").
* ``"exact phrase"`` -- the words in this order (curly quotes work too; a
  missing closing mark runs to the end).
* ``-word`` / ``-"a phrase"`` / ``NOT word`` -- leave out quotes with it.
* ``a OR b`` -- either; OR binds tighter than the implicit AND, so
  ``russia sanctions OR tariffs`` means russia AND (sanctions OR tariffs).
* ``sanc*`` -- a prefix.

One idea per module:

* ``query`` -- parsing, and the safe FTS5 MATCH expression (never the query as written).
* ``vocabulary`` -- the search_terms vocabulary and typo expansion against it.
* ``rank`` -- exact bm25 ranking, bounded to the newest ``RANK_WINDOW`` matches.
* ``windowed`` -- phrases of very common words, searched over newest-first windows.
* ``highlight`` -- the match markers in ``StoredQuote.highlighted``.
* ``dates`` -- ``parse_date_bound`` for --since / --until.
* ``speakers`` -- ``resolve_speaker``: forgiving speaker look-up.

Scale: ranking a very common word over a million rows is bounded.  When more
than ``RANK_WINDOW`` quotations match, only the newest ``RANK_WINDOW`` of
them (by row id, i.e. import order) are ranked, and a note says so.  A phrase
of very common words ("in a") is costly to match at all, so it is searched
over the newest rows first, in widening windows, within a fixed budget, and a
note says when the search stopped before the oldest rows.  The limits below
live here, with ``search()``, which passes them on: they are read on every
call, so they can be tuned (or patched in a test) in this one place.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotebook.errors import QuotebookError
from quotebook.search.dates import parse_date_bound
from quotebook.search.highlight import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    highlight_spans,
    mark_highlights,
)
from quotebook.search.query import _clean, match_expression, parse_query
from quotebook.search.rank import (
    BM25,
    INDIRECT_WEIGHT,
    RANK,
    WEIGHTS,
    _date_rowids,
    _ranked_ids,
    _speaker_match,
    _topic_match,
)
from quotebook.search.speakers import SpeakerMatch, nicknames, resolve_speaker
from quotebook.search.vocabulary import (
    _correct,
    add_terms,
    closest_terms,
    fold,
    rebuild_terms,
    terms_of,
)
from quotebook.search.windowed import _phrase_cost, _windowed_ids
from quotebook.store import QUOTE_COLUMNS, StoredQuote, quote_filters, row_to_quote

__all__ = [
    "BM25", "DATE_BOUND_ROWS", "HIGHLIGHT_END", "HIGHLIGHT_START", "INDIRECT_WEIGHT", "KINDS",
    "MAX_LIMIT", "PHRASE_COST_ROWS", "PHRASE_WALK_ROWS", "RANK", "RANK_WINDOW", "SORTS", "WEIGHTS",
    "WINDOW_CHECK_BUDGET", "WINDOW_FIRST_ROWS", "WINDOW_MATCHES", "SearchResults",
    "SpeakerMatch", "add_terms", "closest_terms", "fold", "highlight_spans", "mark_highlights",
    "match_expression", "nicknames", "parse_date_bound", "parse_query", "rebuild_terms",
    "resolve_speaker", "search", "terms_of",
]

# Rank at most this many matching rows; beyond it, rank the newest ones.
RANK_WINDOW = 5_000
MAX_LIMIT = 10_000
# A date range holding at most this many quotes bounds the FTS5 scan by rowid.
DATE_BOUND_ROWS = 50_000
# A phrase of common words ("in a") makes FTS5 check word positions on every row
# holding all its words, and bm25() counts the phrase over the whole index: about
# 100 ms at a million quotes.  A query with a phrase estimated to need more than
# PHRASE_COST_ROWS such checks is searched over newest-first rowid windows instead.
PHRASE_COST_ROWS = 5_000
# FTS5 walks at least the doclist of a phrase's rarest word: when every word of a phrase
# is in more than PHRASE_WALK_ROWS quotes, that walk alone costs 40-60 ms at a million
# quotes however rare the phrase is estimated to be ("they was and": 3,800 estimated
# checks, 57 ms ranked, under 30 ms windowed, the same results).
PHRASE_WALK_ROWS = 50_000
# The windows start this wide and double; they stop after about WINDOW_CHECK_BUDGET
# position checks (estimated), or once WINDOW_MATCHES matches are found.  At a million
# quotes a budget of 40,000 put this class's p95 at 50-60 ms; 25,000 gives 35-40 ms with
# the same results on the benchmark's phrases (benchmarks/search_bench.py).
WINDOW_FIRST_ROWS = 20_000
WINDOW_CHECK_BUDGET = 25_000
WINDOW_MATCHES = 500
SORTS = ("relevance", "date")
KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class SearchResults:
    quotes: list[StoredQuote]
    corrected: str | None = None  # the query as searched, when typo correction changed it
    notes: list[str] = field(default_factory=list)
    match: str = ""  # the FTS5 MATCH expression that ran
    truncated: bool = False  # True when only the newest matches were searched or ranked


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    speaker_ids: Sequence[int] | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    kind: str | None = None,
    sort: str = "relevance",
) -> SearchResults:
    """Search the quotations; see the package docstring for the query language.

    ``since``/``until`` take whatever parse_date_bound accepts.  Each
    quotation is listed once (the row standing for its group of reports).
    """
    if sort not in SORTS:
        raise QuotebookError(f"unknown sort {sort!r}: use relevance or date")
    if kind is not None and kind not in KINDS:
        raise QuotebookError(f"unknown kind {kind!r}: use direct or indirect")
    try:
        limit = MAX_LIMIT if limit is None else int(limit)
    except (TypeError, ValueError):
        raise QuotebookError(f"the limit must be a number, not {limit!r}") from None
    if limit < 0:
        raise QuotebookError("the limit must be 0 (no limit) or more")
    # 0 means no limit, as for the quotes listing; MAX_LIMIT still bounds the work.
    limit = min(limit or MAX_LIMIT, MAX_LIMIT)
    since_bound = parse_date_bound(since) if since else None
    until_bound = parse_date_bound(until, end=True) if until else None
    if since_bound and until_bound and since_bound > until_bound + "~":
        raise QuotebookError(f"--since {since} is after --until {until}")
    if speaker_ids is not None:
        speaker_ids = [int(i) for i in speaker_ids]

    parsed = parse_query(_clean(query))
    try:
        replacements = _correct(conn, parsed)
        match = match_expression(parsed)
        where, params = quote_filters(speaker_ids=speaker_ids, topic=_clean(topic),
                                      since=since_bound, until=until_bound,
                                      source=_clean(source), kind=kind)
        # Nearly every row has canonical_id NULL: keep the planner off that index.
        where = where.replace("q.canonical_id IS NULL", "+q.canonical_id IS NULL")
        # Filters FTS5 can apply itself narrow the candidates before any row
        # is read; the SQL filters stay the judge of what is listed.
        narrowing = [f for f in (_speaker_match(conn, speaker_ids) if speaker_ids else None,
                                 _topic_match(_clean(topic)) if topic else None) if f]
        ranked_match = " AND ".join([f"({match})", *narrowing]) if narrowing else match
        rowids = _date_rowids(conn, since_bound, until_bound, max_rows=DATE_BOUND_ROWS)
        cost, total, walk = _phrase_cost(conn, parsed)
        window_note = None
        if cost > PHRASE_COST_ROWS or walk > PHRASE_WALK_ROWS:
            ids, window_note = _windowed_ids(conn, ranked_match, where, params,
                                             needs_article=bool(source), rowids=rowids,
                                             limit=limit, sort=sort, cost=cost, total=total,
                                             first_rows=WINDOW_FIRST_ROWS,
                                             check_budget=WINDOW_CHECK_BUDGET,
                                             matches=WINDOW_MATCHES)
            truncated = window_note is not None
        else:
            ids, truncated = _ranked_ids(conn, ranked_match, where, params,
                                         needs_article=bool(source), rowids=rowids,
                                         limit=limit, sort=sort, window=RANK_WINDOW)
        quotes = _fetch(conn, match, ids)
    except sqlite3.OperationalError as ex:
        # A malformed MATCH is our bug, not the user's; anything else (a locked
        # or damaged file) is worth one clear line.
        raise QuotebookError(f"search failed: {ex}") from None

    corrected = None
    if replacements:
        corrected = parse_text = unicodedata.normalize("NFC", query.replace("\x00", " "))
        for (start, end), word in sorted(replacements, reverse=True):
            parse_text = parse_text[:start] + word + parse_text[end:]
        corrected = parse_text
    notes = list(parsed.notes)
    if window_note:
        notes.append(window_note)
    elif truncated:
        notes.append(f"more than {RANK_WINDOW:,} quotations match; ranked the newest "
                     f"{RANK_WINDOW:,} of them (add words or filters to narrow)")
    return SearchResults(quotes=quotes, corrected=corrected, notes=notes, match=match,
                         truncated=truncated)


def _fetch(conn: sqlite3.Connection, match: str, ranked: list[tuple[int, float | None]]
           ) -> list[StoredQuote]:
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    marks = ",".join("?" * len(ids))
    rows = {r[0]: r for r in conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE q.id IN ({marks})", ids)}
    # No bm25() here: FTS5 recounts each phrase's rows for it on every rowid
    # look-up, which costs milliseconds a row for a common word.
    highlights = dict(conn.execute(
        f"SELECT rowid, highlight(quotes_fts, 0, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}') "
        f"FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid IN ({marks})", [match, *ids]))
    return [row_to_quote(rows[i], highlighted=highlights.get(i), rank=score)
            for i, score in ranked if i in rows]
