"""Windowed ranking for a phrase of very common words ("in a").

Such a phrase is costly to match at all, so it is searched over the newest
rows first, in widening windows, within a fixed budget; the matches found are
ranked by the same bm25 formula with the phrase's document frequency left out
(see ``_rank_found``), and a note says when the search stopped before the
oldest rows.
"""

from __future__ import annotations

import sqlite3

from quotebook.search.highlight import HIGHLIGHT_START
from quotebook.search.query import _TOKEN, _Query
from quotebook.search.rank import WEIGHTS
from quotebook.search.vocabulary import fold


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


def _phrase_cost(conn: sqlite3.Connection, parsed: _Query) -> tuple[float, int, int]:
    """(estimated rows FTS5 checks positions on for the costliest phrase, rows in the index,
    rows of the longest walk: for each phrase, the quotes holding its rarest word).

    A phrase's words are taken as independent, so "in a" is expected in
    N * df(in)/N * df(a)/N rows -- the rows where both occur, each needing a
    position check.  The real phrase is much rarer; the checks are the cost.
    But FTS5 also walks at least the doclist of the phrase's rarest word, so
    three common words ("they was and") are costly however rarely they are
    expected together.  Words only in names or titles, or only as a stem,
    count as rare here.
    """
    items = [item for group in parsed.groups for item in group] + parsed.excluded
    phrases = [item for item in items if len(item.tokens) > 1]
    if not phrases:
        return 0.0, 0, 0
    total = conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
    worst, walk = 0.0, 0
    for item in phrases:
        rows = float(total)
        fewest = total
        last = len(item.tokens) - 1
        for index, token in enumerate(item.tokens):
            word = item.alternatives[index][0] if index in item.alternatives else fold(token)
            documents = _documents(conn, word, prefix=item.prefix and index == last)
            rows *= min(1.0, documents / total) if total else 0.0
            fewest = min(fewest, documents)
        worst = max(worst, rows)
        walk = max(walk, fewest)
    return worst, total, walk


def _windowed_ids(conn: sqlite3.Connection, match: str, where: str, params: list, *,
                  needs_article: bool, rowids: tuple[int, int] | None, limit: int, sort: str,
                  cost: float, total: int, first_rows: int, check_budget: int, matches: int
                  ) -> tuple[list[tuple[int, float | None]], str | None]:
    """The best matches of a costly phrase query among the newest rows; and a note if bounded.

    The MATCH runs over rowid windows from the newest down (FTS5 seeks to a
    rowid range instead of walking whole doclists), the first ``first_rows``
    wide and each next one sized from the match rate so far, until ``matches``
    matches are found or about ``check_budget`` position checks are spent.
    Every row listed matches the whole query; only how far back the search
    went is bounded.
    """
    article_join = " JOIN articles a ON a.id = q.article_id" if needs_article else ""
    low, high = rowids or (1, total)
    density = max(cost / max(total, 1), 1e-9)
    budget_rows = max(first_rows, int(check_budget / density))
    wanted = max(limit, matches)
    # Highlights are fetched with the matches, so ranking needs no second scan.
    columns = "".join(f", highlight(quotes_fts, {c}, '{HIGHLIGHT_START}', '')"
                      for c in range(len(WEIGHTS))) if sort == "relevance" else ""
    sql = (f"SELECT q.id, q.date{columns} FROM quotes_fts JOIN quotes q "
           f"ON q.id = quotes_fts.rowid{article_join} WHERE quotes_fts MATCH ? AND {where} "
           f"AND quotes_fts.rowid BETWEEN ? AND ?")
    found: list[tuple] = []
    top, size = high, first_rows
    while top >= low and len(found) < wanted and high - top < budget_rows:
        bottom = max(low, top - size + 1, high - budget_rows + 1)
        found += conn.execute(sql, [match, *params, bottom, top]).fetchall()
        top = bottom - 1
        scanned = high - top
        # The next window: enough rows for the matches still wanted at the rate so
        # far (with a margin), never more than double the last.
        if found:
            size = min(2 * size, max(first_rows // 4,
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
