"""Search: query parsing, FTS5 bm25 ranking, typo expansion, forgiving speakers.

The query language is parsed here and never handed to FTS5 as written: every
term reaches MATCH as a double-quoted string, so any text is either a valid
query or a one-line QuotebookError.

* ``sanctions russia`` -- every word must match (stemmed by porter: "sanction"
  finds "sanctions").
* ``"exact phrase"`` -- the words in this order (curly quotes work too; a
  missing closing mark runs to the end).
* ``-word`` / ``-"a phrase"`` / ``NOT word`` -- leave out quotes with it.
* ``a OR b`` -- either; OR binds tighter than the implicit AND, so
  ``russia sanctions OR tariffs`` means russia AND (sanctions OR tariffs).
* ``sanc*`` -- a prefix.

Typo tolerance works on ``search_terms``, the vocabulary each import keeps
current.  Its terms are *surface words*: tokens as FTS5's unicode61 tokenizer
splits them (letters and digits), case-folded and with accents removed, but
not stemmed -- so a correction reads as a real word ("showing results for
sanctions").  A query word that matches nothing in the index is replaced by
its closest vocabulary words by edit distance (rapidfuzz OSA, transpositions
count one), searched with OR.

Highlighting: ``StoredQuote.highlighted`` is the quote text with every match
between ``HIGHLIGHT_START`` and ``HIGHLIGHT_END`` -- two private-use
characters that never occur in news text, so a renderer can turn them into
markup without escaping problems.  ``mark_highlights(text, "[", "]")`` gives a
plain-text version, ``highlight_spans(text)`` the offsets.

Scale: ranking a very common word over a million rows is bounded.  When more
than ``RANK_WINDOW`` quotations match, only the newest ``RANK_WINDOW`` of
them (by row id, i.e. import order) are ranked, and a note says so.  A phrase
of very common words ("in a") is costly to match at all, so it is searched
over the newest rows first, in widening windows, within a fixed budget; the
matches found are ranked by the same bm25 formula with the phrase's document
frequency left out (see ``_windowed_ids``), and a note says when the search
stopped before the oldest rows.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from quotebook.store import (
    QUOTE_COLUMNS,
    QuotebookError,
    StoredQuote,
    name_key,
    quote_filters,
    row_to_quote,
)

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

# Column weights for bm25(quotes_fts, text, speaker_name, topics_text, article_title).
WEIGHTS = (10.0, 2.0, 1.0, 1.0)
BM25 = f"bm25(quotes_fts, {', '.join(map(str, WEIGHTS))})"
# A reported paraphrase ranks below a verbatim quotation that matches as well:
# people search for what was said in the speaker's own words first. (bm25 is
# negative, lower is better, so the factor shrinks an indirect quote's score.)
INDIRECT_WEIGHT = 0.7
RANK = f"({BM25}) * (CASE q.kind WHEN 'indirect' THEN {INDIRECT_WEIGHT} ELSE 1.0 END)"
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
# The windows start this wide and double; they stop after about WINDOW_CHECK_BUDGET
# position checks (estimated), or once WINDOW_MATCHES matches are found.
WINDOW_FIRST_ROWS = 20_000
WINDOW_CHECK_BUDGET = 40_000
WINDOW_MATCHES = 500
SORTS = ("relevance", "date")
KINDS = ("direct", "mixed", "indirect")

_TOKEN = re.compile(r"[^\W_]+")
_QUOTE_MARKS = "\"“”„‟«»"


# -- the vocabulary -------------------------------------------------------------


def fold(word: str) -> str:
    """A token as unicode61 (remove_diacritics 2) indexes it: case and accents folded."""
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def terms_of(text: str) -> set[str]:
    """The distinct surface words of a text, folded."""
    return {fold(t) for t in _TOKEN.findall(text)} - {""}


def add_terms(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Count the words of newly stored quote texts into search_terms.

    Called inside the import's transaction; ``documents`` is the number of
    quotes a surface word occurs in.
    """
    counts: dict[str, int] = {}
    for text in texts:
        for term in terms_of(text or ""):
            counts[term] = counts.get(term, 0) + 1
    if counts:
        conn.executemany(
            "INSERT INTO search_terms (term, documents) VALUES (?, ?) "
            "ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents",
            counts.items(),
        )


