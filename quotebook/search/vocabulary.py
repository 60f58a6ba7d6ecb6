"""The vocabulary (search_terms) and typo expansion of query words against it.

Typo tolerance works on ``search_terms``, the vocabulary each import keeps
current.  Its terms are *surface words*: tokens as FTS5's unicode61 tokenizer
splits them (letters and digits), case-folded and with accents removed, but
not stemmed -- so a correction reads as a real word ("showing results for
sanctions").  A query word that matches nothing in the index is replaced by
its closest vocabulary words by edit distance (rapidfuzz OSA, transpositions
count one), searched with OR.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quotebook.search.query import _TOKEN, _fts_string, _Query


@lru_cache(maxsize=65536)  # words repeat: most of an import's tokens were folded before
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