def rebuild_terms(conn: sqlite3.Connection) -> int:
    """Recount search_terms from every stored quote; returns the number of terms."""
    counts: dict[str, int] = {}
    for (text,) in conn.execute("SELECT text FROM quotes"):
        for term in terms_of(text or ""):
            counts[term] = counts.get(term, 0) + 1
    conn.execute("DELETE FROM search_terms")
    conn.executemany("INSERT INTO search_terms (term, documents) VALUES (?, ?)", counts.items())
    return len(counts)


# -- parsing a query ------------------------------------------------------------


@dataclass
class _Item:
    """One word, phrase or prefix of a query."""

    tokens: list[str]
    spans: list[tuple[int, int]]  # where each token is in the query string
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    # token index -> the vocabulary words to search instead (closest first)
    alternatives: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class _Query:
    groups: list[list[_Item]]  # AND of ORs
    excluded: list[_Item]
    notes: list[str]


def _tokens(text: str, offset: int) -> tuple[list[str], list[tuple[int, int]]]:
    tokens, spans = [], []
    for match in _TOKEN.finditer(text):
        tokens.append(match.group())
        spans.append((offset + match.start(), offset + match.end()))
    return tokens, spans


def parse_query(query: str) -> _Query:
    """Parse the user's query into groups of items; raises QuotebookError when empty."""
    if not isinstance(query, str):
        raise QuotebookError("the query must be text")
    # NFC first so an accented letter typed as two code points stays one token.
    text = unicodedata.normalize("NFC", query.replace("\x00", " "))
    notes: list[str] = []
    sequence: list[_Item | str] = []  # items and the operators "OR", "NOT"
    pos, length = 0, len(text)
    while pos < length:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        negated = False
        if ch == "-" and pos + 1 < length and not text[pos + 1].isspace():
            negated, pos = True, pos + 1
        if text[pos] in _QUOTE_MARKS:
            close = next((i for i in range(pos + 1, length) if text[i] in _QUOTE_MARKS), length)
            inner, start = text[pos + 1:close], pos + 1
            tokens, spans = _tokens(inner, start)
            prefix = close + 1 < length and text[close + 1] == "*"
            pos = close + 1 + prefix
            if tokens:
                sequence.append(_Item(tokens, spans, phrase=True, prefix=prefix, negated=negated))
            continue
        end = pos
        while end < length and not text[end].isspace() and text[end] not in _QUOTE_MARKS:
            end += 1
        word = text[pos:end]
        pos = end
        if not negated and word in ("OR", "AND", "NOT"):
            sequence.append(word)
            continue
        tokens, spans = _tokens(word, end - len(word))
        if tokens:
            prefix = word.endswith("*") and bool(_TOKEN.search(word[-2:-1] or ""))
            sequence.append(_Item(tokens, spans, phrase=len(tokens) > 1, prefix=prefix,
                                  negated=negated))

    groups: list[list[_Item]] = []
    excluded: list[_Item] = []
    stray: list[str] = []
    join_next = negate_next = False
    for index, part in enumerate(sequence):
        if isinstance(part, str):
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            if part == "OR" and groups and isinstance(following, _Item) and not following.negated \
                    and not join_next and not negate_next:
                join_next = True
            elif part == "NOT" and isinstance(following, _Item) and not negate_next:
                negate_next = True
            elif part != "AND":
                stray.append(part)
            continue
        if negate_next:
            part.negated, negate_next = True, False
        if part.negated:
            excluded.append(part)
            join_next = False
        elif join_next:
            groups[-1].append(part)
            join_next = False
        else:
            groups.append([part])
    if stray:
        notes.append(f"ignored {', '.join(dict.fromkeys(stray))} with nothing to join; "
                     'put it in quotes to search for the word')
    if not groups:
        if excluded:
            raise QuotebookError("the query only excludes words; give at least one word to find")
        raise QuotebookError("nothing to search for: give at least one word")
    return _Query(groups, excluded, notes)


def _fts_string(tokens: Sequence[str], prefix: bool = False) -> str:
    body = " ".join(tokens).replace('"', '""')
    return f'"{body}"' + ("*" if prefix else "")


def _item_match(item: _Item) -> str:
    if not item.alternatives:
        return _fts_string(item.tokens, item.prefix)
    if len(item.tokens) == 1:
        words = item.alternatives[0]
        return "(" + " OR ".join(_fts_string([w], item.prefix) for w in words) + ")"
    tokens = [item.alternatives[i][0] if i in item.alternatives else t
              for i, t in enumerate(item.tokens)]
    return _fts_string(tokens, item.prefix)


def match_expression(parsed: _Query) -> str:
    """The FTS5 MATCH string: every term double-quoted, the structure ours."""
    positive = " AND ".join(
        _item_match(group[0]) if len(group) == 1
        else "(" + " OR ".join(_item_match(i) for i in group) + ")"
        for group in parsed.groups
    )
    if parsed.excluded:
        negative = " OR ".join(_item_match(i) for i in parsed.excluded)
        return f"({positive}) NOT ({negative})"
    return positive


# -- typo correction ------------------------------------------------------------


def _max_distance(term: str) -> int:
    return 1 if len(term) <= 5 else 2


def _is_known(conn: sqlite3.Connection, term: str) -> bool:
    if conn.execute("SELECT 1 FROM search_terms WHERE term = ?", (term,)).fetchone():
        return True
    # Not as written, but maybe as a stem ("sanction") or in a name or title.
    return conn.execute(
        "SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 1", (_fts_string([term]),)
    ).fetchone() is not None


def _bucket(conn: sqlite3.Connection, prefix: str, low: int, high: int) -> list[tuple[str, int]]:
    """Vocabulary words starting with prefix whose length is in [low, high] (a key range scan)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return conn.execute(
        "SELECT term, documents FROM search_terms WHERE term >= ? AND term < ? "
        "AND length(term) BETWEEN ? AND ?", (prefix, upper, low, high)).fetchall()


def closest_terms(conn: sqlite3.Connection, term: str, limit: int = 3) -> list[str]:
    """Vocabulary words within a small edit distance of term, closest and commonest first.

    Candidates come from key-range buckets, not the whole vocabulary: words
    sharing the first two letters, then (only when those give nothing) the
    first letter, plus the first two letters swapped ("asnctions").
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    term = fold(term)
    if len(term) < 3 or term.isdigit():
        return []
    limit_distance = _max_distance(term)
    low, high = len(term) - limit_distance, len(term) + limit_distance
    swapped = term[1] + term[0]
    buckets = [term[:2]] + ([swapped] if swapped != term[:2] else [])
    candidates = [c for b in buckets for c in _bucket(conn, b, low, high)]
    found = _nearest(process, OSA, term, candidates, limit_distance)
    if not found:
        found = _nearest(process, OSA, term, _bucket(conn, term[0], low, high), limit_distance)
    if not found:
        return []
    best = min(d for _, d, _ in found)
    closest = sorted((f for f in found if f[1] == best), key=lambda f: -f[2])
    return [word for word, _, _ in closest[:limit]]


def _nearest(process, OSA, term: str, candidates: list[tuple[str, int]], limit_distance: int):
    if not candidates:
        return []
    documents = dict(candidates)
    matches = process.extract(term, list(documents), scorer=OSA.distance,
                              score_cutoff=limit_distance, limit=None)
    return [(word, distance, documents[word]) for word, distance, _ in matches if word != term]


def _correct(conn: sqlite3.Connection, parsed: _Query) -> list[tuple[tuple[int, int], str]]:
    """Expand unknown words to their closest vocabulary words; returns (span, replacement)."""
    replacements = []
    for group in parsed.groups:
        for item in group:
            last = len(item.tokens) - 1
            for index, token in enumerate(item.tokens):
                if (item.prefix and index == last) or len(token) < 3 or token.isdigit():
                    continue
                folded = fold(token)
                if _is_known(conn, folded):
                    continue
                alternatives = closest_terms(conn, folded)
                if alternatives:
                    item.alternatives[index] = alternatives
                    replacements.append((item.spans[index], alternatives[0]))
                else:
                    parsed.notes.append(f"no quotation has a word like {token!r}")
    return replacements


# -- searching ------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResults:
    quotes: list[StoredQuote]
    corrected: str | None = None  # the query as searched, when typo correction changed it
    notes: list[str] = field(default_factory=list)
    match: str = ""  # the FTS5 MATCH expression that ran
    truncated: bool = False  # True when only the newest matches were searched or ranked


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    # Lone surrogates (from undecodable command-line bytes) cannot be bound to SQLite.
    return str(value).encode("utf-8", "replace").decode("utf-8")


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
    """Search the quotations; see the module docstring for the query language.

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
        rowids = _date_rowids(conn, since_bound, until_bound)
        cost, total = _phrase_cost(conn, parsed)
        window_note = None
        if cost > PHRASE_COST_ROWS:
            ids, window_note = _windowed_ids(conn, ranked_match, where, params,
                                             needs_article=bool(source), rowids=rowids,
                                             limit=limit, sort=sort, cost=cost, total=total)
            truncated = window_note is not None
        else:
            ids, truncated = _ranked_ids(conn, ranked_match, where, params,
                                         needs_article=bool(source), rowids=rowids,
                                         limit=limit, sort=sort)
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
                needs_article: bool, rowids: tuple[int, int] | None, limit: int, sort: str
                ) -> tuple[list[tuple[int, float | None]], bool]:
    """(quote id, bm25) of the best matches, and whether the ranking was windowed.

    FTS5 drives; filters are checked on the quotes row of each match.  When
    more than RANK_WINDOW rows match, only the newest RANK_WINDOW are ranked
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
    # Where does the newest RANK_WINDOW-th match start?  None: fewer match.
    row = conn.execute(
        f"SELECT quotes_fts.rowid {fts_from} ORDER BY quotes_fts.rowid DESC LIMIT 1 OFFSET ?",
        [*fts_params, RANK_WINDOW]).fetchone()
    if row is None:
        score = RANK if sort == "relevance" else "NULL"
        sql = f"SELECT q.id, {score} AS score {fts_from} ORDER BY {order} LIMIT ?"
        return conn.execute(sql, [*fts_params, limit]).fetchall(), False
    if sort == "date":
        return _newest_matches(conn, match, where, params, article_join, limit), False
    sql = (f"SELECT q.id, {RANK} AS score {fts_from} AND quotes_fts.rowid > ? "
           f"ORDER BY {order} LIMIT ?")
    return conn.execute(sql, [*fts_params, row[0], limit]).fetchall(), True


def _documents(conn: sqlite3.Connection, word: str, prefix: bool) -> int:
    """How many quotes use a surface word (or, for a prefix, words starting with it)."""
    if not prefix:
        row = conn.execute("SELECT documents FROM search_terms WHERE term = ?", (word,)).fetchone()
        return row[0] if row else 0
    upper = word[:-1] + chr(ord(word[-1]) + 1)
    # Capped: a one-letter prefix would otherwise sum a large part of the vocabulary,
    # and a few thousand words are enough to call it expensive.
    return conn.execute(
        "SELECT coalesce(sum(documents), 0) FROM (SELECT documents FROM search_terms "
        "WHERE term >= ? AND term < ? LIMIT 5000)", (word, upper)).fetchone()[0]


def _phrase_cost(conn: sqlite3.Connection, parsed: _Query) -> tuple[float, int]:
    """(estimated rows FTS5 checks positions on for the costliest phrase, rows in the index).

    A phrase's words are taken as independent, so "in a" is expected in
    N * df(in)/N * df(a)/N rows -- the rows where both occur, each needing a
    position check.  The real phrase is much rarer; the checks are the cost.
    Words only in names or titles, or only as a stem, count as rare here.
    """
    items = [item for group in parsed.groups for item in group] + parsed.excluded
    phrases = [item for item in items if len(item.tokens) > 1]
    if not phrases:
        return 0.0, 0
    total = conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
    worst = 0.0
    for item in phrases:
        rows = float(total)
        last = len(item.tokens) - 1
        for index, token in enumerate(item.tokens):
            word = item.alternatives[index][0] if index in item.alternatives else fold(token)
            documents = _documents(conn, word, prefix=item.prefix and index == last)
            rows *= min(1.0, documents / total) if total else 0.0
        worst = max(worst, rows)
    return worst, total


def _windowed_ids(conn: sqlite3.Connection, match: str, where: str, params: list, *,
                  needs_article: bool, rowids: tuple[int, int] | None, limit: int, sort: str,
                  cost: float, total: int) -> tuple[list[tuple[int, float | None]], str | None]:
    """The best matches of a costly phrase query among the newest rows; and a note if bounded.

    The MATCH runs over rowid windows from the newest down (FTS5 seeks to a
    rowid range instead of walking whole doclists), each sized from the match
    rate so far, until WINDOW_MATCHES matches are found or about
    WINDOW_CHECK_BUDGET position checks are spent.  Every row listed matches
    the whole query; only how far back the search went is bounded.
    """
    article_join = " JOIN articles a ON a.id = q.article_id" if needs_article else ""
    low, high = rowids or (1, total)
    density = max(cost / max(total, 1), 1e-9)
    budget_rows = max(WINDOW_FIRST_ROWS, int(WINDOW_CHECK_BUDGET / density))
    wanted = max(limit, WINDOW_MATCHES)
    # Highlights are fetched with the matches, so ranking needs no second scan.
    columns = "".join(f", highlight(quotes_fts, {c}, '{HIGHLIGHT_START}', '')"
                      for c in range(len(WEIGHTS))) if sort == "relevance" else ""
    sql = (f"SELECT q.id, q.date{columns} FROM quotes_fts JOIN quotes q "
           f"ON q.id = quotes_fts.rowid{article_join} WHERE quotes_fts MATCH ? AND {where} "
           f"AND quotes_fts.rowid BETWEEN ? AND ?")
    found: list[tuple] = []
    top, size = high, WINDOW_FIRST_ROWS
    while top >= low and len(found) < wanted and high - top < budget_rows:
        bottom = max(low, top - size + 1, high - budget_rows + 1)
        found += conn.execute(sql, [match, *params, bottom, top]).fetchall()
        top = bottom - 1
        scanned = high - top
        # The next window: enough rows for the matches still wanted at the rate so
        # far (with a margin), never more than double the last.
        if found:
            size = min(2 * size, max(WINDOW_FIRST_ROWS // 4,
                                     int(1.25 * (wanted - len(found)) * scanned / len(found))))
        else:
            size *= 2
    found.sort(key=lambda r: r[0], reverse=True)
    capped = len(found) > wanted
    found = found[:wanted]
    note = None
    if top >= low or capped:
        searched = high - (found[-1][0] if capped else top + 1) + 1
        note = (f"the query has a phrase of very common words, so only the newest "
                f"{searched:,} quotations were searched ({len(found):,} matches, ranked among "
                "themselves); add words or filters to search further back")
    if sort == "date":
        found.sort(key=lambda r: (r[1] or "", r[0]), reverse=True)
        return [(r[0], None) for r in found[:limit]], note
    return _rank_found(found, limit), note


def _rank_found(found: list[tuple], limit: int) -> list[tuple[int, float]]:
    """(id, score) of the best of these matches: FTS5's bm25 formula, but without IDF.

    found holds (id, date, highlighted column, ...).  As in FTS5's bm25, a
    match's frequency is the column-weighted count of its matches and D is the
    row's length in tokens over all columns; avgdl is taken from these rows.
    Without bm25()'s whole-index count of each phrase there is no IDF: for a
    one-phrase query that is a constant factor, so the order is bm25's; with
    several terms they count alike.  Overlapping matches are highlighted as
    one, so "the the" in "the the the" counts once.
    """
    if not found:
        return []
    k1, b = 1.2, 0.75
    frequencies, lengths = [], []
    for row in found:
        columns = [text or "" for text in row[2:]]
        frequencies.append(sum(w * t.count(HIGHLIGHT_START) for w, t in zip(WEIGHTS, columns)))
        lengths.append(sum(len(_TOKEN.findall(t)) for t in columns))
    average = max(1.0, sum(lengths) / len(lengths))
    scored = []
    for row, frequency, length in zip(found, frequencies, lengths):
        score = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / average))
        scored.append((row[0], -score, row[1] or ""))
    # Ties go to the newest, as on the bm25 path: sort by date, then (stable) by score.
    scored.sort(key=lambda s: (s[2], s[0]), reverse=True)
    scored.sort(key=lambda s: s[1])
    return [(i, score) for i, score, _ in scored[:limit]]


def _date_rowids(conn: sqlite3.Connection, since: str | None, until: str | None
                 ) -> tuple[int, int] | None:
    """The rowid range of the quotes in a narrow date range, to bound the FTS5 scan.

    Quotes are mostly imported in date order, so a week is a short run of
    rowids.  A wide range (more than DATE_BOUND_ROWS quotes) gives None.
    """
    clauses, params = [], []
    if since:
        clauses.append("date >= ?")
        params.append(since)
    if until:
        clauses.append("date < ? || '~'")
        params.append(until)
    if not clauses:
        return None
    where = " AND ".join(clauses)
    count = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM quotes WHERE {where} LIMIT ?)",
                         [*params, DATE_BOUND_ROWS + 1]).fetchone()[0]
    if count > DATE_BOUND_ROWS:
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


def mark_highlights(highlighted: str, start: str = "[", end: str = "]") -> str:
    """The highlighted text with the private-use markers replaced by start/end."""
    return highlighted.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def highlight_spans(highlighted: str) -> tuple[str, list[tuple[int, int]]]:
    """(plain text, [(start, end), ...] of the matches in it)."""
    plain, spans, open_at = [], [], None
    length = 0
    for ch in highlighted:
        if ch == HIGHLIGHT_START:
            open_at = length
        elif ch == HIGHLIGHT_END:
            if open_at is not None:
                spans.append((open_at, length))
            open_at = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), spans


# -- dates given by a user --------------------------------------------------------

_ISO_BOUND = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(day|week|month|year)s?\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def parse_date_bound(value: str, *, end: bool = False, today: date | None = None) -> str:
    """A --since/--until value as an ISO prefix ("2020", "2020-02", "2020-02-01").

    Accepts ISO dates and partial dates, "today", "yesterday", "this/last
    week|month|year", "N days|weeks|months|years ago", and dates such as
    "1 February 2020" or "February 2020".  A period is returned at its own
    precision, which store.quote_filters treats as a prefix: "last month" as
    --until includes the whole month.  A week has no ISO prefix, so it gives
    its Monday, or its Sunday when ``end``.
    """
    text = " ".join(_clean(str(value)).strip().lower().split())
    today = today or date.today()
    if not text:
        raise QuotebookError("empty date: use e.g. 2020, 2020-02, 2020-02-01 or 'last month'")
    match = _ISO_BOUND.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if day is not None:
                return date(year, month, day).isoformat()
            if month is not None:
                date(year, month, 1)
                return f"{year:04d}-{month:02d}"
            date(year, 1, 1)
            return f"{year:04d}"
        except ValueError:
            raise QuotebookError(f"not a valid date: {value!r}") from None
    if text == "today":
        return today.isoformat()
    if text == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    if text in ("this week", "last week"):
        monday = today - timedelta(days=today.weekday() + (7 if text == "last week" else 0))
        return (monday + timedelta(days=6) if end else monday).isoformat()
    if text in ("this month", "last month"):
        year, month = today.year, today.month - (text == "last month")
        if month == 0:
            year, month = year - 1, 12
        return f"{year:04d}-{month:02d}"
    if text in ("this year", "last year"):
        return f"{today.year - (text == 'last year'):04d}"
    match = _AGO.match(text)
    if match:
        count = int(match[1]) if match[1].isdigit() else _NUMBERS[match[1]]
        unit = match[2]
        if count > 10_000:
            raise QuotebookError(f"not a valid date: {value!r}")
        if unit == "day":
            return (today - timedelta(days=count)).isoformat()
        if unit == "week":
            return (today - timedelta(weeks=count)).isoformat()
        if unit == "month":
            months = today.year * 12 + today.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return f"{today.year - count:04d}"
    if re.search(r"[a-z]", text) and re.search(r"\d{4}", text) and len(text) <= 40:
        from quotebook.dates import normalise_date

        iso, precision = normalise_date(text)
        if iso and precision in ("day", "month", "year"):
            return iso[:10]
    raise QuotebookError(
        f"not a date: {value!r} (use e.g. 2020, 2020-02, 2020-02-01, 'yesterday' or 'last month')")


# -- speakers ---------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerMatch:
    ids: list[int]
    names: list[str]
    ambiguous: bool = False
    suggestions: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def nicknames() -> dict[str, set[str]]:
    """Given name <-> nicknames, both ways, from data/nicknames.txt."""
    from importlib import resources

    table: dict[str, set[str]] = {}
    text = resources.files("quotebook").joinpath("data/nicknames.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        given, _, short = line.partition(":")
        names = {given.strip()} | {s.strip() for s in short.split(",") if s.strip()}
        for name in names:
            table.setdefault(name, set()).update(names - {name})
    return table


def _exact(conn: sqlite3.Connection, key: str) -> list[tuple[int, str]]:
    return conn.execute(
        "SELECT id, name FROM speakers WHERE key = ? UNION "
        "SELECT s.id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
        "WHERE a.key = ?", (key, key)).fetchall()


def _match(rows: Iterable[tuple[int, str]]) -> SpeakerMatch:
    rows = sorted(set(rows), key=lambda r: (r[1], r[0]))
    return SpeakerMatch(ids=[r[0] for r in rows], names=[r[1] for r in rows],
                        ambiguous=len(rows) > 1)


def resolve_speaker(conn: sqlite3.Connection, name: str) -> SpeakerMatch:
    """The speaker a user means by name: exact name or alias, nickname, surname, then typo.

    "pompeo", "Mike Pompeo" and "pompoe" all reach Michael Pompeo.  When more
    than one person fits ("sanders"), ``ambiguous`` is True and every
    candidate is listed: never guess.  Nothing found: ``ids`` is empty and
    ``suggestions`` holds the nearest names.
    """
    key = name_key(_clean(name) or "")
    if not key:
        return SpeakerMatch([], [])
    rows = _exact(conn, key)
    if rows:
        return _match(rows)
    words = key.split()
    if len(words) > 1:
        for other in sorted(nicknames().get(words[0], ())):
            rows += _exact(conn, " ".join([other, *words[1:]]))
        if rows:
            return _match(rows)
    # A surname or a given name alone: every speaker whose name has it as a word.
    rows = conn.execute(
        "SELECT id, name FROM speakers WHERE key LIKE '% ' || ? OR key LIKE ? || ' %' "
        "OR key LIKE '% ' || ? || ' %'", (key, key, key)).fetchall()
    if rows:
        return _match(rows)
    return _fuzzy_speaker(conn, key)


def _fuzzy_speaker(conn: sqlite3.Connection, key: str) -> SpeakerMatch:
    from rapidfuzz import fuzz

    single = " " not in key
    scores: dict[int, float] = {}
    names: dict[int, str] = {}
    rows = conn.execute(
        "SELECT id, name, key FROM speakers UNION ALL "
        "SELECT s.id, s.name, a.key FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id")
    for speaker_id, speaker_name, speaker_key in rows:
        score = fuzz.ratio(key, speaker_key)
        if single:
            # One word typed: compare it with each word of the name ("pompoe" ~ "pompeo").
            score = max([score] + [fuzz.ratio(key, w) for w in speaker_key.split() if len(w) > 2])
        if score > scores.get(speaker_id, 0):
            scores[speaker_id], names[speaker_id] = score, speaker_name
    ranked = sorted(scores.items(), key=lambda s: (-s[1], names[s[0]]))
    if ranked and ranked[0][1] >= 80:
        best = ranked[0][1]
        close = [(i, names[i]) for i, s in ranked if s >= best - 3]
        return _match(close)
    suggestions = [names[i] for i, s in ranked[:5] if s >= 55]
    return SpeakerMatch([], [], suggestions=suggestions)
